-- returns-by-sku: returns requested in [:since, :until) (cancelled ones left out), per SKU: return count, units,
-- the SKU's share of all returned units, size-related units and share, the most frequent reason and the
-- average days to refund. Most returned units first.
-- A return has a row per state change (and a redelivered one may repeat): only its latest row counts.
WITH versions AS (
  SELECT sku, reason, size_related, quantity, days_to_refund, state,
    row_number() OVER (
      PARTITION BY return_id
      ORDER BY coalesce(updated_at, requested_at) DESC, coalesce(refunded_at, requested_at) DESC, state
    ) AS version_rank
  FROM return_facts
  WHERE requested_at >= CAST(:since AS TIMESTAMP)
    AND requested_at < CAST(:until AS TIMESTAMP)
    -- Rows land in the partition of the day they were made, so a later state of a return requested in
    -- the window can sit in any later partition: only the lower bound prunes.
    AND dt >= substr(:since, 1, 10)
),
r AS (
  SELECT sku, reason, size_related, quantity, days_to_refund
  FROM versions
  WHERE version_rank = 1 AND state <> 'cancelled'
),
reasons AS (
  SELECT sku, reason,
    row_number() OVER (PARTITION BY sku ORDER BY sum(quantity) DESC, reason) AS reason_rank
  FROM r
  GROUP BY sku, reason
),
totals AS (
  SELECT sum(quantity) AS all_units FROM r
)
SELECT s.sku,
  count(*) AS return_count,
  sum(s.quantity) AS units,
  round(CAST(sum(s.quantity) AS DOUBLE) / max(t.all_units), 4) AS share_of_returned_units,
  sum(CASE WHEN s.size_related THEN s.quantity ELSE 0 END) AS size_related_units,
  round(CAST(sum(CASE WHEN s.size_related THEN s.quantity ELSE 0 END) AS DOUBLE) / sum(s.quantity), 4)
    AS size_related_share,
  max(tr.reason) AS top_reason,
  round(avg(s.days_to_refund), 2) AS avg_days_to_refund
FROM r s
CROSS JOIN totals t
LEFT JOIN reasons tr ON tr.sku = s.sku AND tr.reason_rank = 1
GROUP BY s.sku
ORDER BY units DESC, s.sku
