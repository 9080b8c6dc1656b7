/**
 * Sessions: a random 32-byte token in an HttpOnly, SameSite=Strict cookie (Secure over https);
 * the store keeps only its SHA-256, so a leaked database does not leak live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role, User } from '../store/index.js';
import type { AppEnv, Deps } from './context.js';
import { apiError } from './http-error.js';

export const SESSION_COOKIE = 'chromflow_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isHttps(c: Context, deps: Deps): boolean {
  const { secureCookies, trustProxy } = deps.options;
  if (secureCookies !== 'auto') return secureCookies;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Creates a session for `user` and sets its cookie. */
export async function startSession(c: Context<AppEnv>, deps: Deps, user: User): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.options.now();
  const expires = new Date(now.getTime() + deps.options.sessionTtlMs);
  await deps.store.createSession(hashToken(token), user.id, expires.toISOString());
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps),
    path: '/',
    maxAge: Math.floor(deps.options.sessionTtlMs / 1000),
  });
}

/** Ends the current session (if any) and clears the cookie. */
export async function endSession(c: Context<AppEnv>, deps: Deps): Promise<void> {
  const hash = c.get('sessionHash');
  if (hash !== undefined) await deps.store.deleteSession(hash);
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps),
  });
}

/** Reads the session cookie and sets `user` (or leaves it undefined). Never rejects. */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('user', undefined);
    c.set('sessionHash', undefined);
    if (token !== undefined && token.length > 0 && token.length < 200) {
      const hash = hashToken(token);
      const session = await deps.store.getSession(hash, deps.options.now().toISOString());
      if (session) {
        c.set('user', session.user);
        c.set('sessionHash', hash);
      }
    }
    await next();
  };
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** True when `user` has at least `role` (viewer < editor < admin). */
export function hasRole(user: User, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}

/**
 * Requires a logged-in user with at least `role`: 401 without a session, 403 with too low a
 * role, and 403 `password_change_required` while the user must change a one-time password.
 */
export function requireUser(role: Role = 'viewer'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return apiError(c, 401, 'unauthenticated', 'log in first (POST /api/auth/login)');
    if (user.must_change_password)
      return apiError(
        c,
        403,
        'password_change_required',
        'change the one-time password first (POST /api/auth/password)',
      );
    if (!hasRole(user, role))
      return apiError(c, 403, 'forbidden', `this needs the role ${role} or higher`);
    await next();
    return undefined;
  };
}

/** The user set by {@link requireUser}; throws when used on a route without it (a bug). */
export function currentUser(c: Context<AppEnv>): User {
  const user = c.get('user');
  if (!user) throw new Error('currentUser() on a route without requireUser()');
  return user;
}
