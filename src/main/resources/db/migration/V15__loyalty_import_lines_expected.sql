-- How many lines an import is expected to have, estimated from the start of the file when its booking begins, so the
-- import screen can show how far a large file has got. Empty until then, and for imports booked before.
ALTER TABLE loyalty_import ADD COLUMN lines_expected BIGINT;
