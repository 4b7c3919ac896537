import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { AssistantJob, AssistantQueue } from '../../ports/assistant-queue';

/** An asynchronous (Event) invoke returns in milliseconds, so the route integration is never held. */
export class LambdaAssistantQueue implements AssistantQueue {
  constructor(
    private readonly client: LambdaClient,
    private readonly functionName: string,
  ) {}

  async enqueue(job: AssistantJob): Promise<void> {
    await this.client.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(job)),
      }),
    );
  }
}
