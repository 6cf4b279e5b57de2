// What the benchmarks that drive the language server over stdio share: the bundled server
// started on a generated model, analysed before any timing, and a median of warm requests.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspProcessClient } from '../language-server/src/cli/lsp-client';

const ROOT = process.env.STRUKTUR_ROOT ?? path.resolve(__dirname, '..');

/** Opens `text` as `file` in a fresh dist/server.js, waits for its diagnostics, runs `fn`, shuts down. */
export async function withServedModel<T>(file: string, text: string, fn: (client: LspProcessClient, uri: string) => Promise<T>): Promise<T> {
  const uri = pathToFileURL(path.join(ROOT, file)).toString();
  const client = new LspProcessClient({ command: process.execPath, args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'] });
  await client.initialize(null, { initializationOptions: { debounceMs: 0 } });
  try {
    const first = client.waitForDiagnostics(uri, () => true, 600000);
    await client.open(uri, text);
    await first;
    return await fn(client, uri);
  } finally {
    await client.shutdown();
  }
}

/** The median time of `runs` calls, the last value and its size as JSON. */
export async function medianRequest<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; value: T; bytes: number }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  return { ms: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)], value, bytes: JSON.stringify(value).length };
}
