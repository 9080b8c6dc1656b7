/** `/api/auth`: login, logout, me, password change. */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from './context.js';
import { DeviceCookies } from './device-cookie.js';
import { apiError } from './http-error.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.js';
import { hashPassword, verifyPassword } from './password.js';
import { endSession, isHttps, startSession } from './session.js';
import { validate } from './validate.js';

export { MIN_PASSWORD_LENGTH } from './password-policy.js';

export const loginBody = z.strictObject({
  username: z.string().min(1).max(254).describe('login name or e-mail'),
  password: z.string().min(1).max(1000),
});

export const passwordBody = z.strictObject({
  current_password: z.string().min(1).max(1000),
  new_password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `expected at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `expected at most ${MAX_PASSWORD_LENGTH} characters`)
    .describe(
      'at least 12 characters; not a common or leaked password, a repeated pattern or sequence, or made of the user name or e-mail (docs/server.md)',
    ),
});

/**
 * The client's address: the socket's peer, or with `trustProxy` the address the proxy appended
 * last to `X-Forwarded-For`; `unknown` without a socket (requests made in process, tests).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded !== undefined && forwarded !== '') return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** 400 naming `new_password` when the policy refuses it. */
export function weakPassword(c: Context, problem: string): Response {
  return apiError(c, 400, 'invalid_request', `new_password: ${problem}`, [
    { path: 'new_password', message: problem },
  ]);
}

export function authRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Hash of a random password, verified against when the user does not exist, so that the
  // answer time does not tell whether a name is registered.
  let dummyHash: Promise<string> | undefined;
  const { throttle } = deps;
  const devices = new DeviceCookies();

  app.post('/login', validate('json', loginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const user = await deps.store.findUserForLogin(username);
    const device = user ? devices.deviceOf(c, user.id) : undefined;
    // Synchronous from here to the decision: concurrent attempts are counted one by one.
    const admission = throttle.begin(
      {
        account: user ? `user:${user.id}` : `name:${username.toLowerCase()}`,
        client: clientAddress(c, deps.options.trustProxy),
        ...(device !== undefined ? { device } : {}),
      },
      deps.options.now().getTime(),
    );
    if (!admission.allowed) {
      c.header('Retry-After', String(admission.retryAfterSeconds));
      return apiError(
        c,
        429,
        'too_many_attempts',
        `too many failed logins; retry in ${admission.retryAfterSeconds} s`,
      );
    }
    dummyHash ??= hashPassword('not a password', deps.options.passwordLog2N);
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
    if (!user || !ok) return apiError(c, 401, 'invalid_credentials', 'wrong user name or password');
    admission.attempt.succeeded();
    await deps.store.deleteExpiredSessions(deps.options.now().toISOString());
    const { password_hash: _hash, ...publicUser } = user;
    await startSession(c, deps, publicUser);
    devices.issue(c, user.id, isHttps(c, deps));
    return c.json({ user: publicUser });
  });

  app.post('/logout', async (c) => {
    await endSession(c, deps);
    return c.body(null, 204);
  });

  app.get('/me', (c) => {
    const user = c.get('user');
    if (!user) return apiError(c, 401, 'unauthenticated', 'not logged in');
    return c.json({ user });
  });

  app.post('/password', validate('json', passwordBody), async (c) => {
    const user = c.get('user');
    if (!user) return apiError(c, 401, 'unauthenticated', 'not logged in');
    const { current_password, new_password } = c.req.valid('json');
    const stored = await deps.store.getUserWithHash(user.id);
    if (!stored || !(await verifyPassword(current_password, stored.password_hash)))
      return apiError(c, 403, 'invalid_credentials', 'the current password is wrong', [
        { path: 'current_password', message: 'does not match' },
      ]);
    if (new_password === current_password)
      return apiError(c, 400, 'invalid_request', 'the new password must differ from the old', [
        { path: 'new_password', message: 'must differ from current_password' },
      ]);
    const problem = passwordProblem(new_password, { name: user.name, email: user.email });
    if (problem !== undefined) return weakPassword(c, problem);
    const hash = await hashPassword(new_password, deps.options.passwordLog2N);
    await deps.store.updateUser(user.id, { password_hash: hash, must_change_password: false });
    // Other sessions of this user end; this one continues under a fresh token.
    await deps.store.deleteUserSessions(user.id);
    const updated = await deps.store.getUser(user.id);
    if (!updated) return apiError(c, 401, 'unauthenticated', 'the user no longer exists');
    await startSession(c, deps, updated);
    return c.json({ user: updated });
  });

  return app;
}
