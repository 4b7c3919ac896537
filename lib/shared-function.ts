import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLE_OPTIONS } from './bundling-options';

/** Repository root: lib/ sits one level below it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Trained model artifacts (npm run build:models), relative to the project root. */
export const MODEL_ARTIFACTS = path.join('models', 'artifacts');

/** The handler entry file for a function name, e.g. 'send-message' -> functions/handlers/send-message.ts. */
export function handlerEntry(name: string): string {
  return path.join(PROJECT_ROOT, 'functions', 'handlers', `${name}.ts`);
}

/** nodejs24.x: the named constant when this aws-cdk-lib has it, else the runtime built by name. */
export const NODE_RUNTIME: lambda.Runtime =
  (lambda.Runtime as unknown as Record<string, lambda.Runtime | undefined>).NODEJS_24_X ??
  new lambda.Runtime('nodejs24.x', lambda.RuntimeFamily.NODEJS, { supportsInlineCode: true });

/** The DynamoDB actions handlers make on items (transactions need the action of each item they touch). */
export type DynamoDbItemAction =
  | 'GetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'ConditionCheckItem';

export interface SharedFunctionProps {
  /** Handler file name under functions/handlers, without extension (e.g. 'send-message'). */
  readonly handler: string;
  readonly description: string;
  /** Always explicit: no function runs with Lambda's default memory. */
  readonly memorySize: number;
  /** Always explicit: no function runs with Lambda's default timeout. */
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  /** Customer-managed key that encrypts the function's log group. */
  readonly logKey: kms.IKey;
  readonly environment?: Record<string, string>;
  /**
   * Packages with native binaries (sharp): left out of the esbuild bundle and copied beside it, so the
   * function runs on the architecture those binaries were built for. Such a function needs no models.
   */
  readonly nativeModules?: NativeModules;
}

export interface NativeModules {
  readonly architecture: lambda.Architecture;
  /** Import specifiers esbuild leaves as imports. */
  readonly external: readonly string[];
  /** Shell commands that copy the packages under `<outputDir>/node_modules`, run after bundling. */
  readonly copy: (outputDir: string) => string[];
}

/**
 * The Lambda defaults every Afterdesk function shares: nodejs24.x on arm64, active tracing, an explicit,
 * encrypted log group with retention, JSON logs, and one ESM bundle with the whole AWS SDK inside.
 *
 * Each function gets its own role whose only built-in permission is writing to its own log group, instead
 * of the AWSLambdaBasicExecutionRole managed policy (which may write to any log group).
 */
export class SharedFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SharedFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the Afterdesk ${props.handler} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.handler),
      handler: 'handler',
      description: props.description,
      runtime: NODE_RUNTIME,
      architecture: props.nativeModules?.architecture ?? lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'afterdesk',
        POWERTOOLS_METRICS_NAMESPACE: 'Afterdesk',
        NODE_OPTIONS: '--enable-source-maps',
        AFTERDESK_MODE: 'aws',
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: LAMBDA_BUNDLE_OPTIONS.target,
        minify: LAMBDA_BUNDLE_OPTIONS.minify,
        sourceMap: LAMBDA_BUNDLE_OPTIONS.sourcemap,
        sourcesContent: LAMBDA_BUNDLE_OPTIONS.sourcesContent,
        mainFields: [...LAMBDA_BUNDLE_OPTIONS.mainFields],
        externalModules: [...LAMBDA_BUNDLE_OPTIONS.external, ...(props.nativeModules?.external ?? [])],
        banner: LAMBDA_BUNDLE_OPTIONS.banner,
        esbuildArgs: {
          ...Object.fromEntries(
            Object.entries(LAMBDA_BUNDLE_OPTIONS.alias).map(([from, to]) => [`--alias:${from}`, to]),
          ),
          // As an argument: this aws-cdk-lib declares a `charset` bundling option but never passes it on.
          '--charset': LAMBDA_BUNDLE_OPTIONS.charset,
        },
        forceDockerBundling: false,
        // Errors and warnings (e.g. oversized bundles) only; bench/bundles.ts reports sizes.
        logLevel: nodejs.LogLevel.WARNING,
        // Trained models ship beside index.mjs, where models/load.ts looks for them (not inlined: size).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) =>
            props.nativeModules
              ? props.nativeModules.copy(outputDir)
              : [`cp -R "${path.join(inputDir, MODEL_ARTIFACTS)}" "${path.join(outputDir, 'artifacts')}"`],
        },
      },
    });

    // Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords on '*' to the role.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so active ' +
        "tracing needs Resource '*'. Tests assert that only X-Ray (and DynamoDB ListStreams) statements use '*'.",
    });
  }

  /** Adds environment variables after creation (for values that exist only once other constructs do). */
  addEnvironment(values: Record<string, string>): void {
    for (const [key, value] of Object.entries(values)) this.fn.addEnvironment(key, value);
  }

  /**
   * Exactly these DynamoDB item actions on `table` (e.g. 'GetItem', 'UpdateItem'): the table's
   * grantReadWriteData would add DeleteItem, Scan and batch writes that most handlers never make.
   */
  grantTableActions(table: dynamodb.ITable, actions: readonly DynamoDbItemAction[]): void {
    table.grant(this.fn, ...actions.map((action) => `dynamodb:${action}`));
  }

  /** Convenience for acknowledging a finding on this function's role policy with a reason. */
  acknowledgeOnRole(id: string, reason: string): void {
    Validations.of(this.role).acknowledge({ id, reason });
  }
}
