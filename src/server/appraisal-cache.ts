/**
 * The appraisal of a stored scenario version by this server's code, computed once per process
 * and kept (versions are immutable, so a version's appraisal cannot go stale while the code is the
 * same). It lets the web UI draw a stored scenario's KPI cards and charts at once while its own
 * core worker is still loading; the worker then takes over for the live what-if. The latest
 * versions are appraised in the background when the server starts and whenever a version is
 * saved, one at a time; the appraisal itself runs in the worker pool, never on the event loop.
 */

/** Appraises a scenario text off the event loop (the server's worker pool). */
export type AppraiseText = (text: string) => Promise<TaskReply<{ readonly json: string }>>;
import type { Store } from '../store/index.js';
import type { TaskReply } from '../workers/scenario-tasks.js';
import { VERSION } from '../version.js';

export type CachedAppraisal =
  | { ok: true; json: string; etag: string }
  | { ok: false; status: 400 | 422; error: string; message: string };

/** Most versions kept (an appraisal is ~100 kB of JSON). */
const MAX_ENTRIES = 200;

export class AppraisalCache {
  private readonly done = new Map<string, CachedAppraisal>();
  private readonly running = new Map<string, Promise<CachedAppraisal>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly appraiseText: AppraiseText,
  ) {}

  /** The appraisal of a version (by its row id and text), computed on first use. */
  get(versionId: string, text: string): Promise<CachedAppraisal> {
    const hit = this.done.get(versionId);
    if (hit) {
      // Most recently used last (the Map keeps insertion order).
      this.done.delete(versionId);
      this.done.set(versionId, hit);
      return Promise.resolve(hit);
    }
    const inFlight = this.running.get(versionId);
    if (inFlight) return inFlight;
    const p = this.compute(versionId, text);
    this.running.set(versionId, p);
    // Forget the promise once settled; a failure (e.g. the pool closing at shutdown) is the
    // caller's to handle, never an unhandled rejection of this bookkeeping chain.
    const forget = (): void => {
      this.running.delete(versionId);
    };
    p.then(forget, forget);
    return p;
  }

  private async compute(versionId: string, text: string): Promise<CachedAppraisal> {
    const reply = await this.appraiseText(text);
    let result: CachedAppraisal;
    if (reply.kind === 'invalid')
      result = {
        ok: false,
        status: 400,
        error: 'invalid_scenario',
        message: `${reply.problems.length} problem(s) in the stored scenario`,
      };
    else if (reply.kind === 'error')
      result =
        reply.error.kind === 'input'
          ? { ok: false, status: 400, error: 'invalid_input', message: reply.error.message }
          : { ok: false, status: 422, error: reply.error.code, message: reply.error.message };
    else result = { ok: true, json: reply.json, etag: `"${versionId}-${VERSION}"` };
    this.done.set(versionId, result);
    while (this.done.size > MAX_ENTRIES) {
      const oldest = this.done.keys().next().value;
      if (oldest === undefined) break;
      this.done.delete(oldest);
    }
    return result;
  }

  /** Appraises the latest version of a scenario in the background (queued, one at a time). */
  warmScenario(scenarioId: string): void {
    this.queue = this.queue
      .then(async () => {
        const v = await this.store.getVersion(scenarioId, 'latest');
        if (v) await this.get(v.id, v.text);
      })
      .catch(() => undefined);
  }

  /** Appraises the latest version of every scenario in the background. */
  warmAll(): void {
    this.queue = this.queue
      .then(async () => {
        for (const s of await this.store.listAllScenarios()) this.warmScenario(s.id);
      })
      .catch(() => undefined);
  }
}
