import { loadLocalConfig } from './config';
import { applyLocalEnvDefaults } from './local-env';
import { DEMO_CUSTOMER_ID } from './seed/demo-store';
import { startLocalStack } from './stack';

/** `npm start`: the whole product on loopback, no AWS account. Ctrl-C stops everything it started. */
applyLocalEnvDefaults();

const config = loadLocalConfig();
const started = Date.now();
const stack = await startLocalStack(config, { log: (line) => console.error(`[afterdesk] ${line}`) });

console.log(
  `Afterdesk is ready in ${((Date.now() - started) / 1000).toFixed(1)} s — WebSocket ${stack.info.websocketUrl}`,
);
console.log(`  Demo storefront:     ${stack.info.webUrl}`);
console.log(`  Analytics:           ${new URL('analytics', stack.info.webUrl).href}`);
console.log(`  Agent console:       ${stack.info.consoleUrl}`);
const demoAgent = stack.demoAgents.find((agent) => agent.role === 'agent');
if (demoAgent) console.log(`  Demo agent: ${demoAgent.email} / ${demoAgent.password}`);
console.log(`  @connections:        ${stack.info.connectionsEndpoint}`);
console.log(`  DynamoDB Local:      ${stack.info.dynamodbEndpoint}`);
console.log(`  Data folder:         ${config.dataDir}`);
console.log(`  Demo customer id:    ${DEMO_CUSTOMER_ID}`);
console.log(
  `  Try:                 npx afterdesk chat --customer ${DEMO_CUSTOMER_ID} "Où est ma commande ?"`,
);
console.log('Press Ctrl-C to stop.');

// A stop that hangs (a stuck poller, a slow JVM) must not keep the process: after this the process exits
// anyway, and its exit handler SIGKILLs DynamoDB Local (whose launcher also exits when our pipe closes).
const STOP_DEADLINE_MS = 5_000;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      // A second signal: the user means it.
      process.exit(1);
    }
    stopping = true;
    console.log('\nStopping Afterdesk…');
    setTimeout(() => {
      console.error('[afterdesk] stop took too long; exiting now');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
