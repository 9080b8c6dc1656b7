/** Types shared by the server's modules: the Hono environment and the app's options. */
import type { Store, User } from '../store/index.js';
import type { McService } from '../workers/mc-service.js';
import type { AppraisalCache } from './appraisal-cache.js';

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
  /** Trust `X-Forwarded-Proto` from a reverse proxy. Default false. */
  trustProxy?: boolean;
  /** Directory of the built web UI; served at `/` when it exists. Default `<package>/dist-web` (`npm run build:web`). */
  staticDir?: string;
  /** log2 of the scrypt cost for new password hashes (tests lower it). Default 15. */
  passwordLog2N?: number;
  /** Failed logins per user name within 15 minutes before answering 429. Default 10. */
  maxLoginFailures?: number;
  /** Clock (tests). */
  now?: () => Date;
  /**
   * Background Monte Carlo runs (`/api/mc-runs`). Default: a service created with the app,
   * with `mcWorkers` worker threads; whoever passes one closes it.
   */
  mc?: McService;
  /** Worker threads of the default Monte Carlo service. Default: the number of cores. */
  mcWorkers?: number;
  /** Appraisals of stored versions kept in memory (`startServer` warms it). Default: a new one. */
  appraisals?: AppraisalCache;
}

export interface ResolvedOptions {
  maxBodyBytes: number;
  sessionTtlMs: number;
  secureCookies: boolean | 'auto';
  trustProxy: boolean;
  staticDir: string | undefined;
  passwordLog2N: number;
  maxLoginFailures: number;
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
}
