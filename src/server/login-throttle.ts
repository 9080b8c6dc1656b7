/**
 * Slows password guessing without letting an attacker lock the real user out, after OWASP's
 * "Blocking Brute Force Attacks" and "Slow Down Online Guessing Attacks with Device Cookies":
 *
 * - per account (the user's id, whichever name or e-mail is typed; unknown names by name):
 *   after `maxAccountFailures` failures within the window, attempts answer 429 — except from a
 *   trusted device (a browser that logged in to this account before: signed device cookie);
 * - per trusted device: its own count, so that a stolen cookie cannot guess without bound;
 * - per client address: after `maxClientFailures` failures for any accounts, 429.
 *
 * An attempt counts as a failure from the moment it starts (before the slow password hash) and
 * is withdrawn if it succeeds, so concurrent attempts cannot all pass the check before any of
 * them is recorded. Memory is bounded: accounts are kept (one entry per registered user, so
 * they are never forgotten while locked); unknown names, client addresses and devices are kept
 * up to `maxEntries` each, the oldest dropped first. In memory and per process: a restart or a
 * second instance starts afresh.
 */

/** Keys of one login attempt. */
export interface AttemptKeys {
  /** `user:<id>` for a registered user, `name:<lower-case name>` otherwise. */
  account: string;
  /** The client's address. */
  client: string;
  /** A trusted device of this account (from a valid device cookie), if any. */
  device?: string;
}

export type Admission =
  | { readonly allowed: true; readonly attempt: Attempt }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly scope: string };

/** An attempt in progress: `succeeded()` withdraws its provisional failure. */
export interface Attempt {
  succeeded(): void;
}

export interface ThrottleOptions {
  /** Failures per account (or per trusted device) in the window before 429 [-]. Default 10. */
  maxAccountFailures?: number;
  /** Failures per client address in the window before 429 [-]. Default 30. */
  maxClientFailures?: number;
  /** Window [ms]. Default 15 minutes. */
  windowMs?: number;
  /** Most unknown names, client addresses and devices tracked, each [-]. Default 10 000. */
  maxEntries?: number;
}

/** Failure times per key; the insertion order is the eviction order. */
class Counter {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number | undefined,
  ) {}

  recent(key: string, nowMs: number): number[] {
    const kept = (this.times.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (kept.length === 0) this.times.delete(key);
    else this.times.set(key, kept);
    return kept;
  }

  add(key: string, nowMs: number): void {
    const list = this.recent(key, nowMs);
    this.times.delete(key); // re-inserted last: the most recently active is evicted last
    this.times.set(key, [...list, nowMs]);
    if (this.maxEntries !== undefined && this.times.size > this.maxEntries) {
      const oldest = this.times.keys().next();
      if (oldest.done !== true) this.times.delete(oldest.value);
    }
  }

  /** Withdraws one failure recorded at `t`. */
  remove(key: string, t: number): void {
    const list = this.times.get(key);
    const i = list?.indexOf(t) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  clear(key: string): void {
    this.times.delete(key);
  }

  get size(): number {
    return this.times.size;
  }
}

export class LoginThrottle {
  private readonly maxAccount: number;
  private readonly maxClient: number;
  private readonly windowMs: number;
  private readonly accounts: Counter;
  private readonly names: Counter;
  private readonly clients: Counter;
  private readonly devices: Counter;

  constructor(options: ThrottleOptions = {}) {
    this.maxAccount = options.maxAccountFailures ?? 10;
    this.maxClient = options.maxClientFailures ?? 30;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    const max = options.maxEntries ?? 10_000;
    this.accounts = new Counter(this.windowMs, undefined);
    this.names = new Counter(this.windowMs, max);
    this.clients = new Counter(this.windowMs, max);
    this.devices = new Counter(this.windowMs, max);
  }

  private accountCounter(key: string): Counter {
    return key.startsWith('user:') ? this.accounts : this.names;
  }

  /** Seconds until the `max`-th latest failure leaves the window. */
  private wait(times: number[], max: number, nowMs: number): number {
    const oldest = times[times.length - max] ?? nowMs;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  /**
   * Decides on an attempt and, when it is allowed, records it as a failure at once (withdrawn
   * by `attempt.succeeded()`). Synchronous: concurrent attempts are counted one by one.
   */
  begin(keys: AttemptKeys, nowMs: number): Admission {
    const checks: [Counter, string, number, string][] =
      keys.device !== undefined
        ? [[this.devices, keys.device, this.maxAccount, 'device']]
        : [
            [this.accountCounter(keys.account), keys.account, this.maxAccount, 'account'],
            [this.clients, keys.client, this.maxClient, 'client'],
          ];
    for (const [counter, key, max, scope] of checks) {
      const times = counter.recent(key, nowMs);
      if (times.length >= max)
        return { allowed: false, retryAfterSeconds: this.wait(times, max, nowMs), scope };
    }
    // Recorded everywhere, so a trusted device's failures also count for its client and account.
    const recorded: [Counter, string][] = [
      [this.accountCounter(keys.account), keys.account],
      [this.clients, keys.client],
      ...(keys.device !== undefined ? [[this.devices, keys.device] as [Counter, string]] : []),
    ];
    for (const [counter, key] of recorded) counter.add(key, nowMs);
    return {
      allowed: true,
      attempt: {
        succeeded: () => {
          for (const [counter, key] of recorded) counter.remove(key, nowMs);
          // The account's owner proved the password: earlier failures on it no longer count.
          this.accountCounter(keys.account).clear(keys.account);
        },
      },
    };
  }

  /** Entries tracked (tests of the memory bound). */
  get tracked(): { accounts: number; names: number; clients: number; devices: number } {
    return {
      accounts: this.accounts.size,
      names: this.names.size,
      clients: this.clients.size,
      devices: this.devices.size,
    };
  }
}
