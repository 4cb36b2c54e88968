-- An upload is booked while it is still arriving: its parts are committed one by one, and "received" says whether
-- the whole file came. An import whose file did not all arrive (its node stopped during the upload) is not resumed.
ALTER TABLE loyalty_import ADD COLUMN received BOOLEAN NOT NULL DEFAULT true;
