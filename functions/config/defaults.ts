/**
 * Every setting's default, in one place: the Lambdas' environment schemas (functions/config) and the
 * deploy-time settings (lib/config) both read them. The Bedrock model's default depends on the Region:
 * see bedrock-models.
 */
export const DEFAULTS = {
  region: 'us-east-1',
  chatModel: 'embedded',
  guardrailVersion: 'DRAFT',
  /** Days a conversation is kept before DynamoDB TTL removes it (GDPR retention). */
  retentionDays: 180,
  /** Shopper messages a session may send per minute; more get a rate_limited error, WAF being unavailable. */
  maxMessagesPerMinute: 30,
  /** The same across all of one customer's sessions, so opening more sessions buys no more messages. */
  maxMessagesPerCustomerPerMinute: 60,
  /** Heartbeats a connection may send per minute (the widget sends one every 4.5 quiet minutes). */
  maxPingsPerMinute: 6,
  /** Guest proofs per 15 minutes: per client (source address) and per order number, existing or not. */
  guestAttemptsPerClient: 10,
  guestAttemptsPerOrder: 5,
  /** History turns given to the model; older turns are not needed to answer after-sales questions. */
  historyTurns: 12,
  /**
   * Keyword spike alert: shopper messages mentioning defect words for one SKU (or defect) within a clock
   * hour, at least, and how many times that key's hourly average of the previous 7 days they must reach.
   * A handful of complaints about one product in an hour is rare for a small seller; 3× keeps a SKU that
   * always draws some complaints from alerting every hour.
   */
  keywordSpikeMinMentions: 5,
  keywordSpikeRatio: 3,
  /** Minutes without a message after which a conversation counts as closed. */
  conversationIdleMinutes: 30,
  /** Seconds a claimed stream record stays reserved for the invocation processing it. */
  analyticsClaimSeconds: 300,
  /** Days a processed-event marker is kept: longer than a stream's 24 h retention. */
  analyticsMarkerDays: 7,
} as const;
