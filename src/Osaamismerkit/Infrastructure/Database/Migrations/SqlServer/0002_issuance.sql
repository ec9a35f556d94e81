-- Clients, assessments, signing keys and signed Open Badges 2.0 assertions.
-- No personal identity code is ever stored; e-mail and phone are encrypted by the application.
CREATE TABLE clients (
    id                 NVARCHAR(64)   NOT NULL PRIMARY KEY,
    display_name       NVARCHAR(200)  NOT NULL,
    email_protected    NVARCHAR(1000) NULL,
    phone_protected    NVARCHAR(1000) NULL,
    preferred_language NVARCHAR(5)    NOT NULL,
    unit_id            NVARCHAR(64)   NOT NULL REFERENCES units (id),
    municipality_code  NVARCHAR(10)   NOT NULL REFERENCES municipalities (code),
    share_name         INT            NOT NULL DEFAULT 0,
    created_at         DATETIMEOFFSET NOT NULL,
    updated_at         DATETIMEOFFSET NOT NULL
);

CREATE INDEX ix_clients_unit ON clients (unit_id);

CREATE TABLE signing_keys (
    id             NVARCHAR(64)   NOT NULL PRIMARY KEY,
    public_key_pem NVARCHAR(4000) NOT NULL,
    created_at     DATETIMEOFFSET NOT NULL,
    retired_at     DATETIMEOFFSET NULL
);

CREATE TABLE assessments (
    id                 NVARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id          NVARCHAR(64)   NOT NULL REFERENCES clients (id),
    badge_id           NVARCHAR(80)   NOT NULL,
    badge_version      NVARCHAR(20)   NOT NULL,
    demonstrated_on    DATE           NOT NULL,
    unit_id            NVARCHAR(64)   NOT NULL REFERENCES units (id),
    delivery_mode      NVARCHAR(10)   NOT NULL,
    criteria_json      NVARCHAR(MAX)  NOT NULL,
    evidence_note      NVARCHAR(4000) NOT NULL,
    outcome            NVARCHAR(10)   NOT NULL,
    instructor_subject NVARCHAR(200)  NOT NULL,
    instructor_name    NVARCHAR(200)  NOT NULL,
    instructor_title   NVARCHAR(200)  NULL,
    idempotency_key    NVARCHAR(100)  NULL,
    request_hash       NVARCHAR(64)   NULL,
    created_at         DATETIMEOFFSET NOT NULL,
    FOREIGN KEY (badge_id, badge_version) REFERENCES badge_definitions (badge_id, version)
);

CREATE INDEX ix_assessments_client ON assessments (client_id, badge_id);
CREATE UNIQUE INDEX ux_assessments_idempotency ON assessments (instructor_subject, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE assertions (
    id                 NVARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id          NVARCHAR(64)   NOT NULL REFERENCES clients (id),
    badge_id           NVARCHAR(80)   NOT NULL,
    badge_version      NVARCHAR(20)   NOT NULL,
    assessment_id      NVARCHAR(64)   NULL REFERENCES assessments (id),
    recipient_type     NVARCHAR(20)   NOT NULL,
    recipient_identity NVARCHAR(100)  NOT NULL,
    recipient_salt     NVARCHAR(64)   NOT NULL,
    badge_language     NVARCHAR(5)    NOT NULL,
    issued_on          DATETIMEOFFSET NOT NULL,
    expires            DATETIMEOFFSET NULL,
    signing_key_id     NVARCHAR(64)   NOT NULL REFERENCES signing_keys (id),
    assertion_json     NVARCHAR(MAX)  NOT NULL,
    jws                NVARCHAR(MAX)  NOT NULL,
    claim_code_hash    NVARCHAR(64)   NULL,
    claim_code_protected NVARCHAR(1000) NULL,
    replaces_id        NVARCHAR(64)   NULL REFERENCES assertions (id),
    revoked_at         DATETIMEOFFSET NULL,
    revocation_reason  NVARCHAR(500)  NULL,
    revoked_by         NVARCHAR(200)  NULL,
    FOREIGN KEY (badge_id, badge_version) REFERENCES badge_definitions (badge_id, version)
);

CREATE INDEX ix_assertions_client ON assertions (client_id);
CREATE INDEX ix_assertions_revoked ON assertions (revoked_at);
CREATE UNIQUE INDEX ux_assertions_claim_code ON assertions (claim_code_hash) WHERE claim_code_hash IS NOT NULL;
-- At most one assertion of a badge in force per client: retries and races cannot issue twice.
CREATE UNIQUE INDEX ux_assertions_one_active ON assertions (client_id, badge_id) WHERE revoked_at IS NULL;
