import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { photoOwnerPrefix } from '../../core/photos/photo-keys';
import type { CustomerMediaStore } from '../../ports/privacy';

/** Photos in the local upload folder, one folder per owner hash (no versions locally). */
export class LocalCustomerMedia implements CustomerMediaStore {
  constructor(private readonly photoDir: string) {}

  async list(customerId: string): Promise<string[]> {
    const prefix = photoOwnerPrefix(customerId);
    try {
      return (await readdir(join(this.photoDir, prefix))).map((name) => `${prefix}${name}`);
    } catch {
      return [];
    }
  }

  async erase(customerId: string): Promise<number> {
    const photos = await this.list(customerId);
    await rm(join(this.photoDir, photoOwnerPrefix(customerId)), { recursive: true, force: true });
    return photos.length;
  }
}
