/**
 * Defaults for running on this machine with no AWS account: static dummy credentials for the loopback
 * endpoints, no instance-metadata lookups, and Powertools quiet. Anything already set wins.
 */
export function applyLocalEnvDefaults(logLevel: 'WARN' | 'ERROR' = 'WARN'): void {
  process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
  // Node 20 is this project's floor; the SDK's notice about its future Node 22 floor is in the README.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= logLevel;
}
