// The stored-version appraisal cache (src/server/appraisal-cache.ts) when the appraisal fails,
// as it does when the worker pool is closed at shutdown while the start-up warm-up is running
// (`chromflow serve` stopped by SIGTERM exited 1 with "Terminating worker thread" as an
// unhandled rejection): the caller of `get` sees the failure, nothing else does, and the next
// `get` tries again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppraisalCache } from '../../src/server/appraisal-cache.js';
import type { Store } from '../../src/store/index.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** The two store reads the cache's warm-up makes. */
const store = {
  listAllScenarios: () => Promise.resolve([{ id: 's1' }, { id: 's2' }]),
  getVersion: (id: string) => Promise.resolve({ id: `${id}-v1`, text: 'chromflow: 1\n' }),
} as unknown as Store;

/** Lets every pending promise callback run (several macrotask turns). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('AppraisalCache when the appraisal fails', () => {
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('get: the caller gets the rejection, no unhandled rejection, and a later get retries', async () => {
    let calls = 0;
    const cache = new AppraisalCache(store, () => {
      calls++;
      return Promise.reject(new Error('Terminating worker thread'));
    });
    await expect(cache.get('v1', 'text')).rejects.toThrow('Terminating worker thread');
    await settle();
    expect(unhandled).toEqual([]);
    await expect(cache.get('v1', 'text')).rejects.toThrow('Terminating worker thread');
    expect(calls).toBe(2);
  });

  it('warmAll (server start) while the pool closes: no unhandled rejection', async () => {
    let calls = 0;
    const cache = new AppraisalCache(store, () => {
      calls++;
      return Promise.reject(new Error('Terminating worker thread'));
    });
    cache.warmAll();
    await settle();
    expect(calls).toBe(2);
    expect(unhandled).toEqual([]);
  });
});
