-- An import books its batches on two connections, so they can commit out of order: each batch records the lines it
-- covered, and a restart skips the lines of every batch booked (docs/decisions/0014-purchase-receipts-apart-from-the-ledger.md).
-- lines_done counts the lines booked so far instead of naming the last one.
CREATE TABLE loyalty_import_batch (
    import_id   BIGINT NOT NULL REFERENCES loyalty_import (id),
    first_line  BIGINT NOT NULL,
    last_line   BIGINT NOT NULL,
    PRIMARY KEY (import_id, first_line)
);

-- Imports booked one batch after another so far: everything up to lines_done is booked.
INSERT INTO loyalty_import_batch (import_id, first_line, last_line)
SELECT id, 2, lines_done FROM loyalty_import WHERE lines_done >= 2;
