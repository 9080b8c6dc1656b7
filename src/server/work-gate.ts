/**
 * The bound on requests waiting for a worker thread. Scenario work (validation, appraisal,
 * reports) runs in the worker pool, never on the event loop; when more requests are in flight
 * than threads plus the queue allows, a new one is answered at once with 503 `busy` and a
 * `Retry-After` (the recent time to answer one such request), instead of waiting without bound.
 */
import type { Context } from 'hono';
import { apiError } from './http-error.js';

/** Weight of the newest duration in the moving average [-]. */
const EWMA_WEIGHT = 0.2;

export class WorkGate {
  private inFlight = 0;
  /** Exponentially weighted mean time to answer [ms] (starts at a typical appraisal). */
  private meanMs = 200;

  /**
   * @param threads - Worker threads serving the tasks [-].
   * @param maxQueued - Tasks that may wait beyond one running per thread [-].
   */
  constructor(
    private readonly threads: () => number,
    private readonly maxQueued: number,
  ) {}

  /** Requests admitted and not yet finished. */
  get size(): number {
    return this.inFlight;
  }

  /** Seconds after which a refused request may hope for a place: the recent answer time [s]. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.meanMs / 1000));
  }

  /** Whether a new request would be refused now. */
  get full(): boolean {
    return this.inFlight >= this.threads() + this.maxQueued;
  }

  /** The 503 `busy` answer with `Retry-After`. */
  busy(c: Context): Response {
    const seconds = this.retryAfterSeconds();
    c.header('Retry-After', String(seconds));
    return apiError(
      c,
      503,
      'busy',
      `the server is busy (${this.inFlight} requests are being computed); retry in ${seconds} s`,
    );
  }

  /**
   * Runs `work` when there is room, else answers 503 `busy` with `Retry-After`. The admission
   * check and the count are synchronous, so concurrent requests cannot overshoot the bound.
   */
  async run(c: Context, work: () => Promise<Response>): Promise<Response> {
    if (this.full) return this.busy(c);
    this.inFlight++;
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.meanMs += EWMA_WEIGHT * (performance.now() - t0 - this.meanMs);
    }
  }
}
