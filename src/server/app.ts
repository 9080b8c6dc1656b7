/**
 * `createApp(store, options)`: the whole HTTP application as a pure Hono app (no port, no
 * globals), so tests call `app.request()` and `start.ts` serves it on a port.
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { VERSION } from '../version.js';
import type { Store } from '../store/index.js';
import { runAppraisal } from './appraise-route.js';
import { AppraisalCache } from './appraisal-cache.js';
import { authRoutes } from './auth-routes.js';
import type { AppEnv, AppOptions, Deps, ResolvedOptions } from './context.js';
import { apiError, notFound } from './http-error.js';
import { openApiDocument } from './openapi.js';
import { defaultWorkers } from '../workers/pool.js';
import { McService } from '../workers/mc-service.js';
import { mcRunRoutes } from './mc-run-routes.js';
import { DEFAULT_LOG2_N } from './password.js';
import { checkScenarioText } from './scenario-text.js';
import { scenarioRoutes } from './scenario-routes.js';
import { requireUser, sessionMiddleware } from './session.js';
import { userRoutes } from './user-routes.js';

/** Default location of the built web UI. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist-web', import.meta.url));

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function resolve(options: AppOptions): ResolvedOptions {
  return {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600 * 1000,
    secureCookies: options.secureCookies ?? 'auto',
    trustProxy: options.trustProxy ?? false,
    staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    passwordLog2N: options.passwordLog2N ?? DEFAULT_LOG2_N,
    maxLoginFailures: options.maxLoginFailures ?? 10,
    now: options.now ?? (() => new Date()),
  };
}

export function createApp(store: Store, appOptions: AppOptions = {}): Hono<AppEnv> {
  const options = resolve(appOptions);
  const deps: Deps = { store, options };
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
      // A handler may set a stricter header of its own (the HTML report sets its own CSP).
      overwrite: false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: (c) =>
        apiError(
          c,
          413,
          'payload_too_large',
          `the request body exceeds ${options.maxBodyBytes} bytes`,
        ),
    }),
  );
  app.use('/api/*', sessionMiddleware(deps));

  app.get('/api/health', async (c) => {
    try {
      await store.ping();
      return c.json({ status: 'ok', version: VERSION, database: store.dialect });
    } catch {
      return c.json({ status: 'error', version: VERSION, database: store.dialect }, 503);
    }
  });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/users', userRoutes(deps));
  const appraisals = appOptions.appraisals ?? new AppraisalCache(store);
  // A saved version is appraised in the background, so its dashboard opens at once.
  app.use('/api/scenarios/*', async (c, next) => {
    await next();
    const id = /^\/api\/scenarios\/([^/]+)\/versions$/.exec(c.req.path)?.[1];
    if (c.req.method === 'POST' && c.res.status === 201 && id !== undefined)
      appraisals.warmScenario(id);
  });
  app.get(
    '/api/scenarios/:id/versions/:version/appraisal.json',
    requireUser('viewer'),
    async (c) => {
      const s = await store.getScenario(c.req.param('id'));
      const user = c.get('user');
      if (!s || !user || (s.owner_id !== user.id && s.visibility !== 'shared'))
        return notFound(c, 'scenario');
      const n = Number(c.req.param('version'));
      const v = Number.isInteger(n) && n >= 1 ? await store.getVersion(s.id, n) : undefined;
      if (!v) return notFound(c, 'version');
      const r = await appraisals.get(v.id, v.text);
      if (!r.ok) return apiError(c, r.status, r.error, r.message);
      if (c.req.header('If-None-Match') === r.etag) return c.body(null, 304, { ETag: r.etag });
      c.header('ETag', r.etag);
      c.header('Cache-Control', 'private, no-cache');
      c.header('Content-Type', 'application/json; charset=utf-8');
      return c.body(r.json);
    },
  );
  app.route('/api/scenarios', scenarioRoutes(deps));
  const mc =
    appOptions.mc ?? new McService(store, { workers: appOptions.mcWorkers ?? defaultWorkers() });
  app.route('/api/mc-runs', mcRunRoutes({ ...deps, mc }));

  app.post('/api/appraise', requireUser('viewer'), async (c) => {
    const text = await c.req.text();
    const checked = checkScenarioText(c, text, 'body');
    if (!checked.ok) return checked.response;
    const result = runAppraisal(c, checked.scenario);
    if (!result.ok) return result.response;
    return c.json(result.appraisal);
  });

  app.all('/api/*', (c) => notFound(c, `route ${c.req.method} ${c.req.path}`));

  const dir = options.staticDir;
  if (dir !== undefined && existsSync(dir) && statSync(dir).isDirectory()) {
    // serveStatic resolves `root` against the working directory.
    const root = relative(process.cwd(), dir) || '.';
    // Precompressed .br / .gz files written by the build (web/vite.config.ts) are sent to
    // browsers that accept them. Hashed assets never change: cached for a year, immutable; the
    // page itself is revalidated on every load so a new build is picked up at once.
    const cacheHeaders = (_file: string, c: Context) => {
      c.header(
        'Cache-Control',
        /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(c.req.path)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    };
    app.use('*', serveStatic({ root, precompressed: true, onFound: cacheHeaders }));
    // Single-page app: unknown non-API paths get index.html, the UI routes them.
    app.get(
      '*',
      serveStatic({ root, path: 'index.html', precompressed: true, onFound: cacheHeaders }),
    );
  }

  app.onError((error, c) => {
    if (error instanceof HTTPException)
      return apiError(
        c,
        error.status,
        error.status >= 500 ? 'internal' : 'bad_request',
        error.message || 'bad request',
      );
    console.error(error);
    return apiError(c, 500, 'internal', 'internal error (logged on the server)');
  });
  app.notFound((c) => notFound(c, 'page'));
  return app;
}
