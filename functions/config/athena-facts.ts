import { AthenaClient as SdkAthenaClient } from '@aws-sdk/client-athena';
import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { AthenaClient } from '../adapters/aws/athena-client';
import { AthenaCustomerFacts } from '../adapters/aws/athena-customer-facts';
import { createClient } from './clients';
import { loadConfig } from './load';
import { env } from './runtime-env';

/** Where the facts live in AWS (lib/analytics.ts): the Athena workgroup, Glue database and facts bucket. */
const AthenaFactsEnv = z.object({
  ANALYTICS_WORKGROUP: z.string().min(1),
  ANALYTICS_DATABASE: z.string().regex(/^[a-z0-9_]{1,255}$/),
  FACTS_BUCKET: z.string().min(3),
});

/** A customer's facts through Athena; `queryTimeoutMs` bounds each query (an API answer has 30 s). */
export function athenaCustomerFacts(queryTimeoutMs: number): AthenaCustomerFacts {
  const settings = loadConfig(AthenaFactsEnv);
  const s3 = createClient(S3Client, { region: env.AWS_REGION });
  return new AthenaCustomerFacts(
    new AthenaClient(createClient(SdkAthenaClient, { region: env.AWS_REGION })),
    s3,
    {
      workGroup: settings.ANALYTICS_WORKGROUP,
      database: settings.ANALYTICS_DATABASE,
      bucket: settings.FACTS_BUCKET,
      queryTimeoutMs,
    },
  );
}
