import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface LoggedStageProps {
  readonly logKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly stageName: string;
  readonly description?: string;
  readonly throttle: apigwv2.ThrottleSettings;
  /** `$context` variables, one JSON line per request. Never a body, a query string or a header. */
  readonly accessLogFields: Readonly<Record<string, string>>;
  /**
   * Construct ids of the log group and the stage. Each API keeps the ids it was first deployed with, so
   * moving to this helper replaces nothing on update (a function, not a Construct, for the same reason:
   * a construct level would change every logical id under it).
   */
  readonly ids?: { readonly accessLogs?: string; readonly stage?: string };
}

/** An HTTP API without its default stage, plus its throttled stage with encrypted JSON access logs. */
export function httpApiWithLoggedStage(
  scope: Construct,
  api: Omit<apigwv2.HttpApiProps, 'createDefaultStage'>,
  stage: LoggedStageProps,
): { api: apigwv2.HttpApi; stage: apigwv2.HttpStage; accessLogs: logs.LogGroup } {
  const httpApi = new apigwv2.HttpApi(scope, 'Api', { ...api, createDefaultStage: false });
  const accessLogs = accessLogGroup(scope, stage);
  const httpStage = new apigwv2.HttpStage(scope, stage.ids?.stage ?? 'Stage', {
    httpApi,
    ...stageSettings(stage, accessLogs),
  });
  return { api: httpApi, stage: httpStage, accessLogs };
}

/** The same stage settings for a WebSocket API (the agents' console). */
export function loggedWebSocketStage(
  scope: Construct,
  webSocketApi: apigwv2.WebSocketApi,
  stage: LoggedStageProps,
): { stage: apigwv2.WebSocketStage; accessLogs: logs.LogGroup } {
  const accessLogs = accessLogGroup(scope, stage);
  const wsStage = new apigwv2.WebSocketStage(scope, stage.ids?.stage ?? 'Stage', {
    webSocketApi,
    ...stageSettings(stage, accessLogs),
  });
  return { stage: wsStage, accessLogs };
}

function accessLogGroup(scope: Construct, props: LoggedStageProps): logs.LogGroup {
  return new logs.LogGroup(scope, props.ids?.accessLogs ?? 'AccessLogs', {
    retention: props.logRetention,
    encryptionKey: props.logKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

function stageSettings(props: LoggedStageProps, accessLogs: logs.LogGroup) {
  return {
    stageName: props.stageName,
    autoDeploy: true,
    description: props.description,
    throttle: props.throttle,
    detailedMetricsEnabled: true,
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(accessLogs),
      format: AccessLogFormat.custom(JSON.stringify(props.accessLogFields)),
    },
  };
}
