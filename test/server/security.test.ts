// Security of the API (app.request(), every store backend): cross-site requests are refused
// (Origin / Sec-Fetch-Site, and form-like bodies), the login throttle holds under concurrency,
// by account whatever name or e-mail is typed and by client address, without locking out the
// browsers the user logged in from; weak passwords are refused; names are at most 200
// characters wherever they enter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, createApp, passwordProblem } from '../../src/server/index.js';
import { LoginThrottle } from '../../src/server/login-throttle.js';
import type { KyselyStore } from '../../src/store/index.js';
import { at, Client } from '../helpers/api-client.js';
import { ROOT } from '../helpers/run-cli.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { LOG2N, NEW_PW, testServer, type TestServer } from '../helpers/test-server.js';

const STAGE1 = readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8');

describe('password policy (OWASP ASVS 2.1, NIST SP 800-63B 5.1.1.2)', () => {
  it('refuses the issue’s weak passwords and accepts a passphrase', () => {
    const context = { name: 'erlan', email: 'erlan.n@example.kz' };
    for (const weak of [
      'aaaaaaaaaaaa',
      'password1234',
      ' '.repeat(12),
      'erlanerlanerlan',
      'Erlan-Erlan-2024',
      'P4ssw0rd2024!',
      'qwertyuiop123',
      'abcabcabcabc',
      '123456789012',
      'short',
      'x'.repeat(129),
    ])
      expect(passwordProblem(weak, context), weak).toBeDefined();
    for (const good of [NEW_PW, 'steppe wind over the kiln', 'Ақтөбе ферросплав 2026'])
      expect(passwordProblem(good, context), good).toBeUndefined();
  });
});

describe('login throttle (unit)', () => {
  it('keeps locked accounts however many other names fail, within bounded memory', () => {
    const t = new LoginThrottle({ maxAccountFailures: 3, maxClientFailures: 1e9, maxEntries: 100 });
    for (let i = 0; i < 3; i++) t.begin({ account: 'user:a', client: 'c' }, 0);
    for (let i = 0; i < 10_001; i++) t.begin({ account: `name:x${i}`, client: `c${i}` }, 1);
    expect(t.begin({ account: 'user:a', client: 'fresh' }, 2).allowed).toBe(false);
    const tracked = t.tracked;
    expect(tracked.names).toBeLessThanOrEqual(100);
    expect(tracked.clients).toBeLessThanOrEqual(100);
    // After the window the account is free again.
    expect(t.begin({ account: 'user:a', client: 'fresh' }, 16 * 60 * 1000).allowed).toBe(true);
  });
});

