-- The PostgreSQL store. Times are timestamptz (microseconds); JSON is the json type, which keeps
-- the text as written (key order included), unlike jsonb.

-- A case: its facts as one JSON object (fact name to value), and the version that optimistic
-- locking compares (each update adds one).
CREATE TABLE cases (
  id         text        NOT NULL PRIMARY KEY,
  reference  text,
  facts      json        NOT NULL CHECK (json_typeof(facts) = 'object'),
  version    bigint      NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Every change of every fact: old and new value as JSON (NULL: not set), who, when, why, and the
-- case version it produced. Creating a case records its facts at version 1.
CREATE TABLE fact_changes (
  case_id    text        NOT NULL REFERENCES cases (id),
  version    bigint      NOT NULL,
  position   integer     NOT NULL,
  fact       text        NOT NULL,
  old_value  json,
  new_value  json,
  actor      text        NOT NULL,
  changed_at timestamptz NOT NULL,
  note       text,
  PRIMARY KEY (case_id, version, position)
);

-- The receipt of one assessment of one case version; inserted, never updated.
CREATE TABLE assessments (
  id             text        NOT NULL PRIMARY KEY,
  case_id        text        NOT NULL REFERENCES cases (id),
  case_version   bigint      NOT NULL,
  as_of          date        NOT NULL,
  facts_snapshot json        NOT NULL,
  pack_id        text        NOT NULL,
  pack_version   text        NOT NULL,
  content_hash   text        NOT NULL,
  assumptions    json        NOT NULL,
  engine_version text        NOT NULL,
  findings       json        NOT NULL,
  actor          text        NOT NULL,
  assessed_at    timestamptz NOT NULL
);

CREATE INDEX assessments_by_case ON assessments (case_id, assessed_at);

-- The audit trail: who did what to which case, when; never a fact value. Each event's hash covers
-- the previous event's hash (docs/adr/0008-audit-hash-chain.md). No foreign key to cases: the
-- trail outlives the cases it records.
CREATE TABLE audit_events (
  seq       bigint      NOT NULL PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor     text        NOT NULL,
  action    text        NOT NULL,
  case_id   text,
  prev_hash text        NOT NULL,
  hash      text        NOT NULL
);

CREATE INDEX audit_events_by_case ON audit_events (case_id, seq);

-- The chain head: the last event's number and hash, updated with every append, so that deleting
-- the last events is detected too. Writers lock this row first (SELECT ... FOR UPDATE), which
-- serializes them: the chain never forks.
CREATE TABLE audit_head (
  id   smallint NOT NULL PRIMARY KEY CHECK (id = 1),
  seq  bigint   NOT NULL,
  hash text     NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
