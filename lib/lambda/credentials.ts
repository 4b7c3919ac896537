/**
 * Swapped in for `@aws-sdk/credential-provider-node` in Lambda bundles only (LAMBDA_BUNDLE_OPTIONS.alias).
 * Lambda hands each function its role's credentials in the environment, so the SDK's full chain (SSO, INI
 * files, process, STS web identity, container and instance metadata) is never reached there; it carries the
 * nested STS/SSO clients, 56 KB in every bundle. Local runs are not bundled and keep the full chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
