import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { parseBedrockModelId } from './config';
import type { SharedFunction } from './shared-function';

/**
 * Lets `fn` call one configured Bedrock model with `actions` (Converse needs bedrock:InvokeModel). A
 * foundation model id gets that model's ARN in this Region only. A cross-Region inference profile id gets
 * the profile's ARN, plus its foundation model in any Region of the geography, but only through that
 * profile (bedrock:InferenceProfileArn condition), as the profile may serve a request from any of them.
 */
export function grantBedrockModel(fn: SharedFunction, modelId: string, actions: readonly string[]): void {
  const stack = Stack.of(fn);
  const model = parseBedrockModelId(modelId);
  if (!model.inferenceProfileId) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'InvokeBedrockModel',
        actions: [...actions],
        resources: [
          stack.formatArn({
            service: 'bedrock',
            account: '',
            resource: 'foundation-model',
            resourceName: model.foundationModelId,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
    return;
  }
  const profileArn = stack.formatArn({
    service: 'bedrock',
    resource: 'inference-profile',
    resourceName: model.inferenceProfileId,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({ sid: 'InvokeBedrockProfile', actions: [...actions], resources: [profileArn] }),
  );
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'InvokeBedrockModelThroughProfile',
      actions: [...actions],
      resources: [`arn:${stack.partition}:bedrock:*::foundation-model/${model.foundationModelId}`],
      conditions: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    }),
  );
  fn.acknowledgeOnRole(
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/${model.foundationModelId}]`,
    'A cross-Region inference profile may serve the request from any Region of its geography, so the ' +
      'foundation model is allowed in every Region, only for this one model and only through the ' +
      'configured inference profile (bedrock:InferenceProfileArn condition).',
  );
}
