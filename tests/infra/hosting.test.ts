import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { type SynthResult, synthApp } from '../../lib/app';
import { WIDGET_FILE, widgetVersion } from '../../lib/hosting';
import { buildVideoChunk, VIDEO_CHUNK_FILES } from '../../web/video/build';
import { buildWidget } from '../../web/widget/build';

let result: SynthResult;
let stack: AfterdeskStack;
let template: Template;
let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;

beforeAll(() => {
  result = synthApp({ bundle: false });
  stack = result.stack;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 240_000);

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as never);

/** The files one BucketDeployment copies, read from the staged assets of the cloud assembly. */
function deployedFiles(deploymentId: string): Map<string, Buffer> {
  const deployment = resources[deploymentId];
  const keys = deployment?.Properties.SourceObjectKeys as string[];
  const files = new Map<string, Buffer>();
  for (const key of keys) {
    const root = path.join(result.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file));
    }
  }
  return files;
}

function deploymentWith(match: (properties: Record<string, unknown>) => boolean): string {
  const found = Object.entries(resources).filter(
    ([, resource]) => resource.Type === 'Custom::CDKBucketDeployment' && match(resource.Properties),
  );
  expect(found).toHaveLength(1);
  return found[0]?.[0] ?? '';
}

const widgetDeployment = () => deploymentWith((properties) => properties.Prune === false);
const consoleDeployment = () => deploymentWith((properties) => properties.Prune === true);

describe('widget hosting', () => {
  it('serves the widget from the encrypted, TLS-only, private site bucket through origin access control', () => {
    const site = logicalId(stack.console.bucket);
    const bucket = resources[site];
    expect(bucket?.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    // One origin (the bucket, signed by OAC) behind both the console and the widget behaviour.
    const distribution = resources[logicalId(stack.console.distribution)]?.Properties.DistributionConfig as {
      Origins: Array<{ Id: string; OriginAccessControlId?: unknown; S3OriginConfig?: unknown }>;
      CacheBehaviors: Array<Record<string, unknown>>;
    };
    expect(distribution.Origins).toHaveLength(1);
    const [oac] = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'));
    expect(distribution.Origins[0]?.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac, 'Id'] });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const widget = distribution.CacheBehaviors.find((behavior) => behavior.PathPattern === '/widget/*');
    expect(widget).toMatchObject({
      TargetOriginId: distribution.Origins[0]?.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      Compress: true,
    });
  });

  it('answers cross-origin script loads with CORS, nosniff and HSTS, so the browser can check the SRI hash', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CorsConfig: Match.objectLike({
          AccessControlAllowCredentials: false,
          AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
          AccessControlAllowOrigins: { Items: ['*'] },
        }),
        SecurityHeadersConfig: Match.objectLike({
          ContentTypeOptions: { Override: true },
          StrictTransportSecurity: Match.objectLike({ Override: true }),
        }),
      }),
    });
  });

  it('copies the widget and its call chunk under /widget/<content hash>/, immutable and never pruned', () => {
    const id = widgetDeployment();
    expect(resources[id]?.Properties).toMatchObject({
      DestinationBucketName: { Ref: logicalId(stack.console.bucket) },
      Prune: false,
      SystemMetadata: {
        'cache-control': 'public, max-age=31536000, immutable',
        'content-type': 'text/javascript; charset=utf-8',
      },
    });
    expect(stack.widget.version).toMatch(/^[0-9a-f]{16}$/);
    const files = deployedFiles(id);
    expect([...files.keys()].sort()).toEqual(
      [
        `widget/${stack.widget.version}/${WIDGET_FILE}`,
        `widget/${stack.widget.version}/${VIDEO_CHUNK_FILES.chime}`,
      ].sort(),
    );
    // The console's own deployment prunes old console files but leaves every widget version alone.
    expect(resources[consoleDeployment()]?.Properties.Exclude).toEqual(['widget/*']);
  });

  it('prints the exact script tag, whose sha384 integrity is the hash of the hosted widget file', async () => {
    const output = template.toJSON().Outputs.WidgetScriptTag as {
      Value: { 'Fn::Join': [string, unknown[]] };
    };
    const [separator, parts] = output.Value['Fn::Join'];
    expect(separator).toBe('');
    const distribution = logicalId(stack.console.distribution);
    const text = parts
      .map((part) =>
        typeof part === 'string'
          ? part
          : JSON.stringify(part) === JSON.stringify({ 'Fn::GetAtt': [distribution, 'DomainName'] })
            ? '<distribution>'
            : '<token>',
      )
      .join('');
    const tag =
      /^<script src="https:\/\/<distribution>\/widget\/([0-9a-f]{16})\/afterdesk-widget\.js" integrity="(sha384-[A-Za-z0-9+/]{64})" crossorigin="anonymous" async data-websocket-url="wss:\/\/<token>\.execute-api\.<token>\.<token>\/live" data-token-url="\/afterdesk\/token"><\/script>$/;
    const [, version, integrity] = tag.exec(text) ?? [];
    expect(version).toBe(stack.widget.version);

    const hosted = deployedFiles(widgetDeployment()).get(`widget/${version}/${WIDGET_FILE}`);
    expect(hosted).toBeDefined();
    const hash = `sha384-${createHash('sha384')
      .update(hosted ?? Buffer.alloc(0))
      .digest('base64')}`;
    expect(integrity).toBe(hash);
    // The hosted bytes are today's build of web/widget, not a stale file.
    expect(hosted?.toString('utf8')).toBe(await buildWidget());
    template.hasOutput('WidgetIntegrity', { Value: hash });
  });

  it('hosts the console with its Chime call chunk beside console.js, and lets its page reach Chime', async () => {
    const files = deployedFiles(consoleDeployment());
    expect([...files.keys()].sort()).toEqual(
      ['config.json', 'console.js', 'index.html', VIDEO_CHUNK_FILES.chime].sort(),
    );
    expect(files.get(VIDEO_CHUNK_FILES.chime)?.toString('utf8')).toBe(await buildVideoChunk('chime'));
    const csp = JSON.stringify(
      Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).map(
        (headers) =>
          headers.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
      ),
    );
    expect(csp).toMatch(/connect-src 'self' [^;]*https:\/\/\*\.chime\.aws wss:\/\/\*\.chime\.aws/);
  });
});

describe('widget version', () => {
  it('names a new folder when only the call chunk changes, while the widget integrity stays', () => {
    const before = widgetVersion('widget();', ['chunk-1']);
    const after = widgetVersion('widget();', ['chunk-2']);
    expect(after.version).not.toBe(before.version);
    expect(after.integrity).toBe(before.integrity);
    expect(before.integrity).toBe(`sha384-${createHash('sha384').update('widget();').digest('base64')}`);
  });

  it('gives the same folder for the same bytes (deterministic builds keep old tags valid)', () => {
    expect(widgetVersion('a', ['b'])).toEqual(widgetVersion('a', ['b']));
    expect(widgetVersion('a', ['b']).version).not.toBe(widgetVersion('ab', []).version);
  });
});
