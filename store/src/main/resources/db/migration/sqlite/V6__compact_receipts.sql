-- Compact receipts (docs/adr/0021-compact-receipts.md).
--
-- Every pack version a receipt refers to, kept by its content hash: the pack's files as loaded
-- (a zip archive, format 1), written once, when a receipt first refers to it, never changed.
CREATE TABLE packs (
  content_hash TEXT    NOT NULL PRIMARY KEY,
  id           TEXT    NOT NULL,
  version      TEXT    NOT NULL,
  stored_at    TEXT    NOT NULL,
  format       INTEGER NOT NULL,
  content      BLOB    NOT NULL
) STRICT;

-- A receipt's assumption values and findings are kept either as JSON text (assumptions, findings:
-- every receipt made before this migration, until start-up converts it) or together, compressed
-- (packed: a format byte, then both JSON texts deflated). SQLite cannot drop a NOT NULL or change a
-- CHECK in place: the table is rebuilt with every row copied as it is.
CREATE TABLE assessments_v6 (
  id              TEXT    NOT NULL PRIMARY KEY,
  case_id         TEXT    NOT NULL REFERENCES cases (id),
  case_version    INTEGER NOT NULL,
  as_of           TEXT    NOT NULL,
  facts_snapshot  TEXT    NOT NULL CHECK (json_valid(facts_snapshot)),
  pack_id         TEXT    NOT NULL,
  pack_version    TEXT    NOT NULL,
  content_hash    TEXT    NOT NULL,
  assumptions     TEXT    CHECK (assumptions IS NULL OR json_valid(assumptions)),
  engine_version  TEXT    NOT NULL,
  findings        TEXT    CHECK (findings IS NULL OR json_valid(findings)),
  actor           TEXT    NOT NULL,
  assessed_at     TEXT    NOT NULL,
  facts_as_of     TEXT,
  packed          BLOB,
  CHECK ((findings IS NULL) = (assumptions IS NULL) AND (findings IS NULL) <> (packed IS NULL))
) STRICT;

INSERT INTO assessments_v6 (id, case_id, case_version, as_of, facts_snapshot, pack_id,
    pack_version, content_hash, assumptions, engine_version, findings, actor, assessed_at,
    facts_as_of, packed)
  SELECT id, case_id, case_version, as_of, facts_snapshot, pack_id, pack_version, content_hash,
      assumptions, engine_version, findings, actor, assessed_at, facts_as_of, NULL
  FROM assessments;

DROP TABLE assessments;
ALTER TABLE assessments_v6 RENAME TO assessments;
CREATE INDEX assessments_by_case ON assessments (case_id, assessed_at);

-- The receipts not yet converted (or kept in full: their pack is not available), found at start-up
-- without reading the table.
CREATE INDEX assessments_unconverted ON assessments (id) WHERE findings IS NOT NULL;
