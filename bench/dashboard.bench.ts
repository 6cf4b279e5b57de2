// Dashboard data benchmark: what the dashboard fetches from the language server (the results
// digest, one member's series) against the whole results document the 3D view fetches, for
// generated frames of about 1k and 10k members. Times are medians of warm requests over stdio
// (the analysis is done before timing); the figure is the ratio to the whole document's request
// measured in the same run, and the bytes on the wire.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFrame } from './generate';
import { LspProcessClient } from '../language-server/src/cli/lsp-client';
import { MemberSeriesRequest, ResultsDigestRequest, ResultsRequest } from '../language-server/src/shared/protocol';

const ROOT = process.env.STRUKTUR_ROOT ?? path.resolve(__dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

async function main(): Promise<void> {
  console.log('members   request                      ms     ratio      bytes');
  for (const target of [1000, 10000]) {
    const g = generateFrame(target, { windCases: 2 });
    const uri = pathToFileURL(path.join(ROOT, `bench-dashboard-${target}.struct`)).toString();
    const client = new LspProcessClient({ command: process.execPath, args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'] });
    await client.initialize(null, { initializationOptions: { debounceMs: 0 } });
    try {
      const first = client.waitForDiagnostics(uri, () => true, 600000);
      await client.open(uri, g.text);
      await first;
      // The analysis, then the first digest (computed and kept with the document), before timing.
      const doc = await client.connection.sendRequest(ResultsRequest, { uri });
      if (!doc) throw new Error('no results');
      await client.connection.sendRequest(ResultsDigestRequest, { uri });
      const member = Object.keys(doc.cases[0].members)[0];
      const runs = target >= 10000 ? 3 : 7;
      const whole = await timed(runs, () => client.connection.sendRequest(ResultsRequest, { uri }));
      const digest = await timed(runs, () => client.connection.sendRequest(ResultsDigestRequest, { uri }));
      const series = await timed(runs, () => client.connection.sendRequest(MemberSeriesRequest, { uri, member }));
      const members = Object.keys(doc.cases[0].members).length;
      const row = (name: string, r: { ms: number; value: unknown }) =>
        console.log(`${String(members).padStart(7)}   ${name.padEnd(24)} ${r.ms.toFixed(1).padStart(8)} ${(r.ms / whole.ms).toFixed(3).padStart(8)}× ${String(JSON.stringify(r.value).length).padStart(10)}`);
      row('struktur/results', whole);
      row('struktur/resultsDigest', digest);
      row('struktur/memberSeries', series);
    } finally {
      await client.shutdown();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
