-- Each mapping carries the dates of its client's previous and next mapping (order: assessed_on, created_at, id),
-- overall and within its phase, year and quarter; BaselineChain keeps them when a mapping is added. "Each client's
-- latest mapping in the period" is then a filter on the row (the next one is missing or after the period) instead of a
-- window over every mapping.
ALTER TABLE baselines ADD previous_on DATE NULL, next_on DATE NULL, next_in_phase_on DATE NULL,
                          next_in_year_on DATE NULL, next_in_quarter_on DATE NULL;
GO
WITH links AS (
    SELECT id AS link_id,
           LAG(assessed_on) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS previous_on,
           LEAD(assessed_on) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS next_on,
           LEAD(assessed_on) OVER (PARTITION BY client_id, phase ORDER BY assessed_on, created_at, id) AS next_in_phase_on
    FROM baselines
)
UPDATE b
SET previous_on = links.previous_on,
    next_on = links.next_on,
    next_in_phase_on = links.next_in_phase_on,
    next_in_year_on = CASE WHEN YEAR(links.next_on) = YEAR(b.assessed_on) THEN links.next_on END,
    next_in_quarter_on = CASE WHEN YEAR(links.next_on) = YEAR(b.assessed_on)
                               AND DATEPART(QUARTER, links.next_on) = DATEPART(QUARTER, b.assessed_on)
                              THEN links.next_on END
FROM baselines b
JOIN links ON links.link_id = b.id;
