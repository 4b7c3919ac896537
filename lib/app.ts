import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AfterdeskStack } from './afterdesk-stack';
import { type AfterdeskConfig, readConfig } from './config';

export interface BuildAppProps {
  /** CDK context, as `cdk.json` or `-c key=value` would give it (e.g. `{ bedrockModelId: '...' }`). */
  readonly context?: Record<string, unknown>;
  /** Cloud assembly directory; defaults to the CLI's (or a temporary one outside the CLI). */
  readonly outdir?: string;
  /**
   * Bundle the functions with esbuild (default true). Tests that only inspect the template may turn it off:
   * the assets then point at the sources, unbundled, exactly as `cdk synth --exclusively` does for other stacks.
   */
  readonly bundle?: boolean;
}

export interface AfterdeskApp {
  readonly app: App;
  readonly stack: AfterdeskStack;
  readonly config: AfterdeskConfig;
}

/** The name cdk-nag's AwsSolutions pack reports under in the validation report. */
export const NAG_PLUGIN_NAME = 'AwsSolutions';

/** The App with the Afterdesk stack and the cdk-nag AwsSolutions checks registered as a validation plugin. */
export function buildApp(props: BuildAppProps = {}): AfterdeskApp {
  const context: Record<string, unknown> = { ...props.context };
  if (props.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const appProps: AppProps = { context, outdir: props.outdir };
  const app = new App(appProps);
  const config = readConfig(app);
  const stack = new AfterdeskStack(app, 'AfterdeskStack', {
    stackName: config.stackName,
    description: 'Afterdesk: AI after-sales chat desk',
    // A Region given in context is the one the model id was checked against: deploy there.
    ...(context.region ? { env: { region: config.region } } : {}),
    config,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, config };
}

/** One violation as CDK's validation report lists it. */
export interface ValidationFinding {
  readonly plugin: string;
  readonly ruleName: string;
  readonly severity: string;
  readonly description: string;
  readonly constructPaths: readonly string[];
}

export interface SynthResult extends AfterdeskApp {
  readonly assembly: CloudAssembly;
  /** Every unacknowledged violation in the synthesized validation report, by plugin. */
  readonly findings: readonly ValidationFinding[];
  /** The raw validation-report.json, if synthesis wrote one. */
  readonly report?: unknown;
}

interface ReportViolation {
  ruleName?: string;
  severity?: string;
  description?: string;
  violatingResources?: Array<{ constructPath?: string }>;
  violatingConstructs?: Array<{ constructPath?: string }>;
}

interface ReportShape {
  pluginReports?: Array<{
    summary?: { pluginName?: string };
    pluginName?: string;
    violations?: ReportViolation[];
  }>;
}

/** Synthesizes the app once (bundling every function) and reads the validation report it wrote. */
export function synthApp(props: BuildAppProps = {}): SynthResult {
  const built = buildApp(props);
  const assembly = built.app.synth();
  const reportFile = path.join(assembly.directory, 'validation-report.json');
  if (!fs.existsSync(reportFile)) return { ...built, assembly, findings: [] };
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ReportShape;
  const findings: ValidationFinding[] = [];
  for (const pluginReport of report.pluginReports ?? []) {
    const plugin = pluginReport.summary?.pluginName ?? pluginReport.pluginName ?? 'unknown';
    for (const v of pluginReport.violations ?? []) {
      const resources = [...(v.violatingResources ?? []), ...(v.violatingConstructs ?? [])];
      findings.push({
        plugin,
        ruleName: v.ruleName ?? 'unknown',
        severity: v.severity ?? 'unknown',
        description: v.description ?? '',
        constructPaths: resources.map((r) => r.constructPath ?? '?'),
      });
    }
  }
  return { ...built, assembly, findings, report };
}
