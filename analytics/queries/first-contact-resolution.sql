-- first-contact-resolution: conversations closed in [:since, :until), by ISO week (the Monday, UTC),
-- primary intent and who resolved them (ai or human): how many, and the share solved at first contact.
-- A reopened conversation writes a later row for the same (conversation_id, contact_no); only the latest row
-- counts, so a reopen within 7 days turns the conversation into one not solved at first contact, counted in
-- the week of its last close. Partitions up to 8 days past :until are read to find those later rows.
WITH latest AS (
  SELECT closed_at, primary_intent, resolved_by, first_contact_resolution,
    row_number() OVER (
      PARTITION BY conversation_id, contact_no
      ORDER BY reopens DESC NULLS LAST, closed_at DESC
    ) AS row_rank
  FROM conversation_facts
  WHERE closed_at IS NOT NULL
    AND closed_at >= CAST(:since AS TIMESTAMP)
    AND dt >= substr(:since, 1, 10)
    AND dt <= CAST(CAST(CAST(:until AS TIMESTAMP) + INTERVAL '8' DAY AS DATE) AS VARCHAR)
)
SELECT CAST(CAST(date_trunc('week', closed_at) AS DATE) AS VARCHAR) AS iso_week,
  coalesce(primary_intent, 'unknown') AS primary_intent,
  resolved_by,
  count(*) AS conversations,
  count_if(first_contact_resolution) AS first_contact_resolved,
  round(CAST(count_if(first_contact_resolution) AS DOUBLE) / count(*), 4) AS fcr_rate
FROM latest
WHERE row_rank = 1
  AND resolved_by IS NOT NULL
  AND closed_at < CAST(:until AS TIMESTAMP)
GROUP BY CAST(CAST(date_trunc('week', closed_at) AS DATE) AS VARCHAR), coalesce(primary_intent, 'unknown'),
  resolved_by
ORDER BY iso_week, primary_intent, resolved_by
