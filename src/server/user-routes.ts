/** `/api/users` (admin only): register accounts, list them, change roles, reset passwords. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ConflictError, ROLES } from '../store/index.js';
import type { AppEnv, Deps } from './context.js';
import { apiError, notFound } from './http-error.js';
import { hashPassword, randomPassword } from './password.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.js';
import { currentUser, requireUser } from './session.js';
import { validate } from './validate.js';

const role = z.enum(ROLES as ['viewer', 'editor', 'admin']);

export const createUserBody = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._-]{2,64}$/, 'expected 2–64 letters, digits, ".", "_" or "-"'),
  email: z.email().max(254).optional(),
  role,
  /** Initial password; omitted → a random one is generated and returned once. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).optional(),
});

export const patchUserBody = z.strictObject({
  role: role.optional(),
  /** true → a new random one-time password is set, returned once, and must be changed. */
  reset_password: z.boolean().optional(),
});

export function userRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser('admin'));

  app.get('/', async (c) => c.json({ users: await deps.store.listUsers() }));

  app.post('/', validate('json', createUserBody), async (c) => {
    const body = c.req.valid('json');
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password, {
        name: body.name,
        email: body.email ?? null,
      });
      if (problem !== undefined)
        return apiError(c, 400, 'invalid_request', `password: ${problem}`, [
          { path: 'password', message: problem },
        ]);
    }
    const password = body.password ?? randomPassword();
    try {
      const user = await deps.store.createUser({
        name: body.name,
        email: body.email ?? null,
        role: body.role,
        password_hash: await hashPassword(password, deps.options.passwordLog2N),
        must_change_password: true,
      });
      return c.json(
        { user, ...(body.password === undefined ? { one_time_password: password } : {}) },
        201,
      );
    } catch (error) {
      if (error instanceof ConflictError)
        return apiError(c, 409, 'conflict', error.message, [
          { path: error.field, message: 'already taken' },
        ]);
      throw error;
    }
  });

  app.patch('/:id', validate('json', patchUserBody), async (c) => {
    const id = c.req.param('id');
    const body = c.req.valid('json');
    const target = await deps.store.getUser(id);
    if (!target) return notFound(c, 'user');
    if (id === currentUser(c).id && body.role !== undefined && body.role !== 'admin')
      return apiError(c, 400, 'invalid_request', 'an admin cannot demote themself', [
        { path: 'role', message: 'an admin cannot demote themself' },
      ]);
    let password: string | undefined;
    if (body.reset_password === true) password = randomPassword();
    const user = await deps.store.updateUser(id, {
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(password !== undefined
        ? {
            password_hash: await hashPassword(password, deps.options.passwordLog2N),
            must_change_password: true,
          }
        : {}),
    });
    if (password !== undefined || body.role !== undefined) await deps.store.deleteUserSessions(id);
    return c.json({ user, ...(password !== undefined ? { one_time_password: password } : {}) });
  });

  return app;
}
