-- photo-findings-by-sku: photos the assistant read in [:since, :until), per SKU of the order line they were
-- compared with: photos, "wrong size" photos, "damaged" photos (damage, fading or stains), wrong colour or
-- item, photos reused from another shopper or conversation, and the readers' mean confidence. SKUs with the
-- most wrong-size and damaged photos first. Photos with no order line (no SKU) are left out.
-- A redelivered reading repeats its event_id: each is counted once.
WITH p AS (
  SELECT event_id, sku, shows, confidence, reused,
    row_number() OVER (PARTITION BY event_id ORDER BY occurred_at) AS copy_no
  FROM photo_facts
  WHERE occurred_at >= CAST(:since AS TIMESTAMP)
    AND occurred_at < CAST(:until AS TIMESTAMP)
    AND dt >= substr(:since, 1, 10)
    AND dt <= substr(:until, 1, 10)
    AND sku IS NOT NULL
)
SELECT sku,
  count(*) AS photos,
  sum(CASE WHEN shows = 'wrong_size' THEN 1 ELSE 0 END) AS wrong_size_photos,
  sum(CASE WHEN shows IN ('damage', 'faded_or_stained') THEN 1 ELSE 0 END) AS damaged_photos,
  sum(CASE WHEN shows IN ('wrong_colour', 'wrong_item') THEN 1 ELSE 0 END) AS wrong_item_photos,
  sum(CASE WHEN coalesce(reused, false) THEN 1 ELSE 0 END) AS reused_photos,
  round(avg(confidence), 2) AS avg_confidence
FROM p
WHERE copy_no = 1
GROUP BY sku
HAVING sum(CASE WHEN shows IN ('wrong_size', 'damage', 'faded_or_stained') THEN 1 ELSE 0 END) > 0
ORDER BY wrong_size_photos + damaged_photos DESC, photos DESC, sku
