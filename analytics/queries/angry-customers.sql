-- angry-customers: conversations still open (no close after their latest shopper message) whose latest
-- shopper message in [:since, :until) reads negative, or mixed and at least highly urgent, most urgent
-- first. Urgency (0..1) weighs threats to leave, charge back or review badly, then anger and repeat
-- contacts, above mild disappointment; rows written before the column existed rank by their negative score.
WITH shopper AS (
  SELECT conversation_id, occurred_at, channel, language, intent, sentiment, sentiment_negative,
    sentiment_urgency, redacted_text,
    row_number() OVER (PARTITION BY conversation_id ORDER BY occurred_at DESC, event_id DESC) AS recency
  FROM message_facts
  WHERE role = 'shopper'
    AND sentiment IS NOT NULL
    AND occurred_at >= CAST(:since AS TIMESTAMP)
    AND occurred_at < CAST(:until AS TIMESTAMP)
    AND dt BETWEEN substr(:since, 1, 10) AND substr(:until, 1, 10)
)
SELECT s.conversation_id, s.channel, s.language, s.intent,
  round(coalesce(s.sentiment_urgency, s.sentiment_negative), 4) AS urgency,
  round(s.sentiment_negative, 4) AS negative_score,
  s.occurred_at AS last_message_at,
  s.redacted_text AS last_message
FROM shopper s
WHERE s.recency = 1
  AND (s.sentiment = 'negative' OR (s.sentiment = 'mixed' AND s.sentiment_urgency >= 0.55))
  AND NOT EXISTS (
    SELECT 1
    FROM conversation_facts c
    WHERE c.conversation_id = s.conversation_id
      AND c.closed_at >= s.occurred_at
      AND c.dt >= substr(:since, 1, 10)
  )
ORDER BY coalesce(s.sentiment_urgency, s.sentiment_negative) DESC, s.sentiment_negative DESC,
  s.occurred_at DESC, s.conversation_id
LIMIT 100
