/**
 * Request digests (X-RequestDigest), as `_api/contextinfo` issues them: valid for one user for
 * FormDigestTimeoutSeconds (1800 s on SharePoint Online; PnPjs renews a digest before then), then
 * refused with 403 (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints#writing-data-by-using-the-rest-interface).
 *
 * A digest carries its own proof: `0x<HMAC of user and issue time>,<issue time>`, the shape of
 * SharePoint's (`0x…,30 Nov 2026 20:30:00 -0000`). Nothing is remembered per digest, so however
 * many are issued, none is kept in memory, and an expired one is refused by its time alone.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

export const DIGEST_SECONDS = 1800;

export type DigestCheck = 'valid' | 'invalid' | 'expired';

export class Digests {
  private readonly secret = randomBytes(32);
  /** The clock (ms since the epoch); tests set their own. */
  public now: () => number = () => Date.now();

  private mac(userId: number, issuedMs: number): string {
    return createHmac('sha256', this.secret).update(`${userId}|${issuedMs}`).digest('hex').toUpperCase();
  }

  /** A digest for the user, and when it expires (ms since the epoch). */
  public issue(userId: number): { value: string; expires: number } {
    // Whole seconds, as the issue time is read back from the digest's text; rounded up, so that the
    // digest never expires before the 1800 s that PnPjs counts from when it received it.
    const issued = Math.ceil(this.now() / 1000) * 1000;
    const stamp = new Date(issued).toUTCString().replace(/^\w+, /, '').replace('GMT', '-0000');
    return { value: `0x${this.mac(userId, issued)},${stamp}`, expires: issued + DIGEST_SECONDS * 1000 };
  }

  public check(value: string | undefined, userId: number): DigestCheck {
    const m = value ? /^0x([0-9A-F]{64}),(.{1,40})$/.exec(value) : null;
    if (!m) {
      return 'invalid';
    }
    const issued = Date.parse(m[2].replace('-0000', 'GMT'));
    if (!Number.isFinite(issued)) {
      return 'invalid';
    }
    const expected = Buffer.from(this.mac(userId, issued));
    if (!timingSafeEqual(Buffer.from(m[1]), expected)) {
      return 'invalid';
    }
    const now = this.now();
    return now >= issued + DIGEST_SECONDS * 1000 || now < issued - 60_000 ? 'expired' : 'valid';
  }
}
