-- response-times: conversations opened in [:since, :until), by channel and hour of day (in :timezone) they
-- opened: median (p50) and p90 of the first response and of the resolution time (open to close), in ms.
-- Percentiles are approx_percentile on Athena; the DuckDB compat macro computes the exact discrete value.
-- A reopened conversation writes a later row for the same (conversation_id, contact_no); only the latest
-- counts, so its resolution time runs to its last close.
WITH latest AS (
  SELECT channel, opened_at, closed_at, first_response_ms,
    row_number() OVER (
      PARTITION BY conversation_id, contact_no
      ORDER BY reopens DESC NULLS LAST, closed_at DESC
    ) AS row_rank
  FROM conversation_facts
  WHERE opened_at >= CAST(:since AS TIMESTAMP)
    AND opened_at < CAST(:until AS TIMESTAMP)
    AND dt >= substr(:since, 1, 10)
),
conversations AS (
  SELECT channel,
    hour(at_timezone(with_timezone(opened_at, 'UTC'), :timezone)) AS hour_of_day,
    first_response_ms,
    CASE WHEN closed_at IS NOT NULL THEN date_diff('millisecond', opened_at, closed_at) END AS resolution_ms
  FROM latest
  WHERE row_rank = 1
)
SELECT channel, hour_of_day, count(*) AS conversations,
  approx_percentile(first_response_ms, 0.5) AS first_response_p50_ms,
  approx_percentile(first_response_ms, 0.9) AS first_response_p90_ms,
  approx_percentile(resolution_ms, 0.5) AS resolution_p50_ms,
  approx_percentile(resolution_ms, 0.9) AS resolution_p90_ms
FROM conversations
GROUP BY channel, hour_of_day
ORDER BY channel, hour_of_day
