/**
 * A keyword spike alert. It names a SKU (or only defect ids when no SKU is known), counts and classifier
 * labels: never shopper text, never anything about the shopper.
 */
export interface KeywordSpikeAlert {
  sku: string | null;
  defects: string[];
  /** Shopper messages mentioning the defects in the window. */
  mentions: number;
  /** Average such messages per hour over the baseline period. */
  baseline: number;
  windowStart: string;
  windowEnd: string;
  sampleIntents: string[];
}

/** What an hour's counter holds after a message was added. */
export interface HourCount {
  mentions: number;
  defects: string[];
  intents: string[];
}

/** Hourly defect-mention counters that outlive a Lambda container, with a once-per-hour alert marker. */
export interface KeywordSpikeStore {
  increment(
    key: string,
    hour: string,
    add: { defects: readonly string[]; intent: string | null },
  ): Promise<HourCount>;
  /**
   * Adds several messages' mentions to one hour in one write; absent, the detector calls `increment` once
   * per message.
   */
  incrementMany?(
    key: string,
    hour: string,
    add: { mentions: number; defects: readonly string[]; intents: readonly string[] },
  ): Promise<HourCount>;
  /** Sum of the key's hourly counts for hours from `fromHour` to `toHour`, both included. */
  mentionsBetween(key: string, fromHour: string, toHour: string): Promise<number>;
  /** True for the first caller per key and hour. */
  markAlerted(key: string, hour: string): Promise<boolean>;
  clearAlerted(key: string, hour: string): Promise<void>;
}

/** Where alerts go: an EventBridge bus in the cloud, a log line and a file locally. */
export interface AlertPublisher {
  publish(alert: KeywordSpikeAlert): Promise<void>;
}
