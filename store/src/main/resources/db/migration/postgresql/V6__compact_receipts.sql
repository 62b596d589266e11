-- Compact receipts (docs/adr/0021-compact-receipts.md).
--
-- Every pack version a receipt refers to, kept by its content hash: the pack's files as loaded
-- (a zip archive, format 1), written once, when a receipt first refers to it, never changed.
CREATE TABLE packs (
  content_hash text        NOT NULL PRIMARY KEY,
  id           text        NOT NULL,
  version      text        NOT NULL,
  stored_at    timestamptz NOT NULL,
  format       integer     NOT NULL,
  content      bytea       NOT NULL
);

-- A receipt's assumption values and findings are kept either as JSON (assumptions, findings: every
-- receipt made before this migration, until start-up converts it) or together, compressed (packed:
-- a format byte, then both JSON texts deflated).
ALTER TABLE assessments ALTER COLUMN findings DROP NOT NULL;
ALTER TABLE assessments ALTER COLUMN assumptions DROP NOT NULL;
ALTER TABLE assessments ADD COLUMN packed bytea;
ALTER TABLE assessments ADD CONSTRAINT assessments_packed_or_text
  CHECK ((findings IS NULL) = (assumptions IS NULL) AND (findings IS NULL) <> (packed IS NULL));

-- The receipts not yet converted (or kept in full: their pack is not available), found at start-up
-- without reading the table.
CREATE INDEX assessments_unconverted ON assessments (id) WHERE findings IS NOT NULL;
