import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WebhookSecretsSchema, type WebhookSecretValues } from '../../core/webhooks/secrets';
import type { WebhookSecrets } from '../../ports/webhooks';

/**
 * The local webhook secrets: `webhook-secrets.json` in the data folder, created on first use with random
 * values (owner-readable only). A seller testing against a real Shopify store puts the app's secret in
 * `shopify`; the file is re-read when it changes, so no restart is needed.
 */
export class FileWebhookSecrets implements WebhookSecrets {
  constructor(private readonly path: string) {}

  private async values(): Promise<WebhookSecretValues> {
    return WebhookSecretsSchema.parse(JSON.parse(await readOrCreateWebhookSecrets(this.path)));
  }

  async shopify(): Promise<string> {
    return (await this.values()).shopify;
  }

  async carrier(): Promise<string> {
    return (await this.values()).carrier;
  }
}

export async function readOrCreateWebhookSecrets(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    const text = `${JSON.stringify(
      { shopify: randomBytes(32).toString('hex'), carrier: randomBytes(32).toString('hex') },
      null,
      2,
    )}\n`;
    try {
      await writeFile(path, text, { mode: 0o600, flag: 'wx' });
      return text;
    } catch (writeError) {
      // Another process created it first: theirs wins so both verify with the same secrets.
      if ((writeError as NodeJS.ErrnoException).code === 'EEXIST') return readFile(path, 'utf8');
      throw writeError;
    }
  }
}
