-- Clients are found by e-mail or phone only through keyed hashes (HMAC-SHA256 with ContactLookup:Key) of the
-- normalised values; the values themselves stay encrypted. contact_hash_key names the key that made the hashes, so the
-- start-up backfill can hash rows from before this script, and every row again after the key changes.
ALTER TABLE clients ADD email_hash NVARCHAR(64) NULL, phone_hash NVARCHAR(64) NULL, contact_hash_key NVARCHAR(32) NULL;
GO
CREATE INDEX ix_clients_email_hash ON clients (email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX ix_clients_phone_hash ON clients (phone_hash) WHERE phone_hash IS NOT NULL;
