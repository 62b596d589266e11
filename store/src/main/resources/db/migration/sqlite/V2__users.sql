-- The accounts that may use the API: a name, a role, and the hash of the account's API token; never
-- the token itself, so a copy of the database does not let anyone in. The token id finds the
-- account on every request (UNIQUE: one account per token id); the hash is what the presented
-- token is checked against. A disabled account is kept (disabled_at set), not deleted: the audit
-- trail names it as an actor. Adding, re-tokening and disabling an account are audit events.
CREATE TABLE users (
  name        TEXT NOT NULL PRIMARY KEY,
  role        TEXT NOT NULL CHECK (role IN ('officer', 'policy-analyst', 'auditor', 'admin')),
  token_id    TEXT NOT NULL UNIQUE,
  token_hash  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  disabled_at TEXT
) STRICT;
