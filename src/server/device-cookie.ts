/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful login the browser gets `chromflow_device` = `<user id>.<nonce>.<HMAC-SHA256>`,
 * signed with a key of this process. A later login attempt for the same account that presents
 * it is counted per device instead of per account, so an attacker who exhausts the account's
 * attempts does not lock out the browsers the user has logged in from before.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const DEVICE_COOKIE = 'chromflow_device';
/** Lifetime of a device cookie [s] (one year). */
const MAX_AGE_S = 365 * 24 * 3600;

export class DeviceCookies {
  private readonly key = randomBytes(32);

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  /** Sets a fresh device cookie for `userId` (on a successful login). */
  issue(c: Context, userId: string, secure: boolean): void {
    const payload = `${userId}.${randomBytes(12).toString('base64url')}`;
    setCookie(c, DEVICE_COOKIE, `${payload}.${this.sign(payload)}`, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/api/auth',
      maxAge: MAX_AGE_S,
    });
  }

  /** The device's key when the request carries a valid device cookie of `userId`. */
  deviceOf(c: Context, userId: string): string | undefined {
    const value = getCookie(c, DEVICE_COOKIE);
    if (value === undefined || value.length > 200) return undefined;
    const cut = value.lastIndexOf('.');
    const payload = value.slice(0, cut);
    const mac = Buffer.from(value.slice(cut + 1), 'base64url');
    const expected = Buffer.from(this.sign(payload), 'base64url');
    if (cut < 0 || mac.length !== expected.length || !timingSafeEqual(mac, expected))
      return undefined;
    return payload.startsWith(`${userId}.`) ? `device:${payload}` : undefined;
  }
}
