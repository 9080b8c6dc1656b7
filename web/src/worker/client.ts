/** Promise-based client of the core worker. */
import type { WorkerRequest, WorkerResponse, WorkerResult } from './protocol.js';

type Pending = (r: WorkerResponse) => void;

/** Distributes a request type over the result union: the result whose `type` matches. */
type ResultOf<T extends WorkerRequest['type']> = Extract<WorkerResult, { type: T }>;

/** Error from the worker, with scenario problems when the scenario was invalid. */
export class CoreError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly problems: import('../../../src/scenario/problem.js').Problem[] = [],
  ) {
    super(message);
  }
}

type RequestBody = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export class CoreClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    this.worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const done = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      done?.(event.data);
    };
  }

  request<B extends RequestBody>(body: B): Promise<ResultOf<B['type']>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (r) => {
        if (r.ok) resolve(r as unknown as ResultOf<B['type']>);
        else reject(new CoreError(r.error, r.message, r.problems ?? []));
      });
      this.worker.postMessage({ ...body, id });
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
