-- volume-by-hour: shopper messages in [:since, :until) by ISO weekday (1 = Monday … 7 = Sunday) and hour
-- of day in :timezone (an IANA zone such as Asia/Shanghai): the staffing heatmap. Empty cells are omitted.
WITH local_messages AS (
  SELECT at_timezone(with_timezone(occurred_at, 'UTC'), :timezone) AS local_time
  FROM message_facts
  WHERE role = 'shopper'
    AND occurred_at >= CAST(:since AS TIMESTAMP)
    AND occurred_at < CAST(:until AS TIMESTAMP)
    AND dt BETWEEN substr(:since, 1, 10) AND substr(:until, 1, 10)
)
SELECT day_of_week(local_time) AS weekday, hour(local_time) AS hour_of_day, count(*) AS messages
FROM local_messages
GROUP BY day_of_week(local_time), hour(local_time)
ORDER BY weekday, hour_of_day
