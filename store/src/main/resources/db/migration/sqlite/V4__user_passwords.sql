-- A password for signing in to the web UI, beside the API token: only its BCrypt hash, never the
-- password. NULL: the account has no password (it uses its API token, or signs in with OpenID
-- Connect). Setting a password is an audit event (user.password).
ALTER TABLE users ADD COLUMN password_hash TEXT;
