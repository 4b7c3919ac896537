import { createHash } from 'node:crypto';
import { CfnOutput, Duration, Fn } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildVideoChunkSync, VIDEO_CHUNK_FILES } from '../web/video/build';
import { buildWidgetSync } from '../web/widget/build';
import { type AgentConsole, SITE_WIDGET_PREFIX } from './console';

export const WIDGET_FILE = 'afterdesk-widget.js';

/**
 * The widget bytes' identity: the versioned path segment and the Subresource Integrity value. The version
 * hashes every file of the version's folder (the widget and the call chunk it fetches from beside itself),
 * so a changed chunk is a new folder too, never new bytes under a URL browsers cache as immutable.
 */
export function widgetVersion(
  code: string,
  companions: readonly string[] = [],
): { version: string; integrity: string } {
  const bytes = Buffer.from(code, 'utf8');
  const folder = createHash('sha256').update(bytes);
  for (const companion of companions) folder.update('\0').update(companion, 'utf8');
  return {
    // Content-addressed: a new build is a new path, so an old tag keeps loading the bytes its hash names.
    version: folder.digest('hex').slice(0, 16),
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
}

export interface WidgetHostingProps {
  /** The console's site (bucket, distribution, deploy role): the widget is served beside it. */
  readonly site: AgentConsole;
  /** The shoppers' WebSocket URL the tag points the widget at. */
  readonly websocketUrl: string;
  /** Built at synth; tests may pass fixed bytes. */
  readonly code?: string;
  /** The Chime call chunk the widget fetches beside itself when a call starts; built at synth by default. */
  readonly callChunk?: string;
}

/**
 * The storefront widget, hosted by the stack: one immutable file per build at
 * `/widget/<sha256 prefix>/afterdesk-widget.js` on the console's CloudFront distribution (its own behaviour:
 * CORS for `crossorigin` SRI checks, a year of caching, nosniff), never pruned so old tags keep working,
 * and the exact `<script>` tag with its `integrity` as a stack output.
 */
export class WidgetHosting extends Construct {
  readonly version: string;
  readonly integrity: string;
  readonly path: string;
  readonly url: string;
  readonly scriptTag: string;

  constructor(scope: Construct, id: string, props: WidgetHostingProps) {
    super(scope, id);
    const code = props.code ?? buildWidgetSync();
    const callChunk = props.callChunk ?? buildVideoChunkSync('chime');
    ({ version: this.version, integrity: this.integrity } = widgetVersion(code, [callChunk]));
    this.path = `${SITE_WIDGET_PREFIX}${this.version}/${WIDGET_FILE}`;

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Afterdesk widget: cross-origin script with SRI',
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.days(1),
        originOverride: true,
      },
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    props.site.distribution.addBehavior(`/${SITE_WIDGET_PREFIX}*`, props.site.siteOrigin, {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      // The Origin header must reach the response headers policy's CORS logic, not the cache key.
      originRequestPolicy: cloudfront.OriginRequestPolicy.CORS_S3_ORIGIN,
      responseHeadersPolicy: headers,
      compress: true,
    });
    props.site.deploySiteFiles('WidgetFiles', {
      sources: [
        s3deploy.Source.data(this.path, code),
        // web/widget/src/video-call.ts resolves the chunk against the widget's own URL.
        s3deploy.Source.data(`${SITE_WIDGET_PREFIX}${this.version}/${VIDEO_CHUNK_FILES.chime}`, callChunk),
      ],
      // Old versions stay: storefronts pinned to an older tag must keep loading what their hash names.
      prune: false,
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });

    this.url = `https://${props.site.distribution.distributionDomainName}/${this.path}`;
    this.scriptTag = Fn.join('', [
      `<script src="https://`,
      props.site.distribution.distributionDomainName,
      `/${this.path}" integrity="${this.integrity}" crossorigin="anonymous" async data-websocket-url="`,
      props.websocketUrl,
      '" data-token-url="/afterdesk/token"></script>',
    ]);
    new CfnOutput(this, 'WidgetScriptTag', {
      key: 'WidgetScriptTag',
      description:
        'Paste into the storefront: the widget with its SRI hash (data-token-url: your token endpoint, docs/widget.md)',
      value: this.scriptTag,
    });
    new CfnOutput(this, 'WidgetUrl', { key: 'WidgetUrl', value: this.url });
    new CfnOutput(this, 'WidgetIntegrity', { key: 'WidgetIntegrity', value: this.integrity });
  }
}
