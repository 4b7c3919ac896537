-- first-contact-resolution: conversations closed in [:since, :until), by ISO week (the Monday, UTC),
-- primary intent and who resolved them (ai or human): how many, and the share solved at first contact.
SELECT CAST(CAST(date_trunc('week', closed_at) AS DATE) AS VARCHAR) AS iso_week,
  coalesce(primary_intent, 'unknown') AS primary_intent,
  resolved_by,
  count(*) AS conversations,
  count_if(first_contact_resolution) AS first_contact_resolved,
  round(CAST(count_if(first_contact_resolution) AS DOUBLE) / count(*), 4) AS fcr_rate
FROM conversation_facts
WHERE closed_at IS NOT NULL
  AND resolved_by IS NOT NULL
  AND closed_at >= CAST(:since AS TIMESTAMP)
  AND closed_at < CAST(:until AS TIMESTAMP)
  AND dt BETWEEN substr(:since, 1, 10) AND substr(:until, 1, 10)
GROUP BY CAST(CAST(date_trunc('week', closed_at) AS DATE) AS VARCHAR), coalesce(primary_intent, 'unknown'),
  resolved_by
ORDER BY iso_week, primary_intent, resolved_by
