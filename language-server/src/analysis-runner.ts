// Runs analyses for the server: one worker thread per model root, a new edit cancels the run
// in progress (the worker is terminated, which stops even a long factorization), and results
// are cached by the model's content so re-opening or undoing costs nothing.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisOutcome } from './analysis/analyze';
import type { AnalysisModel, AnalysisOptions } from './analysis/model-input';
import type { Model } from './language/semantic/model';

export type RunResult = { ok: true; outcome: AnalysisOutcome } | { ok: false; cancelled: boolean; error: string };

interface Running {
  key: string;
  worker: Worker;
  promise: Promise<RunResult>;
  cancel: () => void;
}

export class AnalysisRunner {
  private readonly running = new Map<string, Running>();
  private readonly cache = new Map<string, AnalysisOutcome>();
  private nextId = 1;

  constructor(private readonly workerScript = path.join(__dirname, 'analysis-worker.js'), private readonly cacheSize = 8) {}

  /** A key of everything the analysis depends on: the text of every file of the model. */
  static keyOf(model: Model, options: AnalysisOptions): string {
    const h = createHash('sha256');
    for (const f of model.files) h.update(f.uri).update('\0').update(f.text).update('\0');
    h.update(JSON.stringify(options));
    return h.digest('hex');
  }

  cached(key: string): AnalysisOutcome | undefined {
    return this.cache.get(key);
  }

  /** The run in progress for a root, if any (for requests that want to wait for it). */
  pending(root: string): Promise<RunResult> | undefined {
    return this.running.get(root)?.promise;
  }

  run(root: string, key: string, input: AnalysisModel, options: AnalysisOptions): Promise<RunResult> {
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve({ ok: true, outcome: hit });
    const current = this.running.get(root);
    if (current?.key === key) return current.promise;
    current?.cancel();

    const worker = new Worker(this.workerScript);
    const id = this.nextId++;
    let settle!: (r: RunResult) => void;
    const promise = new Promise<RunResult>((resolve) => {
      settle = resolve;
    });
    const finish = (r: RunResult) => {
      if (this.running.get(root)?.worker === worker) this.running.delete(root);
      void worker.terminate();
      settle(r);
    };
    worker.on('message', (msg: { id: number; ok: boolean; outcome?: AnalysisOutcome; error?: string }) => {
      if (msg.id !== id) return;
      if (msg.ok && msg.outcome) {
        this.remember(key, msg.outcome);
        finish({ ok: true, outcome: msg.outcome });
      } else finish({ ok: false, cancelled: false, error: msg.error ?? 'unknown error' });
    });
    worker.on('error', (e) => finish({ ok: false, cancelled: false, error: e.stack ?? String(e) }));
    worker.on('exit', (code) => finish({ ok: false, cancelled: true, error: `analysis worker exited (${code})` }));
    worker.postMessage({ id, model: input, options });
    const entry: Running = { key, worker, promise, cancel: () => finish({ ok: false, cancelled: true, error: 'cancelled by a newer edit' }) };
    this.running.set(root, entry);
    return promise;
  }

  cancel(root: string): void {
    this.running.get(root)?.cancel();
  }

  dispose(): void {
    for (const r of this.running.values()) r.cancel();
  }

  private remember(key: string, outcome: AnalysisOutcome): void {
    this.cache.delete(key);
    this.cache.set(key, outcome);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}
