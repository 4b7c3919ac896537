import type { CfnResource } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';
import {
  entriesOf,
  SCHEDULES,
  STREAM_MAPPINGS,
  type StreamMappingSpec,
  WEBSOCKET_APIS,
  type WebSocketApiSpec,
} from '../../topology';
import { startTestStack, type TestStack } from '../support/local-stack';

// One topology, two runtimes: the synthesized template and the running local stack must both say exactly
// what topology/ declares. Each side is reduced to the same plain shape and compared with the data.

interface RouteView {
  handler: string | undefined;
  returnResponse: boolean;
}
interface ApiView {
  authorizer: string | undefined;
  routes: Record<string, RouteView>;
}
interface MappingView {
  table: string;
  handler: string;
  startingPosition: string;
  batchSize: number;
  parallelizationFactor: number;
  retryAttempts: number;
  bisectBatchOnError: boolean;
  maxRecordAgeSeconds: number;
  filters: unknown[];
  onFailure: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON.
type Props = Record<string, any>;

function declaredApis(): Record<string, ApiView> {
  return Object.fromEntries(
    entriesOf<string, WebSocketApiSpec>(WEBSOCKET_APIS).map(([name, api]) => [
      name,
      {
        authorizer: api.authorizer.handler,
        routes: Object.fromEntries(
          Object.entries(api.routes).map(([key, route]) => [
            key,
            { handler: route.handler, returnResponse: route.returnResponse },
          ]),
        ),
      },
    ]),
  );
}

function mappingKey(table: string, handler: string): string {
  return `${table} -> ${handler}`;
}

function declaredMappings(): Record<string, MappingView> {
  return Object.fromEntries(
    Object.values<StreamMappingSpec>(STREAM_MAPPINGS).map((mapping) => [
      mappingKey(mapping.table, mapping.handler),
      {
        table: mapping.table,
        handler: mapping.handler,
        startingPosition: mapping.startingPosition,
        batchSize: mapping.batchSize,
        parallelizationFactor: mapping.parallelizationFactor,
        retryAttempts: mapping.retryAttempts,
        bisectBatchOnError: mapping.bisectBatchOnError,
        maxRecordAgeSeconds: mapping.maxRecordAgeSeconds,
        filters: [...(mapping.filters ?? [])],
        onFailure: true,
      },
    ]),
  );
}

function declaredSchedules(): Record<string, number> {
  return Object.fromEntries(
    Object.values(SCHEDULES).map((schedule) => [schedule.handler, schedule.rateMinutes]),
  );
}

describe('one topology', () => {
  describe('the synthesized template', () => {
    let stack: AfterdeskStack;
    let resources: Record<string, { Type: string; Properties: Props }>;
    let handlerOf: (logicalId: string) => string | undefined;
    let tableOf: (logicalId: string) => string | undefined;

    beforeAll(() => {
      stack = synthApp({ bundle: false }).stack;
      resources = Template.fromStack(stack).toJSON().Resources;
      const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
        Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnResource);
      const handlers = new Map(
        Object.entries(stack.topologyFunctions).map(([handler, fn]) => [logicalId(fn.fn), handler]),
      );
      const tables = new Map(
        stack.data.definitions.map((definition) => [
          logicalId(stack.data.table(definition.id)),
          definition.id,
        ]),
      );
      handlerOf = (id) => handlers.get(id);
      tableOf = (id) => tables.get(id);
    });

    const ofType = (type: string) =>
      Object.entries(resources)
        .filter(([, resource]) => resource.Type === type)
        .map(([id, resource]) => ({ id, props: resource.Properties }));
    /** The first `Fn::GetAtt` / `Ref` target found in a CloudFormation value. */
    const referenced = (value: unknown): string =>
      /"(?:Ref|Fn::GetAtt)":\s*(?:\["|")([A-Za-z0-9]+)"/.exec(JSON.stringify(value))?.[1] ?? '';

    it('has exactly the routes, handlers and authorizers the topology declares', () => {
      const actual: Record<string, ApiView> = {};
      for (const [name, api] of Object.entries(stack.webSocketApis)) {
        const apiId = Stack.of(stack).getLogicalId(api.api.node.defaultChild as CfnResource);
        const routes: Record<string, RouteView> = {};
        for (const { props } of ofType('AWS::ApiGatewayV2::Route')) {
          if (referenced(props.ApiId) !== apiId) continue;
          const integration = resources[referenced(props.Target)]?.Properties;
          routes[props.RouteKey] = {
            handler: handlerOf(referenced(integration?.IntegrationUri)),
            returnResponse: props.RouteResponseSelectionExpression === '$default',
          };
        }
        const authorizers = ofType('AWS::ApiGatewayV2::Authorizer').filter(
          ({ props }) => referenced(props.ApiId) === apiId,
        );
        expect(authorizers).toHaveLength(1);
        actual[name] = { authorizer: handlerOf(referenced(authorizers[0]?.props.AuthorizerUri)), routes };
      }
      expect(actual).toEqual(declaredApis());
    });

    it('has exactly the stream mappings the topology declares, with their rules and filters', () => {
      const actual: Record<string, MappingView> = {};
      for (const { id, props } of ofType('AWS::Lambda::EventSourceMapping')) {
        const handler = handlerOf(referenced(props.FunctionName)) ?? `unknown function in ${id}`;
        const table = tableOf(referenced(props.EventSourceArn)) ?? `unknown table in ${id}`;
        expect(props.FunctionResponseTypes, id).toEqual(['ReportBatchItemFailures']);
        actual[mappingKey(table, handler)] = {
          table,
          handler,
          startingPosition: props.StartingPosition,
          batchSize: props.BatchSize,
          parallelizationFactor: props.ParallelizationFactor ?? 1,
          retryAttempts: props.MaximumRetryAttempts,
          bisectBatchOnError: props.BisectBatchOnFunctionError,
          maxRecordAgeSeconds: props.MaximumRecordAgeInSeconds,
          filters: (props.FilterCriteria?.Filters ?? []).map((filter: { Pattern: string }) =>
            JSON.parse(filter.Pattern),
          ),
          onFailure: props.DestinationConfig?.OnFailure?.Destination !== undefined,
        };
      }
      expect(actual).toEqual(declaredMappings());
    });

    it('batches each mapping within the window the topology declares', () => {
      for (const mapping of Object.values<StreamMappingSpec>(STREAM_MAPPINGS)) {
        const found = ofType('AWS::Lambda::EventSourceMapping').find(
          ({ props }) => handlerOf(referenced(props.FunctionName)) === mapping.handler,
        );
        expect(found?.props.MaximumBatchingWindowInSeconds, mapping.handler).toBe(
          mapping.maxBatchingWindowSeconds,
        );
      }
    });

    it('has exactly the schedules the topology declares', () => {
      const actual: Record<string, number> = {};
      for (const { props } of ofType('AWS::Events::Rule')) {
        // CDK writes whole hours and days in their own unit (1440 minutes is `rate(1 day)`).
        const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(props.ScheduleExpression ?? '');
        if (!rate) continue;
        const minutes = Number(rate[1]) * { minute: 1, hour: 60, day: 1440 }[rate[2] as 'minute'];
        for (const target of props.Targets) {
          const handler = handlerOf(referenced(target.Arn)) ?? 'unknown function';
          actual[handler] = minutes;
          const declared = Object.values(SCHEDULES).find((schedule) => schedule.handler === handler);
          expect(target.RetryPolicy?.MaximumRetryAttempts, handler).toBe(declared?.retryAttempts);
        }
      }
      expect(actual).toEqual(declaredSchedules());
    });
  });

  describe('the local stack', () => {
    let test: TestStack;

    beforeAll(async () => {
      test = await startTestStack();
    });
    afterAll(async () => {
      await test?.stop();
    });

    it('its gateways dispatch exactly the routes the topology declares', () => {
      const { apis } = test.stack.topology();
      const actual = Object.fromEntries(
        Object.entries(apis).map(([name, api]) => [name, { authorizer: api.authorizer, routes: api.routes }]),
      );
      expect(actual).toEqual(declaredApis());
    });

    it('its pollers run exactly the mappings the topology declares, with their rules and filters', () => {
      const { mappings } = test.stack.topology();
      const tableIds: Record<string, string> = {
        [test.stack.info.tables.conversations]: 'Conversations',
        [test.stack.info.tables.store]: 'Store',
      };
      const actual: Record<string, MappingView> = {};
      for (const settings of Object.values(mappings)) {
        const table = tableIds[settings.tableName] ?? settings.tableName;
        actual[mappingKey(table, settings.handler)] = {
          table,
          handler: settings.handler,
          startingPosition: settings.startingPosition,
          batchSize: settings.batchSize,
          parallelizationFactor: settings.parallelizationFactor,
          retryAttempts: settings.maxRetries,
          bisectBatchOnError: settings.bisectBatchOnError,
          maxRecordAgeSeconds: settings.maxRecordAgeSeconds ?? -1,
          filters: [...(settings.filters ?? [])],
          // Every local poller writes what it gives up on to <dataDir>/failures/<mapping>.ndjson.
          onFailure: true,
        };
      }
      expect(actual).toEqual(declaredMappings());
    });

    it('its timers run exactly the schedules the topology declares', () => {
      const { schedules } = test.stack.topology();
      const actual = Object.fromEntries(
        Object.values(schedules).map((schedule) => [schedule.handler, schedule.intervalMs / 60_000]),
      );
      expect(actual).toEqual(declaredSchedules());
    });
  });
});
