-- Every till receipt booked, once (docs/decisions/0014-purchase-receipts-apart-from-the-ledger.md). The key is the
-- receipt's identity, its post office and its number at that office: a receipt in a file uploaded again, or in two
-- overlapping exports, is refused here, so its points are never credited twice. The ledger gets one entry per member
-- and import batch for the receipts that batch booked.
CREATE TABLE loyalty_purchase (
    postcode    INT          NOT NULL,
    receipt_id  VARCHAR(100) COLLATE "C" NOT NULL,
    -- No foreign key: the import takes the member from the card it found, locks the account first, and accounts are
    -- never deleted (LedgerReferencesTest); a check per receipt would cost more than the rest of the booking.
    member_id   BIGINT       NOT NULL,
    -- What the receipt earned, which a refund takes back; 0 when its amount earned nothing.
    points      BIGINT       NOT NULL,
    -- The import that booked it; empty for receipts booked before this table existed.
    import_id   BIGINT,
    CONSTRAINT loyalty_purchase_pk PRIMARY KEY (postcode, receipt_id)
);

-- Receipts booked so far were ledger entries of their own (source reference purchase:<postcode>:<receipt>); they
-- stay in the ledger as they are and are known here, so they are neither booked again nor refunded twice.
INSERT INTO loyalty_purchase (postcode, receipt_id, member_id, points, import_id)
SELECT substr(source_ref, 10, 6)::INT, substr(source_ref, 17), member_id, points, NULL
  FROM loyalty_ledger_entry
 WHERE source_ref LIKE 'purchase:%';

-- With one entry per member and batch instead of one per receipt, the ledger's references cost next to nothing to
-- check again (they were dropped in V9 for the import's sake, docs/decisions/0010-ledger-without-foreign-keys.md).
ALTER TABLE loyalty_ledger_entry
    ADD CONSTRAINT loyalty_ledger_entry_member_id_fkey FOREIGN KEY (member_id) REFERENCES loyalty_account (member_id);
ALTER TABLE loyalty_ledger_entry
    ADD CONSTRAINT loyalty_ledger_entry_card_id_fkey FOREIGN KEY (card_id) REFERENCES loyalty_card (id);
