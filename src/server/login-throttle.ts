/**
 * Slows password guessing: after `maxFailures` failed logins for one user name within
 * `windowMs`, further attempts for that name answer 429 until the window has passed. In-memory
 * and per process (a restart or a second instance starts afresh).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private recent(key: string, nowMs: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Seconds to wait before another attempt for `name`, or 0 when allowed. */
  retryAfterSeconds(name: string, nowMs: number): number {
    const times = this.recent(name.toLowerCase(), nowMs);
    if (times.length < this.maxFailures) return 0;
    const oldest = times[times.length - this.maxFailures] ?? nowMs;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  fail(name: string, nowMs: number): void {
    const key = name.toLowerCase();
    this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
    if (this.failures.size > 10_000) {
      // Bound the memory: forget the oldest entries.
      const first = this.failures.keys().next();
      if (first.done !== true) this.failures.delete(first.value);
    }
  }

  succeed(name: string): void {
    this.failures.delete(name.toLowerCase());
  }
}
