/** Hands a shopper message to the assistant without holding the WebSocket route integration (29 s limit). */
export interface AssistantJob {
  sessionId: string;
  customerId: string;
  connectionId: string;
  /** Sequence of the shopper message to answer. */
  messageSeq: number;
  /** Sequence reserved for the reply. */
  replySeq: number;
  clientMessageId: string;
}

export interface AssistantQueue {
  enqueue(job: AssistantJob): Promise<void>;
}
