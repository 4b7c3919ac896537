-- top-issues: the 10 most frequent intents and the 10 most frequent complaint categories among shopper
-- messages in [:since, :until), counted by conversations (then messages). smalltalk and other are left out.
WITH shopper AS (
  SELECT conversation_id, intent, complaint_category
  FROM message_facts
  WHERE role = 'shopper'
    AND occurred_at >= CAST(:since AS TIMESTAMP)
    AND occurred_at < CAST(:until AS TIMESTAMP)
    AND dt BETWEEN substr(:since, 1, 10) AND substr(:until, 1, 10)
),
issues AS (
  SELECT 'intent' AS kind, intent AS issue, count(*) AS messages, count(DISTINCT conversation_id) AS conversations
  FROM shopper
  WHERE intent IS NOT NULL AND intent NOT IN ('smalltalk', 'other')
  GROUP BY intent
  UNION ALL
  SELECT 'complaint_category' AS kind, complaint_category AS issue, count(*) AS messages,
    count(DISTINCT conversation_id) AS conversations
  FROM shopper
  WHERE complaint_category IS NOT NULL
  GROUP BY complaint_category
),
ranked AS (
  SELECT kind, issue, conversations, messages,
    row_number() OVER (PARTITION BY kind ORDER BY conversations DESC, messages DESC, issue) AS issue_rank
  FROM issues
)
SELECT kind, issue_rank, issue, conversations, messages
FROM ranked
WHERE issue_rank <= 10
ORDER BY kind DESC, issue_rank
