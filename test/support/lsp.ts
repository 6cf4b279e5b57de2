// Test helpers: start the bundled language server (dist/server.js, built by `npm test` first)
// over stdio and drive it with the real LSP client.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspProcessClient } from '../../language-server/src/cli/lsp-client';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export function uriOf(p: string): string {
  return pathToFileURL(p).toString();
}

/** Starts a server rooted at `root` (default: examples/) with validation undelayed. */
export async function startServer(root = EXAMPLES, options: { configuration?: boolean } = {}): Promise<LspProcessClient> {
  const client = new LspProcessClient({ command: process.execPath, args: [SERVER, '--stdio'] });
  await client.initialize(uriOf(root), { configuration: options.configuration, initializationOptions: { debounceMs: 0 } });
  return client;
}

/** Opens a document and waits for its first diagnostics. */
export async function openAndWait(client: LspProcessClient, uri: string, text: string) {
  const wait = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  return wait;
}

/** Position of the n-th (0-based) occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 0): { line: number; character: number } {
  let idx = -1;
  for (let k = 0; k <= occurrence; k++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  idx += offset;
  const before = text.slice(0, idx);
  const line = before.split('\n').length - 1;
  return { line, character: idx - (before.lastIndexOf('\n') + 1) };
}

/**
 * Repeats a request until its answer satisfies `ok` (the server indexes the workspace in the
 * background), with a deadline; returns the last answer either way.
 */
export async function until<T>(request: () => Promise<T>, ok: (v: T) => boolean, deadlineMs = 15000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await request();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
