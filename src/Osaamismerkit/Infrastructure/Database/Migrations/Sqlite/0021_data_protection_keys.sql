-- The Data Protection key ring, when KeyRing:Storage is Database: one ring for every instance. Each row is a key as
-- Data Protection writes it, its secret part encrypted with the key-ring certificate (which is never stored here).
CREATE TABLE data_protection_keys (
    friendly_name TEXT NOT NULL PRIMARY KEY,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
