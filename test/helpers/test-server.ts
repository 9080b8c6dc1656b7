// A seeded API (app.request(), no port) with logged-in users, for the server tests.
import { createApp, seedIfEmpty, type AppOptions } from '../../src/server/index.js';
import type { KyselyStore } from '../../src/store/index.js';
import { at, Client } from './api-client.js';

export const LOG2N = 10; // cheap hashes in tests; the format records N, so verification is the same.
export const NEW_PW = 'a long enough password';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  admin: Client;
  /** Registers a user with `role`, logged in with {@link NEW_PW}. */
  register(name: string, role: string, email?: string): Promise<Client>;
}

export async function testServer(
  store: KyselyStore,
  options: AppOptions = {},
): Promise<TestServer> {
  const seeded = await seedIfEmpty(store, undefined, LOG2N);
  const app = createApp(store, { passwordLog2N: LOG2N, staticDir: '/nonexistent', ...options });
  const admin = new Client(app);
  await admin.post('/api/auth/login', { username: 'admin', password: seeded?.adminPassword });
  await admin.post('/api/auth/password', {
    current_password: seeded?.adminPassword,
    new_password: NEW_PW,
  });
  return {
    app,
    admin,
    async register(name, role, email) {
      const r = await admin.post('/api/users', { name, role, ...(email ? { email } : {}) });
      const otp = at(r.body, 'one_time_password') as string;
      const c = new Client(app);
      await c.post('/api/auth/login', { username: name, password: otp });
      await c.post('/api/auth/password', { current_password: otp, new_password: NEW_PW });
      return c;
    },
  };
}
