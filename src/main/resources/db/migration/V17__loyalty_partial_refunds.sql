-- A refund takes back the points of the amount refunded, not always the whole receipt's: a member who returns one of
-- three items keeps the points of the other two. For that each receipt keeps its amount (empty for receipts booked
-- before) and how much of it has been refunded, and every refund line is recorded once under its own identity (the
-- receipt, the refund's time and amount), so a file uploaded again refunds nothing twice.
ALTER TABLE loyalty_purchase
    ADD COLUMN kopecks BIGINT,
    ADD COLUMN refunded_kopecks BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN refunded_points BIGINT NOT NULL DEFAULT 0;

CREATE TABLE loyalty_purchase_refund (
    postcode     INT          NOT NULL,
    receipt_id   VARCHAR(100) COLLATE "C" NOT NULL,
    refunded_at  TIMESTAMP    NOT NULL,
    kopecks      BIGINT       NOT NULL,
    -- The points taken back; 0 when the refund did not bring the receipt below a full hundred roubles it earned for.
    points       BIGINT       NOT NULL,
    import_id    BIGINT       NOT NULL REFERENCES loyalty_import (id),
    CONSTRAINT loyalty_purchase_refund_pk PRIMARY KEY (postcode, receipt_id, refunded_at, kopecks)
);

-- Refunds booked before took back a receipt's points whole (source reference refund:<postcode>:<receipt>).
UPDATE loyalty_purchase p
   SET refunded_points = -e.points
  FROM loyalty_ledger_entry e
 WHERE e.source_ref = 'refund:' || p.postcode || ':' || p.receipt_id;
