import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BedrockChatModel,
  ChatModelError,
  createBedrockRuntimeClient,
} from '../../functions/adapters/aws/bedrock-chat-model';
import { TOOL_SPECS } from '../../functions/core/assistant/tools';
import {
  type FakeBedrock,
  type StreamFrame,
  startFakeBedrock,
} from '../fixtures/bedrock/event-stream-server';

const MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';

describe('createBedrockRuntimeClient', () => {
  it('uses an HTTP/1 handler for a loopback http endpoint', async () => {
    const client = createBedrockRuntimeClient({ region: 'eu-west-3', endpoint: 'http://127.0.0.1:4010' });

    expect(client.config.requestHandler).toBeInstanceOf(NodeHttpHandler);
    expect(await client.config.region()).toBe('eu-west-3');
    expect(await client.config.endpoint?.()).toMatchObject({
      hostname: '127.0.0.1',
      port: 4010,
      protocol: 'http:',
    });
  });

  it('keeps the SDK default handler when no endpoint is given', async () => {
    const client = createBedrockRuntimeClient({ region: 'ap-southeast-1' });

    expect(client.config.requestHandler).not.toBeInstanceOf(NodeHttpHandler);
    expect(await client.config.region()).toBe('ap-southeast-1');
  });

  it('refuses plain http to a host that is not loopback', () => {
    expect(() => createBedrockRuntimeClient({ endpoint: 'http://bedrock.example.com' })).toThrow(
      /non-loopback/,
    );
  });
});

describe('BedrockChatModel against a loopback ConverseStream endpoint', () => {
  let fake: FakeBedrock | undefined;

  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const toolTurn: StreamFrame[] = [
    { event: 'messageStart', body: { role: 'assistant' } },
    { event: 'contentBlockDelta', body: { contentBlockIndex: 0, delta: { text: 'Let me check ' } } },
    { event: 'contentBlockDelta', body: { contentBlockIndex: 0, delta: { text: 'your order.' } } },
    { event: 'contentBlockStop', body: { contentBlockIndex: 0 } },
    {
      event: 'contentBlockStart',
      body: {
        contentBlockIndex: 1,
        start: { toolUse: { toolUseId: 'tooluse_3kqYp5wBQ1mAqA7pZk4r2g', name: 'get_order_status' } },
      },
    },
    { event: 'contentBlockDelta', body: { contentBlockIndex: 1, delta: { toolUse: { input: '' } } } },
    { event: 'contentBlockDelta', body: { contentBlockIndex: 1, delta: { toolUse: { input: '{"orderI' } } } },
    {
      event: 'contentBlockDelta',
      body: { contentBlockIndex: 1, delta: { toolUse: { input: 'd": "A1001"}' } } },
    },
    { event: 'contentBlockStop', body: { contentBlockIndex: 1 } },
    { event: 'messageStop', body: { stopReason: 'tool_use' } },
    {
      event: 'metadata',
      body: {
        usage: { inputTokens: 1021, outputTokens: 63, totalTokens: 1084 },
        metrics: { latencyMs: 1432 },
      },
    },
  ];

  it('streams and assembles a tool call through the real SDK event-stream decoder', async () => {
    fake = await startFakeBedrock([toolTurn]);
    const client = createBedrockRuntimeClient({ region: 'us-east-1', endpoint: fake.endpoint });
    const model = new BedrockChatModel({
      client,
      modelId: MODEL_ID,
      guardrail: { id: 'gr7x2k9q1abc', version: 'DRAFT' },
    });
    const deltas: string[] = [];

    const response = await model.converse(
      {
        system: 'You are the after-sales assistant.',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Where is A1001?' }] }],
        tools: TOOL_SPECS,
      },
      (text) => deltas.push(text),
    );

    expect(deltas).toEqual(['Let me check ', 'your order.']);
    expect(response).toEqual({
      stopReason: 'tool_use',
      content: [
        { type: 'text', text: 'Let me check your order.' },
        {
          type: 'toolUse',
          toolUseId: 'tooluse_3kqYp5wBQ1mAqA7pZk4r2g',
          name: 'get_order_status',
          input: { orderId: 'A1001' },
        },
      ],
      usage: { inputTokens: 1021, outputTokens: 63 },
    });
    const [sent] = fake.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe(`/model/${encodeURIComponent(MODEL_ID)}/converse-stream`);
    expect(sent?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(sent?.body).toMatchObject({
      messages: [{ role: 'user', content: [{ text: 'Where is A1001?' }] }],
      // The model caches prompts: a cache point follows the system prompt and the last tool spec.
      system: [{ text: 'You are the after-sales assistant.' }, { cachePoint: { type: 'default' } }],
      guardrailConfig: {
        guardrailIdentifier: 'gr7x2k9q1abc',
        guardrailVersion: 'DRAFT',
        streamProcessingMode: 'async',
      },
      toolConfig: {
        tools: [
          ...TOOL_SPECS.map((spec) => ({ toolSpec: { name: spec.name } })),
          { cachePoint: { type: 'default' } },
        ],
      },
    });
  });

  it('turns an exception frame, which the SDK throws while iterating, into a retryable ChatModelError', async () => {
    fake = await startFakeBedrock([
      [
        { event: 'messageStart', body: { role: 'assistant' } },
        { event: 'contentBlockDelta', body: { contentBlockIndex: 0, delta: { text: 'Your order' } } },
        {
          exception: 'throttlingException',
          body: { message: 'Too many tokens, please wait before trying again.' },
        },
      ],
    ]);
    const client = createBedrockRuntimeClient({ region: 'us-east-1', endpoint: fake.endpoint });
    const model = new BedrockChatModel({ client, modelId: MODEL_ID });
    const deltas: string[] = [];

    const error = await model
      .converse(
        {
          system: 'You are the after-sales assistant.',
          messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
          tools: [],
        },
        (text) => deltas.push(text),
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(deltas).toEqual(['Your order']);
    expect(error).toBeInstanceOf(ChatModelError);
    expect(error).toMatchObject({ code: 'throttled', retryable: true, emittedText: true });
    expect(fake.requests[0]?.body).not.toHaveProperty('toolConfig');
  });
});