describe.each(BACKENDS)('API security on $name', (backend) => {
  let store: KyselyStore;
  let server: TestServer;
  let editor: Client;

  beforeAll(async () => {
    store = await backend.open();
    server = await testServer(store);
    editor = await server.register('sec.editor', 'editor', 'sec.editor@example.kz');
  });
  afterAll(async () => {
    await closeApp(server.app);
    await backend.dispose(store);
  });

  describe('cross-site requests', () => {
    it('refuses a foreign Origin, a cross-site Sec-Fetch-Site and a request with neither (403)', async () => {
      const body = { text: STAGE1 };
      for (const headers of [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' },
        { 'sec-fetch-site': 'same-site' },
        { origin: '' },
      ]) {
        const r = await editor.post('/api/scenarios', body, headers);
        expect(r.status, JSON.stringify(headers)).toBe(403);
        expect(at(r.body, 'error')).toBe('cross_site');
      }
      expect((await editor.get('/api/scenarios')).status).toBe(200); // reads are not affected
      const sameOrigin = await editor.post('/api/appraise', STAGE1, {
        origin: '',
        'sec-fetch-site': 'same-origin',
      });
      expect(sameOrigin.status).toBe(200);
    });

    it('refuses form, multipart and text/plain bodies (415), takes JSON and YAML scenarios', async () => {
      const login = 'username=sec.editor&password=x';
      for (const [path, type] of [
        ['/api/auth/login', 'application/x-www-form-urlencoded'],
        ['/api/appraise', 'multipart/form-data; boundary=x'],
        ['/api/appraise', 'text/plain'],
        ['/api/scenarios/x/versions/1/appraisal', 'text/plain;charset=UTF-8'],
        ['/api/scenarios', 'application/xml'],
      ] as const) {
        const r = await editor.post(path, login, { 'content-type': type });
        expect(r.status, `${path} ${type}`).toBe(415);
        expect(at(r.body, 'error')).toBe('unsupported_media_type');
      }
      for (const type of ['application/yaml', 'text/yaml'])
        expect((await editor.post('/api/appraise', STAGE1, { 'content-type': type })).status).toBe(
          200,
        );
    });
  });

  describe('login throttle', () => {
    function throttledApp() {
      return createApp(store, {
        passwordLog2N: LOG2N,
        staticDir: '/nonexistent',
        trustProxy: true,
      });
    }
    const login = (
      app: ReturnType<typeof createApp>,
      ip: string,
      username: string,
      password: string,
      cookie?: string,
    ) =>
      new Client(app).post(
        '/api/auth/login',
        { username, password },
        { 'x-forwarded-for': ip, ...(cookie !== undefined ? { cookie } : {}) },
      );

    it('answers 429 to 40 concurrent wrong passwords for one account, then to its e-mail too', async () => {
      const app = throttledApp();
      await server.register('locked.one', 'viewer', 'locked.one@example.kz');
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(app, `10.0.0.${i}`, 'locked.one', 'wrong guess'),
        ),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      expect(
        Number(answers.find((r) => r.status === 429)?.headers.get('retry-after')),
      ).toBeGreaterThan(0);
      const alias = await login(app, '10.0.1.1', 'LOCKED.ONE@example.kz', NEW_PW);
      expect(alias.status).toBe(429);
      expect(at(alias.body, 'error')).toBe('too_many_attempts');
      await closeApp(app);
    });

    it('does not lock out a browser that logged in before (device cookie)', async () => {
      const app = throttledApp();
      await server.register('victim', 'viewer');
      const before = await login(app, '10.1.0.1', 'victim', NEW_PW);
      expect(before.status).toBe(200);
      const device = (before.headers.get('set-cookie') ?? '')
        .split(/,(?=\s*chromflow_)/)
        .map((c) => c.split(';')[0]?.trim() ?? '')
        .find((c) => c.startsWith('chromflow_device='));
      expect(device).toBeDefined();
      for (let i = 0; i < 12; i++) await login(app, '10.9.9.9', 'victim', 'attacker guess');
      expect((await login(app, '10.1.0.2', 'victim', NEW_PW)).status).toBe(429);
      expect((await login(app, '10.1.0.1', 'victim', NEW_PW, device)).status).toBe(200);
      await closeApp(app);
    });

    it('limits one client address across many names (30 failures)', async () => {
      const app = throttledApp();
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++)
        statuses.push((await login(app, '10.2.0.1', `nobody${i}`, 'x')).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      // Another client is not affected.
      expect((await login(app, '10.2.0.2', 'sec.editor', NEW_PW)).status).toBe(200);
      await closeApp(app);
    });
  });

  describe('passwords and names', () => {
    it('refuses weak new passwords naming the field', async () => {
      for (const weak of ['aaaaaaaaaaaa', 'password1234', ' '.repeat(12), 'sec.editorsec.editor']) {
        const r = await editor.post('/api/auth/password', {
          current_password: NEW_PW,
          new_password: weak,
        });
        expect(r.status, weak).toBe(400);
        expect(at(r.body, 'problems', 0, 'path')).toBe('new_password');
      }
      const r = await server.admin.post('/api/users', {
        name: 'weakling',
        role: 'viewer',
        password: 'password1234',
      });
      expect(r.status).toBe(400);
      expect(at(r.body, 'problems', 0, 'path')).toBe('password');
    });

    it('limits names to 200 characters wherever they enter', async () => {
      const long = 'N'.repeat(201);
      const created = await editor.post('/api/scenarios', { text: STAGE1, name: long });
      expect(created.status).toBe(400);
      expect(at(created.body, 'error')).toBe('invalid_request');
      expect(at(created.body, 'problems', 0, 'path')).toBe('name');
      const fromYaml = await editor.post('/api/scenarios', {
        text: STAGE1.replace(/^name: .*$/m, `name: ${long}`),
      });
      expect(fromYaml.status).toBe(400);
      expect((at(fromYaml.body, 'problems') as { path: string }[]).map((p) => p.path)).toContain(
        'name',
      );
      const run = await editor.post('/api/mc-runs', { text: STAGE1, name: long });
      expect(run.status).toBe(400);
      expect(at(run.body, 'problems', 0, 'path')).toBe('name');
      const user = await server.admin.post('/api/users', { name: long, role: 'viewer' });
      expect(user.status).toBe(400);
      expect(at(user.body, 'problems', 0, 'path')).toBe('name');
    });
  });
});
