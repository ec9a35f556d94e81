-- Reports count badges by unit, delivery mode and municipality over hundreds of thousands of assertions: those three
-- are copied onto each assertion when it is issued (as they were then), so that a report reads one covering index
-- instead of joining every row to its assessment and client.
ALTER TABLE assertions ADD unit_id NVARCHAR(64) NULL REFERENCES units (id),
                           delivery_mode NVARCHAR(10) NULL,
                           municipality_code NVARCHAR(10) NULL REFERENCES municipalities (code);
GO

UPDATE a
SET unit_id = COALESCE(m.unit_id, c.unit_id),
    delivery_mode = m.delivery_mode,
    municipality_code = c.municipality_code
FROM assertions a
JOIN clients c ON c.id = a.client_id
LEFT JOIN assessments m ON m.id = a.assessment_id;

CREATE INDEX ix_assertions_report ON assertions (issued_on, badge_id, unit_id, delivery_mode, municipality_code, client_id)
    WHERE replaces_id IS NULL;
