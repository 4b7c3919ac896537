-- keyword-alerts: SKUs whose shopper messages in [:since, :until) mention defect words (faded, broken,
-- torn, …; the `defects` column) at a higher rate than the same SKU did in the 28 days before :since,
-- with at least 2 such messages in the period. Highest rise first.
WITH windowed AS (
  SELECT sku, defects, occurred_at >= CAST(:since AS TIMESTAMP) AS in_period
  FROM message_facts
  WHERE role = 'shopper'
    AND sku IS NOT NULL
    AND occurred_at >= CAST(:since AS TIMESTAMP) - INTERVAL '28' DAY
    AND occurred_at < CAST(:until AS TIMESTAMP)
    AND dt BETWEEN substr(CAST(CAST(:since AS TIMESTAMP) - INTERVAL '28' DAY AS VARCHAR), 1, 10)
      AND substr(:until, 1, 10)
),
per_sku AS (
  SELECT sku,
    count_if(in_period) AS messages,
    count_if(in_period AND cardinality(defects) > 0) AS defect_messages,
    count_if(NOT in_period) AS baseline_messages,
    count_if(NOT in_period AND cardinality(defects) > 0) AS baseline_defect_messages
  FROM windowed
  GROUP BY sku
),
words AS (
  SELECT w.sku, t.defect, count(*) AS mentions,
    row_number() OVER (PARTITION BY w.sku ORDER BY count(*) DESC, t.defect) AS word_rank
  FROM windowed w
  CROSS JOIN UNNEST(w.defects) AS t (defect)
  WHERE w.in_period
  GROUP BY w.sku, t.defect
),
rates AS (
  SELECT sku, messages, defect_messages, baseline_messages, baseline_defect_messages,
    CAST(defect_messages AS DOUBLE) / messages AS defect_rate,
    CASE WHEN baseline_messages = 0 THEN CAST(0 AS DOUBLE)
      ELSE CAST(baseline_defect_messages AS DOUBLE) / baseline_messages END AS baseline_rate
  FROM per_sku
  WHERE messages > 0
)
SELECT r.sku, r.messages, r.defect_messages, round(r.defect_rate, 4) AS defect_rate,
  r.baseline_messages, r.baseline_defect_messages, round(r.baseline_rate, 4) AS baseline_rate,
  w.defect AS top_defect, w.mentions AS top_defect_mentions
FROM rates r
LEFT JOIN words w ON w.sku = r.sku AND w.word_rank = 1
WHERE r.defect_messages >= 2 AND r.defect_rate > r.baseline_rate
ORDER BY r.defect_rate - r.baseline_rate DESC, r.defect_messages DESC, r.sku
