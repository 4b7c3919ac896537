import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The shopper-token signing secret. The storefront backend signs shopper tokens (HS256 JWT) with it and the
 * $connect authorizer verifies them. The value is generated at deploy time and never appears in the template.
 */
export class ShopperTokenSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description:
        'Afterdesk: HS256 key that signs shopper tokens (storefront backend signs, authorizer verifies)',
      generateSecretString: {
        // 64 alphanumerics: about 380 bits, above the 256 bits HS256 wants, and safe in any config file.
        passwordLength: 64,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The signing key is shared with the storefront backend, which signs shopper tokens with it; an automatic ' +
        'rotation would invalidate tokens the backend issues until it reloads the key. Rotation is a manual, ' +
        'coordinated runbook step (put a new version, let both sides pick it up), not a rotation Lambda.',
    });
  }
}
