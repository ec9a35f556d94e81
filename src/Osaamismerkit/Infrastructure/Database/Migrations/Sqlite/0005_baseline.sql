-- Baseline mapping (nykytilan kartoitus): an instructor's view of a client's level in each of the five
-- DigComp 2.2 competence areas (0 = not yet, 1-4 = proficiency level), optionally the client's own view beside it.
-- One row per mapping, the five areas as columns: a mapping is always recorded for all five areas at once,
-- and the reports then read each mapping in one pass instead of joining five rows back together.
-- municipality_code is the client's municipality when the mapping was made, so history stays where it happened.
-- Stored in the order the reports read it, each client's mappings together and oldest first (WITHOUT ROWID, clustered
-- on that key): "the latest mapping of each client" is then one pass over the table, without a sort or a lookup.
CREATE TABLE baselines (
    id                 TEXT    NOT NULL,
    client_id          TEXT    NOT NULL REFERENCES clients (id),
    assessed_on        TEXT    NOT NULL,
    phase              TEXT    NOT NULL CHECK (phase IN ('intake', 'start', 'work-coaching', 'closing')),
    unit_id            TEXT    NOT NULL REFERENCES units (id),
    municipality_code  TEXT    NOT NULL REFERENCES municipalities (code),
    delivery_mode      TEXT    NOT NULL CHECK (delivery_mode IN ('onsite', 'remote', 'hybrid')),
    area1_level        INTEGER NOT NULL CHECK (area1_level BETWEEN 0 AND 4),
    area2_level        INTEGER NOT NULL CHECK (area2_level BETWEEN 0 AND 4),
    area3_level        INTEGER NOT NULL CHECK (area3_level BETWEEN 0 AND 4),
    area4_level        INTEGER NOT NULL CHECK (area4_level BETWEEN 0 AND 4),
    area5_level        INTEGER NOT NULL CHECK (area5_level BETWEEN 0 AND 4),
    area1_self         INTEGER NULL CHECK (area1_self BETWEEN 0 AND 4),
    area2_self         INTEGER NULL CHECK (area2_self BETWEEN 0 AND 4),
    area3_self         INTEGER NULL CHECK (area3_self BETWEEN 0 AND 4),
    area4_self         INTEGER NULL CHECK (area4_self BETWEEN 0 AND 4),
    area5_self         INTEGER NULL CHECK (area5_self BETWEEN 0 AND 4),
    instructor_subject TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    PRIMARY KEY (client_id, assessed_on, created_at, id)
) WITHOUT ROWID;

CREATE UNIQUE INDEX ux_baselines_id ON baselines (id);

CREATE INDEX ix_baselines_unit ON baselines (unit_id, assessed_on);
CREATE INDEX ix_baselines_municipality ON baselines (municipality_code, assessed_on);

-- Time to the first badge looks up each client's badges in issue order, off the large signed documents.
CREATE INDEX ix_assertions_client_issued ON assertions (client_id, issued_on, badge_id, replaces_id, revoked_at, expires);
