// Reconnection delays: exponential with jitter ("equal jitter": half the step fixed, half random),
// so a server restart is not met by every client at the same instant.

export interface BackoffOptions {
  /** First delay, ms. */
  initialMs?: number;
  /** Ceiling of the exponential step, ms. */
  maxMs?: number;
  factor?: number;
  /** Share of each step that is random, 0…1. */
  jitter?: number;
  /** A [0, 1) generator (seeded in tests). */
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(o: BackoffOptions = {}) {
    this.initialMs = o.initialMs ?? 500;
    this.maxMs = o.maxMs ?? 30000;
    this.factor = o.factor ?? 2;
    this.jitter = Math.min(1, Math.max(0, o.jitter ?? 0.5));
    this.random = o.random ?? Math.random;
  }

  /** How many delays were handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /** The delay before the next attempt, ms. */
  next(): number {
    const step = Math.min(this.maxMs, this.initialMs * this.factor ** this.attempt);
    this.attempt++;
    return Math.round(step * (1 - this.jitter) + step * this.jitter * this.random());
  }

  reset(): void {
    this.attempt = 0;
  }
}
