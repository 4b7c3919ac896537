import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

/** The deployed stack publishes its table names as outputs; the CLI never guesses physical names. */
export async function deployedStoreTable(
  stackName: string,
  region?: string,
): Promise<{ tableName: string; region: string }> {
  const client = new CloudFormationClient(region ? { region } : {});
  const resolvedRegion = await client.config.region();
  const result = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  const output = result.Stacks?.[0]?.Outputs?.find((candidate) => candidate.OutputKey === 'StoreTableName');
  if (!output?.OutputValue) throw new Error(`stack ${stackName} has no StoreTableName output`);
  return { tableName: output.OutputValue, region: resolvedRegion };
}
