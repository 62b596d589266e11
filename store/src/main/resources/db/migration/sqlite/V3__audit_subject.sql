-- The account a user change is about (user.add, user.token, user.disable): before this, such an
-- event named who made the change but not which account it changed. An event with a subject is
-- hashed in chain format 2, which covers the subject; every other event, and every event stored
-- before this migration, stays in format 1 (docs/adr/0008-audit-hash-chain.md).
ALTER TABLE audit_events ADD COLUMN subject TEXT;
ALTER TABLE audit_events ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
