/** Types shared by the server's modules: the Hono environment and the app's options. */
import type { Store, User } from '../store/index.js';
import type { McService } from '../workers/mc-service.js';
import type { AppraisalCache } from './appraisal-cache.js';
import type { FeasibleRegionLimits } from './feasible-region-routes.js';
import type { WorkerPool } from '../workers/pool.js';
import type { LoginThrottle } from './login-throttle.js';
import type { WorkGate } from './work-gate.js';

/** Limits of Monte Carlo runs started through the API (`GET /api/mc-runs/limits`). */
export interface McLimits {
  /** Most samples in one run [-]. Default 1 000 000. */
  max_samples: number;
  /** Most runs of one user queued or running at once [-]. Default 2. */
  max_concurrent_runs_per_user: number;
  /** Smallest chunk [samples]: bounds the number of chunks (and database rows) of a run. Default 100. */
  min_chunk_size: number;
  /** Largest chunk [samples]: bounds the work of one worker task. Default 10 000. */
  max_chunk_size: number;
}

export interface AppOptions {
  /** Largest accepted request body [bytes]; larger bodies get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Session lifetime [ms]. Default 7 days. */
  sessionTtlMs?: number;
  /**
   * `Secure` cookies: `'auto'` (default) sets them when the request came over https (directly,
   * or per `X-Forwarded-Proto` when `trustProxy`), `true`/`false` force it.
   */
  secureCookies?: boolean | 'auto';
  /**
   * Trust the reverse proxy's `X-Forwarded-Proto` (Secure cookies), `X-Forwarded-Host` (the
   * same-origin check) and `X-Forwarded-For` (the client address of the login throttle).
   * Default false.
   */
  trustProxy?: boolean;
  /**
   * Origins (`https://chromflow.example`) besides the server's own from which state-changing
   * requests are accepted, e.g. the public address behind a proxy that rewrites `Host`.
   */
  allowedOrigins?: string[];
  /** Directory of the built web UI; served at `/` when it exists. Default `<package>/dist-web` (`npm run build:web`). */
  staticDir?: string;
  /** log2 of the scrypt cost for new password hashes (tests lower it). Default 15. */
  passwordLog2N?: number;
  /** Failed logins for one account within 15 minutes before answering 429. Default 10. */
  maxLoginFailures?: number;
  /** Failed logins from one client address within 15 minutes before answering 429. Default 30. */
  maxClientLoginFailures?: number;
  /** Clock (tests). */
  now?: () => Date;
  /**
   * The worker-thread pool for appraisals, validation, reports and Monte Carlo chunks. Default:
   * a pool of `workers` threads created at the first request; whoever passes one closes it.
   */
  pool?: WorkerPool;
  /** Threads of the default pool. Default: the number of cores. */
  workers?: number;
  /**
   * Requests waiting for a worker thread (beyond one running per thread) before answering 503
   * `busy` with `Retry-After`. Default 32.
   */
  maxQueuedRequests?: number;
  /** Feasible-region limits (grid rows); defaults in `DEFAULT_FEASIBLE_LIMITS`. */
  feasibleLimits?: Partial<FeasibleRegionLimits>;
  /** Monte Carlo limits; defaults in {@link McLimits}. */
  mcLimits?: Partial<McLimits>;
  /**
   * Background Monte Carlo runs (`/api/mc-runs`). Default: a service created with the app on
   * its pool; whoever passes one closes it.
   */
  mc?: McService;
  /** Appraisals of stored versions kept in memory (`startServer` warms it). Default: a new one. */
  appraisals?: AppraisalCache;
}

export interface ResolvedOptions {
  maxBodyBytes: number;
  sessionTtlMs: number;
  secureCookies: boolean | 'auto';
  trustProxy: boolean;
  allowedOrigins: string[];
  staticDir: string | undefined;
  passwordLog2N: number;
  maxLoginFailures: number;
  maxClientLoginFailures: number;
  maxQueuedRequests: number;
  mcLimits: McLimits;
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    /** The logged-in user, set by the session middleware when the cookie is valid. */
    user: User | undefined;
    /** SHA-256 of the session token, when there is a session. */
    sessionHash: string | undefined;
  };
}

export interface Deps {
  store: Store;
  options: ResolvedOptions;
  /** The worker pool (created at the first call when the app made it). */
  pool: () => WorkerPool;
  /** Bounds the requests waiting for the pool. */
  gate: WorkGate;
  throttle: LoginThrottle;
}
