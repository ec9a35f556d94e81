-- Each mapping carries the dates of its client's previous and next mapping (order: assessed_on, created_at, id),
-- overall and within its phase, year and quarter; BaselineChain keeps them when a mapping is added. "Each client's
-- latest mapping in the period" is then a filter on the row (the next one is missing or after the period) instead of a
-- window over every mapping, which took seconds at a million assessments.
ALTER TABLE baselines ADD COLUMN previous_on TEXT NULL;
ALTER TABLE baselines ADD COLUMN next_on TEXT NULL;
ALTER TABLE baselines ADD COLUMN next_in_phase_on TEXT NULL;
ALTER TABLE baselines ADD COLUMN next_in_year_on TEXT NULL;
ALTER TABLE baselines ADD COLUMN next_in_quarter_on TEXT NULL;

UPDATE baselines
SET previous_on = links.previous_on,
    next_on = links.next_on,
    next_in_phase_on = links.next_in_phase_on,
    next_in_year_on = CASE WHEN substr(links.next_on, 1, 4) = substr(baselines.assessed_on, 1, 4) THEN links.next_on END,
    next_in_quarter_on = CASE WHEN substr(links.next_on, 1, 4) = substr(baselines.assessed_on, 1, 4)
                               AND (CAST(substr(links.next_on, 6, 2) AS INTEGER) + 2) / 3 = (CAST(substr(baselines.assessed_on, 6, 2) AS INTEGER) + 2) / 3
                              THEN links.next_on END
FROM (
    SELECT client_id AS link_client, id AS link_id,
           LAG(assessed_on) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS previous_on,
           LEAD(assessed_on) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS next_on,
           LEAD(assessed_on) OVER (PARTITION BY client_id, phase ORDER BY assessed_on, created_at, id) AS next_in_phase_on
    FROM baselines
) links
WHERE baselines.client_id = links.link_client AND baselines.id = links.link_id;

-- The reports now read the table in its clustered order; with these, SQLite chose to walk an index for GROUP BY
-- municipality or unit and look every row up again, ten times slower than the plain scan.
DROP INDEX ix_baselines_unit;
DROP INDEX ix_baselines_municipality;
