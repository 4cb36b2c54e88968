-- A till export is kept as it was uploaded, 1 MB per row. PostgreSQL's default compression (pglz) made keeping a 68 MB
-- file take 1.3 s of the server's CPU, longer than a COPY of all its lines; LZ4 takes a quarter of that and keeps the
-- file about as small (25 MB instead of 22 MB). A server built without LZ4 keeps the parts uncompressed instead,
-- which is still twice as fast as pglz (docs/benchmarks.md, Loyalty). Parts stored before keep their compression.
DO $$
BEGIN
    ALTER TABLE loyalty_import_part ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION
    WHEN feature_not_supported THEN
        ALTER TABLE loyalty_import_part ALTER COLUMN data SET STORAGE EXTERNAL;
END
$$;
