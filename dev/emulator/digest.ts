/**
 * Request digests: SharePoint refuses a write without a valid X-RequestDigest of the same user
 * (403, -2130575252), which `_api/contextinfo` hands out with its lifetime in seconds.
 */
import { createHmac, randomBytes, randomUUID } from 'crypto';
import { Errors } from './errors';
import type { EmulatorRequest } from './http';
import type { SiteUser } from './store';

export const DIGEST_SECONDS = 1800;

export class Digests {
  private readonly secret = randomBytes(32);
  private readonly issued = new Map<string, { userId: number; expires: number }>();

  public issue(user: SiteUser): { value: string; expires: number } {
    const expires = Date.now() + DIGEST_SECONDS * 1000;
    const when = new Date().toUTCString().replace(/^\w+, /, '').replace('GMT', '-0000');
    const mac = createHmac('sha256', this.secret).update(`${user.id}:${expires}:${randomUUID()}`).digest('hex').toUpperCase();
    const value = `0x${mac},${when}`;
    this.issued.set(value, { userId: user.id, expires });
    return { value, expires };
  }

  public check(req: EmulatorRequest, user: SiteUser): void {
    const value = req.headers['x-requestdigest'];
    const digest = value ? this.issued.get(value) : undefined;
    if (!digest || digest.userId !== user.id || digest.expires < Date.now()) {
      throw Errors.invalidDigest();
    }
  }
}
