-- Written by every transaction that reads a client's badges, baselines or claim codes before it writes: the UPDATE of
-- this column is that client's lock, taken first. On SQLite the write lock of BEGIN IMMEDIATE already serialises them;
-- the same statement runs here so that one code path serves both providers.
ALTER TABLE clients ADD COLUMN lock_version INTEGER NOT NULL DEFAULT 0;
