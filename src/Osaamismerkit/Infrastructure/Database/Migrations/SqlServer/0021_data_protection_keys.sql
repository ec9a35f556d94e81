-- The Data Protection key ring, when KeyRing:Storage is Database: one ring for every instance. Each row is a key as
-- Data Protection writes it, its secret part encrypted with the key-ring certificate (which is never stored here).
CREATE TABLE data_protection_keys (
    friendly_name NVARCHAR(200) NOT NULL PRIMARY KEY,
    xml           NVARCHAR(MAX) NOT NULL,
    created_at    DATETIMEOFFSET NOT NULL
);
