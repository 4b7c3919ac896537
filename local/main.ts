import { loadLocalConfig } from './config';
import { DEMO_CUSTOMER_ID } from './seed/demo-store';
import { startLocalStack } from './stack';

/** `npm start`: the whole product on loopback, no AWS account. Ctrl-C stops everything it started. */
process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
// Node 20 is this project's floor; the SDK's notice about its future Node 22 floor is in the README instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_REGION ??= 'us-east-1';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const config = loadLocalConfig();
const started = Date.now();
const stack = await startLocalStack(config, { log: (line) => console.error(`[afterdesk] ${line}`) });

console.log(
  `Afterdesk is ready in ${((Date.now() - started) / 1000).toFixed(1)} s — WebSocket ${stack.info.websocketUrl}`,
);
console.log(`  Demo storefront:     ${stack.info.webUrl}`);
console.log(`  @connections:        ${stack.info.connectionsEndpoint}`);
console.log(`  DynamoDB Local:      ${stack.info.dynamodbEndpoint}`);
console.log(`  Data folder:         ${config.dataDir}`);
console.log(`  Demo customer id:    ${DEMO_CUSTOMER_ID}`);
console.log(
  `  Try:                 npx afterdesk chat --customer ${DEMO_CUSTOMER_ID} "Où est ma commande ?"`,
);
console.log('Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Afterdesk…');
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
