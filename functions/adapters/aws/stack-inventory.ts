import { type CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { StackInventory } from './stack-usage';

/** CDK logical ids end in an 8-hex-digit hash: `AssistantFunctionE1A2B3C4` reads better as `AssistantFunction`. */
const label = (logicalId: string) => logicalId.replace(/[0-9A-F]{8}$/, '');

/**
 * The deployed stack's resources whose metrics make up its cost, from CloudFormation (physical names) and
 * Lambda (memory size and the Bedrock model ids the functions are configured with). Nothing is guessed
 * from names: a resource is the stack's because CloudFormation lists it.
 */
export async function loadStackInventory(
  clients: { cloudFormation: CloudFormationClient; lambda: LambdaClient },
  stackName: string,
): Promise<StackInventory> {
  const resources: Array<{ type: string; logicalId: string; physicalId: string }> = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.cloudFormation.send(
      new ListStackResourcesCommand({ StackName: stackName, NextToken: nextToken }),
    );
    for (const summary of page.StackResourceSummaries ?? []) {
      if (summary.ResourceType && summary.LogicalResourceId && summary.PhysicalResourceId)
        resources.push({
          type: summary.ResourceType,
          logicalId: summary.LogicalResourceId,
          physicalId: summary.PhysicalResourceId,
        });
    }
    nextToken = page.NextToken;
  } while (nextToken);

  const ofType = (type: string) => resources.filter((resource) => resource.type === type);
  const functions: Array<{ name: string; label: string; memoryMb: number }> = [];
  const models = new Set<string>();
  for (const fn of ofType('AWS::Lambda::Function')) {
    const config = await clients.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: fn.physicalId }),
    );
    functions.push({ name: fn.physicalId, label: label(fn.logicalId), memoryMb: config.MemorySize ?? 128 });
    for (const [key, value] of Object.entries(config.Environment?.Variables ?? {}))
      if (/^BEDROCK_(?:VISION_)?MODEL_ID$/.test(key) && value) models.add(value);
  }
  return {
    functions,
    models: [...models].sort(),
    tables: ofType('AWS::DynamoDB::Table')
      .concat(ofType('AWS::DynamoDB::GlobalTable'))
      .map((table) => table.physicalId),
    webSocketApis: ofType('AWS::ApiGatewayV2::Api').map((api) => api.physicalId),
    deliveryStreams: ofType('AWS::KinesisFirehose::DeliveryStream').map((stream) => stream.physicalId),
  };
}
