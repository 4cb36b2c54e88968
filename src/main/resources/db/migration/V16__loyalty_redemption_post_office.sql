-- The post office where a member spent points: staff name it with every redemption at the counter. Empty for other
-- entries and for redemptions booked before.
ALTER TABLE loyalty_ledger_entry ADD COLUMN post_office INT
    CONSTRAINT loyalty_ledger_entry_post_office_ck CHECK (post_office BETWEEN 100000 AND 999999);
