import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  bedrockModelProblem,
  defaultBedrockModelId,
  parseBedrockModelId,
} from '../../functions/config/bedrock-models';
import { loadEnv } from '../../functions/config/env';
import { readConfig } from '../../lib/config';

const TABLES = { STORE_TABLE: 's', CONVERSATIONS_TABLE: 'c', CONNECTIONS_TABLE: 'x' };

describe('Bedrock model ids per Region', () => {
  it('defaults to a profile of the Region geography, or to an in-Region model outside them', () => {
    expect(defaultBedrockModelId('us-west-2')).toBe('us.anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(defaultBedrockModelId('eu-central-1')).toMatch(/^eu\.anthropic\./);
    expect(defaultBedrockModelId('ap-southeast-1')).toMatch(/^apac\.anthropic\./);
    expect(defaultBedrockModelId('sa-east-1')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    for (const region of ['us-east-1', 'eu-west-3', 'ap-northeast-1', 'sa-east-1'])
      expect(bedrockModelProblem(defaultBedrockModelId(region), region)).toBeUndefined();
  });

  it('says a US profile cannot be called from Europe and lists the ids that can', () => {
    const problem = bedrockModelProblem('us.anthropic.claude-3-5-haiku-20241022-v1:0', 'eu-west-1');
    expect(problem).toContain('cannot be called from eu-west-1');
    expect(problem).toContain('eu.anthropic.claude-3-haiku-20240307-v1:0');
  });

  it('accepts global profiles, plain model ids and the narrower jp. profile in Tokyo', () => {
    expect(
      bedrockModelProblem('global.anthropic.claude-sonnet-4-20250514-v1:0', 'sa-east-1'),
    ).toBeUndefined();
    expect(bedrockModelProblem('anthropic.claude-3-haiku-20240307-v1:0', 'eu-west-1')).toBeUndefined();
    expect(
      bedrockModelProblem('jp.anthropic.claude-sonnet-4-20250514-v1:0', 'ap-northeast-1'),
    ).toBeUndefined();
    expect(parseBedrockModelId('apac.anthropic.claude-3-haiku-20240307-v1:0')).toEqual({
      inferenceProfileId: 'apac.anthropic.claude-3-haiku-20240307-v1:0',
      foundationModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    });
  });

  it('fails synth for a profile the deploy Region cannot call, naming valid ids', () => {
    const app = new App({
      context: { region: 'eu-west-1', bedrockModelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' },
    });
    expect(() => readConfig(app)).toThrow(/cannot be called from eu-west-1.*eu\.anthropic\.claude-3-haiku/);
  });

  it('picks the Region default at synth when no model id is configured', () => {
    expect(readConfig(new App({ context: { region: 'ap-south-1' } })).bedrockModelId).toBe(
      'apac.anthropic.claude-3-haiku-20240307-v1:0',
    );
  });

  it('gives a Lambda without BEDROCK_MODEL_ID the default of its own Region', () => {
    expect(loadEnv({ ...TABLES, AWS_REGION: 'eu-north-1' }).BEDROCK_MODEL_ID).toMatch(/^eu\./);
    expect(() => loadEnv({ ...TABLES, RETENTION_DAYS: '-1' })).toThrow(
      /Invalid configuration: RETENTION_DAYS/,
    );
  });
});
