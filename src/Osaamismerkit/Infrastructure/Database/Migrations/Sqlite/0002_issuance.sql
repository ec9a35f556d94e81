-- Clients, assessments, signing keys and signed Open Badges 2.0 assertions.
-- No personal identity code is ever stored; e-mail and phone are encrypted by the application.
CREATE TABLE clients (
    id                 TEXT NOT NULL PRIMARY KEY,
    display_name       TEXT NOT NULL,
    email_protected    TEXT NULL,
    phone_protected    TEXT NULL,
    preferred_language TEXT NOT NULL,
    unit_id            TEXT NOT NULL REFERENCES units (id),
    municipality_code  TEXT NOT NULL REFERENCES municipalities (code),
    share_name         INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE INDEX ix_clients_unit ON clients (unit_id);

CREATE TABLE signing_keys (
    id             TEXT NOT NULL PRIMARY KEY,
    public_key_pem TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    retired_at     TEXT NULL
);

CREATE TABLE assessments (
    id                 TEXT NOT NULL PRIMARY KEY,
    client_id          TEXT NOT NULL REFERENCES clients (id),
    badge_id           TEXT NOT NULL,
    badge_version      TEXT NOT NULL,
    demonstrated_on    TEXT NOT NULL,
    unit_id            TEXT NOT NULL REFERENCES units (id),
    delivery_mode      TEXT NOT NULL,
    criteria_json      TEXT NOT NULL,
    evidence_note      TEXT NOT NULL,
    outcome            TEXT NOT NULL,
    instructor_subject TEXT NOT NULL,
    instructor_name    TEXT NOT NULL,
    instructor_title   TEXT NULL,
    idempotency_key    TEXT NULL,
    request_hash       TEXT NULL,
    created_at         TEXT NOT NULL,
    FOREIGN KEY (badge_id, badge_version) REFERENCES badge_definitions (badge_id, version)
);

CREATE INDEX ix_assessments_client ON assessments (client_id, badge_id);
CREATE UNIQUE INDEX ux_assessments_idempotency ON assessments (instructor_subject, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE assertions (
    id                 TEXT NOT NULL PRIMARY KEY,
    client_id          TEXT NOT NULL REFERENCES clients (id),
    badge_id           TEXT NOT NULL,
    badge_version      TEXT NOT NULL,
    assessment_id      TEXT NULL REFERENCES assessments (id),
    recipient_type     TEXT NOT NULL,
    recipient_identity TEXT NOT NULL,
    recipient_salt     TEXT NOT NULL,
    badge_language     TEXT NOT NULL,
    issued_on          TEXT NOT NULL,
    expires            TEXT NULL,
    signing_key_id     TEXT NOT NULL REFERENCES signing_keys (id),
    assertion_json     TEXT NOT NULL,
    jws                TEXT NOT NULL,
    claim_code_hash    TEXT NULL,
    claim_code_protected TEXT NULL,
    replaces_id        TEXT NULL REFERENCES assertions (id),
    revoked_at         TEXT NULL,
    revocation_reason  TEXT NULL,
    revoked_by         TEXT NULL,
    FOREIGN KEY (badge_id, badge_version) REFERENCES badge_definitions (badge_id, version)
);

CREATE INDEX ix_assertions_client ON assertions (client_id);
CREATE INDEX ix_assertions_revoked ON assertions (revoked_at);
CREATE UNIQUE INDEX ux_assertions_claim_code ON assertions (claim_code_hash) WHERE claim_code_hash IS NOT NULL;
-- At most one assertion of a badge in force per client: retries and races cannot issue twice.
CREATE UNIQUE INDEX ux_assertions_one_active ON assertions (client_id, badge_id) WHERE revoked_at IS NULL;
