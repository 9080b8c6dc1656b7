/** `/api/auth`: login, logout, me, password change. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from './context.js';
import { apiError } from './http-error.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { endSession, startSession } from './session.js';
import { validate } from './validate.js';

export const MIN_PASSWORD_LENGTH = 12;

export const loginBody = z.strictObject({
  username: z.string().min(1).max(200).describe('login name or e-mail'),
  password: z.string().min(1).max(1000),
});

export const passwordBody = z.strictObject({
  current_password: z.string().min(1).max(1000),
  new_password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `expected at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1000),
});

export function authRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Hash of a random password, verified against when the user does not exist, so that the
  // answer time does not tell whether a name is registered.
  let dummyHash: Promise<string> | undefined;
  const throttle = new LoginThrottle(deps.options.maxLoginFailures);

  app.post('/login', validate('json', loginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const nowMs = deps.options.now().getTime();
    const wait = throttle.retryAfterSeconds(username, nowMs);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return apiError(c, 429, 'too_many_attempts', `too many failed logins; retry in ${wait} s`);
    }
    const user = await deps.store.findUserForLogin(username);
    dummyHash ??= hashPassword('not a password', deps.options.passwordLog2N);
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
    if (!user || !ok) {
      throttle.fail(username, nowMs);
      return apiError(c, 401, 'invalid_credentials', 'wrong user name or password');
    }
    throttle.succeed(username);
    await deps.store.deleteExpiredSessions(deps.options.now().toISOString());
    const { password_hash: _hash, ...publicUser } = user;
    await startSession(c, deps, publicUser);
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
