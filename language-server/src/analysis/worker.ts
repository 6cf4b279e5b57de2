// The analysis worker: runs the engine off the server's main thread, so editing stays responsive
// while a large model is solved. Input and output are plain data (structured clone).
import { parentPort } from 'node:worker_threads';
import { analyze } from './analyze';
import { plainResults } from './lazy-members';
import type { AnalysisModel, AnalysisOptions } from './model-input';

export interface WorkerRequest {
  id: number;
  model: AnalysisModel;
  options: AnalysisOptions;
}

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    const outcome = analyze(req.model, req.options);
    // The member records are built on first read (lazy-members.ts); a message needs them plain.
    parentPort!.postMessage({ id: req.id, ok: true, outcome: { ...outcome, results: plainResults(outcome.results) } });
  } catch (err) {
    parentPort!.postMessage({ id: req.id, ok: false, error: (err as Error)?.stack ?? String(err) });
  }
});
