/**
 * `createApp(store, options)`: the whole HTTP application as a pure Hono app (no port, no
 * globals), so tests call `app.request()` and `start.ts` serves it on a port. Scenario work
 * (validation, appraisals, reports, Monte Carlo) runs in a worker-thread pool, never on the
 * event loop, so `/api/health` answers in milliseconds under any load.
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { VERSION } from '../version.js';
import type { Store } from '../store/index.js';
import { AppraisalCache } from './appraisal-cache.js';
import { McService } from '../workers/mc-service.js';
import { defaultWorkers, WorkerPool } from '../workers/pool.js';
import { authRoutes } from './auth-routes.js';
import type { AppEnv, AppOptions, Deps, ResolvedOptions } from './context.js';
import { csrfGuard } from './csrf.js';
import { apiError, notFound } from './http-error.js';
import { LoginThrottle } from './login-throttle.js';
import { DEFAULT_FEASIBLE_LIMITS, feasibleRegionRoutes } from './feasible-region-routes.js';
import { DEFAULT_MC_LIMITS, mcRunRoutes } from './mc-run-routes.js';
import { openApiDocument } from './openapi.js';
import { DEFAULT_LOG2_N } from './password.js';
import { replyProblem, REQUEST_FILE } from './scenario-text.js';
import { scenarioRoutes } from './scenario-routes.js';
import { requireUser, sessionMiddleware } from './session.js';
import { userRoutes } from './user-routes.js';
import { WorkGate } from './work-gate.js';

/** Default location of the built web UI. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist-web', import.meta.url));

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_QUEUED_REQUESTS = 64;

function resolve(options: AppOptions): ResolvedOptions {
  return {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600 * 1000,
    secureCookies: options.secureCookies ?? 'auto',
    trustProxy: options.trustProxy ?? false,
    allowedOrigins: options.allowedOrigins ?? [],
    staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    passwordLog2N: options.passwordLog2N ?? DEFAULT_LOG2_N,
    maxLoginFailures: options.maxLoginFailures ?? 10,
    maxClientLoginFailures: options.maxClientLoginFailures ?? 30,
    maxQueuedRequests: options.maxQueuedRequests ?? DEFAULT_MAX_QUEUED_REQUESTS,
    mcLimits: { ...DEFAULT_MC_LIMITS, ...options.mcLimits },
    now: options.now ?? (() => new Date()),
  };
}

/** What an app created for itself (pool, Monte Carlo service) and its work in progress. */
const owned = new WeakMap<Hono<AppEnv>, { close: () => Promise<void>; gate: WorkGate }>();

/**
 * Stops what `createApp` created itself: its Monte Carlo service (active runs are left
 * `interrupted`, resumable) and its worker pool. Pools and services passed in are left alone.
 */
export async function closeApp(app: Hono<AppEnv>): Promise<void> {
  await owned.get(app)?.close();
}

/**
 * Resolves when no request of the app is waiting for the worker pool any more (or after
 * `timeoutMs`): a stopping server lets the appraisals it accepted finish before the pool ends.
 */
export async function drainApp(app: Hono<AppEnv>, timeoutMs = 30_000): Promise<void> {
  const gate = owned.get(app)?.gate;
  const until = Date.now() + timeoutMs;
  while (gate !== undefined && gate.size > 0 && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

export function createApp(store: Store, appOptions: AppOptions = {}): Hono<AppEnv> {
  const options = resolve(appOptions);
  let ownPool: WorkerPool | undefined;
  const pool = (): WorkerPool =>
    appOptions.pool ?? (ownPool ??= new WorkerPool(appOptions.workers ?? defaultWorkers()));
  const deps: Deps = {
    store,
    options,
    pool,
    gate: new WorkGate(
      () => appOptions.pool?.threads ?? appOptions.workers ?? defaultWorkers(),
      options.maxQueuedRequests,
    ),
    throttle: new LoginThrottle({
      maxAccountFailures: options.maxLoginFailures,
      maxClientFailures: options.maxClientLoginFailures,
    }),
  };
  const mc = appOptions.mc ?? new McService(store, { pool });
  const app = new Hono<AppEnv>();
  owned.set(app, {
    gate: deps.gate,
    close: async () => {
      if (appOptions.mc === undefined) await mc.close();
      await ownPool?.close();
      ownPool = undefined;
    },
  });

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
  app.use('/api/*', csrfGuard(deps));
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
  // Requests for the worker pool are refused while it is full before anything else is done.
  const refuseWhenBusy: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ((c.req.method === 'POST' || c.req.path.includes('/report.')) && deps.gate.full)
      return deps.gate.busy(c);
    await next();
    return undefined;
  };
  app.use('/api/appraise', refuseWhenBusy);
  app.use('/api/feasible-region', refuseWhenBusy);
  app.use('/api/scenarios/*', refuseWhenBusy);
  app.use('/api/*', sessionMiddleware(deps));

  // Health: the database answers and can take writes (a full disk or a read-only file is
  // reported, with 503, so that an operator or a load balancer sees it).
  app.get('/api/health', async (c) => {
    const base = { version: VERSION, database: store.dialect };
    try {
      await store.ping();
      const w = await store.writable();
      if (!w.writable)
        return c.json(
          { status: 'error', ...base, database_writable: false, database_error: w.reason },
          503,
        );
      return c.json({ status: 'ok', ...base, database_writable: true });
    } catch (error) {
      return c.json(
        { status: 'error', ...base, database_writable: false, database_error: String(error) },
        503,
      );
    }
  });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/users', userRoutes(deps));
  const appraisals =
    appOptions.appraisals ??
    new AppraisalCache(store, (text) => pool().appraise({ text, file: 'stored version' }));
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
  app.route('/api/scenarios', scenarioRoutes({ ...deps, mc }));
  app.route('/api/mc-runs', mcRunRoutes({ ...deps, mc }));
  app.route(
    '/api/feasible-region',
    feasibleRegionRoutes(deps, { ...DEFAULT_FEASIBLE_LIMITS, ...appOptions.feasibleLimits }),
  );

  app.post('/api/appraise', requireUser('viewer'), async (c) => {
    const text = await c.req.text();
    return deps.gate.run(c, async () => {
      const reply = await pool().appraise({ text, file: REQUEST_FILE });
      const problem = replyProblem(c, reply, 'body');
      if (problem !== undefined || reply.kind !== 'ok') return problem ?? notFound(c);
      // The worker serialised the appraisal: the event loop only sends the text.
      return c.body(reply.json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
    });
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
    // The database's own error reaches the log; the user gets what they can act on.
    console.error(error);
    const failure = store.noteFailure(error);
    if (failure?.kind === 'full') return apiError(c, 507, 'insufficient_storage', failure.message);
    if (failure !== undefined) {
      if (failure.kind === 'busy') c.header('Retry-After', '1');
      return apiError(c, 503, `database_${failure.kind}`, failure.message);
    }
    return apiError(c, 500, 'internal', 'internal error (logged on the server)');
  });
  app.notFound((c) => notFound(c, 'page'));
  return app;
}
