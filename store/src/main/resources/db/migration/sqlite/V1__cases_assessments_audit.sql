-- The embedded store (SQLite). Times are UTC text with six fraction digits
-- (2026-03-01T09:15:00.000000Z), so they sort as times; JSON is text checked by json_valid.
-- STRICT tables: a value of the wrong type is an error, not silently kept.

-- A case: its facts as one JSON object (fact name to value), and the version that optimistic
-- locking compares (each update adds one).
CREATE TABLE cases (
  id         TEXT    NOT NULL PRIMARY KEY,
  reference  TEXT,
  facts      TEXT    NOT NULL CHECK (json_valid(facts) AND json_type(facts) = 'object'),
  version    INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
) STRICT;

-- Every change of every fact: old and new value as JSON (NULL: not set), who, when, why, and the
-- case version it produced. Creating a case records its facts at version 1.
CREATE TABLE fact_changes (
  case_id    TEXT    NOT NULL REFERENCES cases (id),
  version    INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  fact       TEXT    NOT NULL,
  old_value  TEXT    CHECK (old_value IS NULL OR json_valid(old_value)),
  new_value  TEXT    CHECK (new_value IS NULL OR json_valid(new_value)),
  actor      TEXT    NOT NULL,
  changed_at TEXT    NOT NULL,
  note       TEXT,
  PRIMARY KEY (case_id, version, position)
) STRICT;

-- The receipt of one assessment of one case version; inserted, never updated.
CREATE TABLE assessments (
  id             TEXT    NOT NULL PRIMARY KEY,
  case_id        TEXT    NOT NULL REFERENCES cases (id),
  case_version   INTEGER NOT NULL,
  as_of          TEXT    NOT NULL,
  facts_snapshot TEXT    NOT NULL CHECK (json_valid(facts_snapshot)),
  pack_id        TEXT    NOT NULL,
  pack_version   TEXT    NOT NULL,
  content_hash   TEXT    NOT NULL,
  assumptions    TEXT    NOT NULL CHECK (json_valid(assumptions)),
  engine_version TEXT    NOT NULL,
  findings       TEXT    NOT NULL CHECK (json_valid(findings)),
  actor          TEXT    NOT NULL,
  assessed_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX assessments_by_case ON assessments (case_id, assessed_at);

-- The audit trail: who did what to which case, when; never a fact value. Each event's hash covers
-- the previous event's hash (docs/adr/0008-audit-hash-chain.md). No foreign key to cases: the
-- trail outlives the cases it records.
CREATE TABLE audit_events (
  seq       INTEGER NOT NULL PRIMARY KEY,
  at        TEXT    NOT NULL,
  actor     TEXT    NOT NULL,
  action    TEXT    NOT NULL,
  case_id   TEXT,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_events_by_case ON audit_events (case_id, seq);

-- The chain head: the last event's number and hash, updated with every append, so that deleting
-- the last events is detected too.
CREATE TABLE audit_head (
  id   INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
) STRICT;

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
