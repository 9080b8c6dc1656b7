// The REST API through app.request() (no port), on every store backend: authentication and
// sessions, roles, privacy of private scenarios (404, not 403), validation answers that name
// the field with line and column, the body limit, security headers, versions and diffs,
// appraise end to end, and that the OpenAPI document lists every route.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraise, loadScenario } from '../../src/index.js';
import { closeApp, createApp, seedIfEmpty } from '../../src/server/index.js';
import type { KyselyStore } from '../../src/store/index.js';
import { at, Client } from '../helpers/api-client.js';
import { ROOT } from '../helpers/run-cli.js';
import { BACKENDS } from '../helpers/store-backends.js';

const LOG2N = 10; // cheap hashes in tests; the format records N, so verification is the same.
const STAGE1 = readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8');
const STAGE12 = readFileSync(join(ROOT, 'scenarios/aktobe-stage1-2.yaml'), 'utf8');
const NEW_PW = 'a long enough password';

describe.each(BACKENDS)('API on $name', (backend) => {
  let store: KyselyStore;
  let app: ReturnType<typeof createApp>;
  let admin: Client;
  let editor: Client;
  let editor2: Client;
  let viewer: Client;
  let anon: Client;
  let seededIds: string[];

  async function register(name: string, role: string): Promise<Client> {
    const r = await admin.post('/api/users', { name, role });
    expect(r.status).toBe(201);
    const otp = at(r.body, 'one_time_password') as string;
    const c = new Client(app);
    expect((await c.post('/api/auth/login', { username: name, password: otp })).status).toBe(200);
    const changed = await c.post('/api/auth/password', {
      current_password: otp,
      new_password: NEW_PW,
    });
    expect(changed.status).toBe(200);
    return c;
  }

  beforeAll(async () => {
    store = await backend.open();
    const seeded = await seedIfEmpty(store, undefined, LOG2N);
    expect(seeded?.scenarios).toHaveLength(3);
    expect(await seedIfEmpty(store, undefined, LOG2N)).toBeUndefined();
    app = createApp(store, { passwordLog2N: LOG2N, staticDir: '/nonexistent' });
    admin = new Client(app);
    anon = new Client(app);
    const login = await admin.post('/api/auth/login', {
      username: 'admin',
      password: seeded?.adminPassword,
    });
    expect(login.status).toBe(200);
    expect(at(login.body, 'user', 'must_change_password')).toBe(true);
    // One-time password: everything but the auth routes is refused until it is changed.
    const blocked = await admin.get('/api/scenarios');
    expect(blocked.status).toBe(403);
    expect(at(blocked.body, 'error')).toBe('password_change_required');
    const changed = await admin.post('/api/auth/password', {
      current_password: seeded?.adminPassword,
      new_password: NEW_PW,
    });
    expect(changed.status).toBe(200);
    seededIds = (at((await admin.get('/api/scenarios')).body, 'scenarios') as { id: string }[]).map(
      (s) => s.id,
    );
    editor = await register('erlan', 'editor');
    editor2 = await register('aigul', 'editor');
    viewer = await register('viewer.one', 'viewer');
  });
  afterAll(async () => {
    await closeApp(app);
    await backend.dispose(store);
  });

  describe('health, headers, OpenAPI', () => {
    it('answers /api/health with the database kind', async () => {
      const r = await anon.get('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok', database: backend.name });
    });

    it('sends security headers: CSP without inline scripts, nosniff, no framing, referrer policy', async () => {
      for (const path of ['/api/health', '/api/nope', '/']) {
        const r = await anon.get(path);
        const csp = r.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('x-frame-options')).toBe('DENY');
        expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      }
    });

    it('lists every registered /api route in /api/openapi.json', async () => {
      const r = await anon.get('/api/openapi.json');
      expect(r.status).toBe(200);
      expect(at(r.body, 'openapi')).toBe('3.1.0');
      const paths = at(r.body, 'paths') as Record<string, Record<string, unknown>>;
      const routes = app.routes.filter(
        (rt) => rt.method !== 'ALL' && rt.path.startsWith('/api/') && !rt.path.includes('*'),
      );
      expect(routes.length).toBeGreaterThan(15);
      for (const rt of routes) {
        const path = rt.path.replace(/:([a-z_]+)/g, '{$1}').replace(/\/$/, '');
        expect(paths[path], `${rt.method} ${path}`).toBeDefined();
        expect(paths[path]?.[rt.method.toLowerCase()], `${rt.method} ${path}`).toBeDefined();
      }
    });

    it('answers unknown API routes with a JSON 404', async () => {
      const r = await anon.get('/api/nope');
      expect(r.status).toBe(404);
      expect(at(r.body, 'error')).toBe('not_found');
    });
  });

  describe('authentication', () => {
    it('rejects a wrong password and an unknown user alike', async () => {
      const a = await anon.post('/api/auth/login', { username: 'erlan', password: 'wrong' });
      const b = await anon.post('/api/auth/login', { username: 'ghost', password: 'wrong' });
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(a.body).toEqual(b.body);
      expect(a.headers.get('set-cookie')).toBeNull();
    });

    it('sets an HttpOnly SameSite=Strict cookie, Secure only over https', async () => {
      const http = await new Client(app).post('/api/auth/login', {
        username: 'erlan',
        password: NEW_PW,
      });
      const cookie = http.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^chromflow_session=[\w-]{40,};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).not.toContain('Secure');
      const https = await new Client(app, 'https://chromflow.example').post('/api/auth/login', {
        username: 'erlan',
        password: NEW_PW,
      });
      expect(https.headers.get('set-cookie')).toContain('Secure');
    });

    it('trusts X-Forwarded-Proto for Secure cookies only when told to', async () => {
      const body = { username: 'erlan', password: NEW_PW };
      const proto = { 'x-forwarded-proto': 'https' };
      const plain = await new Client(app).post('/api/auth/login', body, proto);
      expect(plain.headers.get('set-cookie')).not.toContain('Secure');
      const proxied = createApp(store, { passwordLog2N: LOG2N, trustProxy: true });
      // Behind the proxy the browser's page (and so its Origin) is https.
      const behind = await new Client(proxied).post('/api/auth/login', body, {
        ...proto,
        origin: 'https://localhost',
      });
      expect(behind.headers.get('set-cookie')).toContain('Secure');
    });

    it('knows the user from the cookie, and forgets it after logout', async () => {
      expect((await anon.get('/api/auth/me')).status).toBe(401);
      const c = new Client(app);
      await c.post('/api/auth/login', { username: 'ERLAN', password: NEW_PW });
      expect(at((await c.get('/api/auth/me')).body, 'user', 'name')).toBe('erlan');
      const old = c.cookie;
      expect((await c.post('/api/auth/logout')).status).toBe(204);
      const replay = new Client(app);
      replay.cookie = old;
      expect((await replay.get('/api/auth/me')).status).toBe(401);
    });

    it('answers 429 after repeated failed logins for a name, until the window passes', async () => {
      let clock = new Date();
      const limited = new Client(
        createApp(store, { passwordLog2N: LOG2N, maxLoginFailures: 3, now: () => clock }),
      );
      for (let i = 0; i < 3; i++)
        expect(
          (await limited.post('/api/auth/login', { username: 'aigul', password: 'x' })).status,
        ).toBe(401);
      const blocked = await limited.post('/api/auth/login', {
        username: 'AIGUL',
        password: NEW_PW,
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(
        (await limited.post('/api/auth/login', { username: 'erlan', password: NEW_PW })).status,
      ).toBe(200);
      clock = new Date(clock.getTime() + 16 * 60 * 1000);
      expect(
        (await limited.post('/api/auth/login', { username: 'aigul', password: NEW_PW })).status,
      ).toBe(200);
    });

    it('refuses a weak new password, naming the field', async () => {
      const r = await editor.post('/api/auth/password', {
        current_password: NEW_PW,
        new_password: 'short',
      });
      expect(r.status).toBe(400);
      expect(at(r.body, 'problems', 0, 'path')).toBe('new_password');
    });
  });

  describe('roles', () => {
    it('lets only admins manage users', async () => {
      expect((await anon.get('/api/users')).status).toBe(401);
      expect((await viewer.get('/api/users')).status).toBe(403);
      expect((await editor.get('/api/users')).status).toBe(403);
      const list = await admin.get('/api/users');
      expect(list.status).toBe(200);
      expect((at(list.body, 'users') as unknown[]).length).toBe(4);
      expect(list.text).not.toContain('scrypt$');
      const dup = await admin.post('/api/users', { name: 'Erlan', role: 'viewer' });
      expect(dup.status).toBe(409);
      const bad = await admin.post('/api/users', { name: 'x y', role: 'boss' });
      expect(bad.status).toBe(400);
      const paths = (at(bad.body, 'problems') as { path: string }[]).map((p) => p.path).sort();
      expect(paths).toEqual(['name', 'role']);
    });

    it('lets viewers read shared scenarios but not create or save', async () => {
      const list = await viewer.get('/api/scenarios');
      expect(list.status).toBe(200);
      expect((at(list.body, 'scenarios') as unknown[]).length).toBeGreaterThanOrEqual(3);
      const read = await viewer.get(`/api/scenarios/${seededIds[0]}`);
      expect(read.status).toBe(200);
      expect(at(read.body, 'version', 'text')).toContain('chromflow: 1');
      expect((await viewer.post('/api/scenarios', { text: STAGE1 })).status).toBe(403);
      expect((await viewer.post(`/api/scenarios/${seededIds[0]}/duplicate`, {})).status).toBe(403);
      expect(
        (await viewer.post(`/api/scenarios/${seededIds[0]}/versions`, { text: STAGE1 })).status,
      ).toBe(403);
    });

    it('lets an editor save only their own scenarios, and duplicate shared ones', async () => {
      const r = await editor.post(`/api/scenarios/${seededIds[0]}/versions`, { text: STAGE1 });
      expect(r.status).toBe(403);
      const dup = await editor.post(`/api/scenarios/${seededIds[0]}/duplicate`, {});
      expect(dup.status).toBe(201);
      expect(dup.body).toMatchObject({
        scenario: { owner_name: 'erlan', visibility: 'private', latest_version: 1 },
        version: { version: 1 },
      });
      const original = await editor.get(`/api/scenarios/${seededIds[0]}`);
      expect(at(dup.body, 'version', 'text')).toBe(at(original.body, 'version', 'text'));
      const id = at(dup.body, 'scenario', 'id') as string;
      const saved = await editor.post(`/api/scenarios/${id}/versions`, {
        text: STAGE1,
        message: 'switch to stage 1',
      });
      expect(saved.status).toBe(201);
      expect(at(saved.body, 'version', 'version')).toBe(2);
    });
  });

  describe('privacy', () => {
    it('never shows another user’s private scenario: 404 like a missing one, everywhere', async () => {
      const created = await editor.post('/api/scenarios', {
        text: STAGE1,
        name: 'secret plan',
        message: 'v1',
      });
      expect(created.status).toBe(201);
      expect(at(created.body, 'scenario', 'visibility')).toBe('private');
      const id = at(created.body, 'scenario', 'id') as string;
      const ghost = '00000000-0000-4000-8000-000000000000';
      for (const other of [editor2, viewer, admin]) {
        const list = await other.get('/api/scenarios');
        expect(list.text).not.toContain(id);
        expect(list.text).not.toContain('secret plan');
        for (const [method, suffix, body] of [
          ['GET', '', undefined],
          ['PATCH', '', { visibility: 'shared' }],
          ['GET', '/versions', undefined],
          ['GET', '/versions/1', undefined],
          ['POST', '/versions', { text: STAGE1 }],
          ['GET', '/diff?from=1&to=1', undefined],
          ['POST', '/duplicate', {}],
          ['GET', '/versions/1/appraisal', undefined],
          ['POST', '/versions/1/appraisal', undefined],
        ] as const) {
          const hidden = await other.call(method, `/api/scenarios/${id}${suffix}`, body);
          const missing = await other.call(method, `/api/scenarios/${ghost}${suffix}`, body);
          if (
            other === viewer &&
            (suffix === '/duplicate' || (method !== 'GET' && suffix === '/versions'))
          )
            continue; // a viewer is refused these for their role, whatever the id
          expect(hidden.status, `${method} ${suffix}`).toBe(404);
          expect(hidden.text).toBe(missing.text);
          expect(hidden.text).not.toContain('secret');
        }
      }
      // Shared, it becomes readable (not writable) by others.
      expect((await editor.patch(`/api/scenarios/${id}`, { visibility: 'shared' })).status).toBe(
        200,
      );
      expect((await editor2.get(`/api/scenarios/${id}`)).status).toBe(200);
      expect((await editor2.post(`/api/scenarios/${id}/versions`, { text: STAGE1 })).status).toBe(
        403,
      );
      expect((await editor2.patch(`/api/scenarios/${id}`, { visibility: 'private' })).status).toBe(
        403,
      );
    });
  });

  describe('validation and limits', () => {
    it('answers an invalid scenario with 400 naming the field, line and column', async () => {
      const text = STAGE1.replace('value: 190000', 'value: -180000');
      const r = await editor.post('/api/scenarios', { text });
      expect(r.status).toBe(400);
      expect(at(r.body, 'error')).toBe('invalid_scenario');
      const problems = at(r.body, 'problems') as {
        path: string;
        line: number;
        column: number;
        message: string;
        suggestion?: string;
      }[];
      const supply = problems.find((p) => p.path === 'feeds[0].supply_t_per_year');
      const line = text.split('\n').findIndex((l) => l.includes('value: -180000')) + 1;
      expect(supply).toMatchObject({ line });
      expect(supply?.column).toBeGreaterThan(0);
      expect(supply?.message).toContain('≥ 0');
      // Cross-field problems come once the shape is valid (docs/scenario-format.md).
      const typo = await editor.post('/api/scenarios', {
        text: STAGE1.replace('template: fecr-dc', 'template: fecr-dcc'),
      });
      expect(typo.status).toBe(400);
      const template = (at(typo.body, 'problems') as typeof problems).find(
        (p) => p.path === 'stages[0].flowsheet.template',
      );
      expect(template?.suggestion).toBe('fecr-dc');
      expect(template?.line).toBe(
        STAGE1.split('\n').findIndex((l) => l.includes('template: fecr-dc')) + 1,
      );
    });

    it('answers a malformed request body with 400 naming the field', async () => {
      const missing = await editor.post('/api/scenarios', { name: 'x' });
      expect(missing.status).toBe(400);
      expect(at(missing.body, 'problems', 0, 'path')).toBe('text');
      const unknown = await editor.post('/api/scenarios', { text: STAGE1, visiblity: 'shared' });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('visiblity');
      const notJson = await editor.post('/api/scenarios', '{ nope', {
        'content-type': 'application/json',
      });
      expect(notJson.status).toBe(400);
      const badQuery = await editor.get(`/api/scenarios/${seededIds[0]}/diff?from=abc&to=1`);
      expect(badQuery.status).toBe(400);
      expect(at(badQuery.body, 'problems', 0, 'path')).toBe('from');
    });

    it('refuses bodies over 1 MiB with 413', async () => {
      const big = 'x'.repeat(1024 * 1024 + 1);
      const r = await editor.post('/api/appraise', big, { 'content-type': 'application/yaml' });
      expect(r.status).toBe(413);
      expect(at(r.body, 'error')).toBe('payload_too_large');
      const json = await editor.post('/api/scenarios', { text: big });
      expect(json.status).toBe(413);
    });
  });

  describe('versions and diffs', () => {
    it('keeps versions immutable and diffs any two by field path and text', async () => {
      const created = await editor.post('/api/scenarios', { text: STAGE1, message: 'first' });
      const id = at(created.body, 'scenario', 'id') as string;
      const changed = STAGE1.replace('value: 80000', 'value: 90000');
      expect(changed).not.toBe(STAGE1);
      await editor.post(`/api/scenarios/${id}/versions`, { text: changed, message: '90 kt' });
      const versions = await editor.get(`/api/scenarios/${id}/versions`);
      expect(
        (at(versions.body, 'versions') as { version: number; message: string }[]).map((v) => [
          v.version,
          v.message,
        ]),
      ).toEqual([
        [2, '90 kt'],
        [1, 'first'],
      ]);
      expect(
        at((await editor.get(`/api/scenarios/${id}/versions/1`)).body, 'version', 'text'),
      ).toBe(STAGE1);
      expect(at((await editor.get(`/api/scenarios/${id}`)).body, 'version', 'version')).toBe(2);
      const diff = await editor.get(`/api/scenarios/${id}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(at(diff.body, 'changes')).toEqual([
        {
          path: 'stages[0].capacity_t_per_year.value',
          kind: 'changed',
          before: 80000,
          after: 90000,
        },
      ]);
      const unified = at(diff.body, 'unified') as string;
      expect(unified).toMatch(/^--- v1\n\+\+\+ v2\n@@ /);
      expect(unified).toContain('-      value: 80000');
      expect(unified).toContain('+      value: 90000');
      expect((await editor.get(`/api/scenarios/${id}/diff?from=1&to=7`)).status).toBe(404);
      expect((await editor.get(`/api/scenarios/${id}/versions/7`)).status).toBe(404);
    });
  });

  describe('appraise', () => {
    it('appraises YAML text end to end exactly as the library does', async () => {
      const r = await viewer.post('/api/appraise', STAGE12);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(JSON.parse(JSON.stringify(appraise(loadScenario(STAGE12, 'x.yaml')))));
      expect(at(r.body, 'scenario', 'name')).toContain('stages 1 + 2');
    });

    it('accepts the same scenario as JSON', async () => {
      const json = JSON.stringify(parse(STAGE1));
      const r = await viewer.post('/api/appraise', json, { 'content-type': 'application/json' });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(JSON.parse(JSON.stringify(appraise(loadScenario(STAGE1, 'x.yaml')))));
    });

    it('answers an invalid scenario with 400 and its problems, and needs a login', async () => {
      const r = await viewer.post('/api/appraise', 'chromflow: 1\nname: x\n');
      expect(r.status).toBe(400);
      const paths = (at(r.body, 'problems') as { path: string }[]).map((p) => p.path);
      expect(paths).toContain('site');
      expect((await anon.post('/api/appraise', STAGE1)).status).toBe(401);
    });

    it('stores the appraisal of a version and gives it back', async () => {
      const id = seededIds[0] ?? '';
      expect((await viewer.get(`/api/scenarios/${id}/versions/1/appraisal`)).status).toBe(404);
      const made = await viewer.post(`/api/scenarios/${id}/versions/1/appraisal`);
      expect(made.status).toBe(201);
      const got = await viewer.get(`/api/scenarios/${id}/versions/1/appraisal`);
      expect(got.status).toBe(200);
      expect(at(got.body, 'result')).toEqual(at(made.body, 'result'));
      expect(at(got.body, 'result', 'chromflow', 'scenario_format')).toBe(1);
    });
  });
});

describe('static web UI', () => {
  it('serves web/dist when it exists, with index.html for client-side routes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chromflow-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>chromflow</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1);');
    const backend = BACKENDS[0]!;
    const store = await backend.open();
    const app = createApp(store, { staticDir: dir });
    const c = new Client(app);
    const index = await c.get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>chromflow</title>');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await c.get('/app.js')).text).toBe('console.log(1);');
    expect((await c.get('/scenarios/123')).text).toContain('<title>chromflow</title>');
    expect((await c.get('/api/nope')).status).toBe(404);
    await backend.dispose(store);
  });
});
