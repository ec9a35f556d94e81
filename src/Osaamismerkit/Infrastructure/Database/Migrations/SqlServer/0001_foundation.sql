-- Catalogue versions, organisation structure and the append-only audit log.
CREATE TABLE badge_definitions (
    badge_id        NVARCHAR(80)   NOT NULL,
    version         NVARCHAR(20)   NOT NULL,
    content_hash    NVARCHAR(64)   NOT NULL,
    definition_json NVARCHAR(MAX)  NOT NULL,
    loaded_at       DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (badge_id, version)
);

CREATE TABLE municipalities (
    code    NVARCHAR(10)  NOT NULL PRIMARY KEY,
    name_fi NVARCHAR(100) NOT NULL,
    name_sv NVARCHAR(100) NOT NULL
);

CREATE TABLE units (
    id                NVARCHAR(64)   NOT NULL PRIMARY KEY,
    name              NVARCHAR(200)  NOT NULL,
    municipality_code NVARCHAR(10)   NOT NULL REFERENCES municipalities (code),
    created_at        DATETIMEOFFSET NOT NULL
);

-- Which units an instructor works in (managed by admins); the subject is the identity provider's stable id.
CREATE TABLE unit_memberships (
    unit_id       NVARCHAR(64)  NOT NULL REFERENCES units (id),
    staff_subject NVARCHAR(200) NOT NULL,
    PRIMARY KEY (unit_id, staff_subject)
);

CREATE INDEX ix_unit_memberships_staff ON unit_memberships (staff_subject);

CREATE TABLE audit_log (
    id          NVARCHAR(64)   NOT NULL PRIMARY KEY,
    occurred_at DATETIMEOFFSET NOT NULL,
    actor_id    NVARCHAR(200)  NOT NULL,
    actor_role  NVARCHAR(50)   NOT NULL,
    action      NVARCHAR(100)  NOT NULL,
    entity_type NVARCHAR(50)   NOT NULL,
    entity_id   NVARCHAR(200)  NOT NULL,
    detail      NVARCHAR(2000) NULL
);

CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, occurred_at);
CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);
GO
CREATE TRIGGER audit_log_append_only ON audit_log INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 50000, 'audit_log is append-only', 1;
END;
