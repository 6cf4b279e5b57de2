// The golden corpus of invalid models (test/corpus/invalid) and the valid models beside it:
// file lists, the hand-written expectations, and diagnostics put in one comparable shape, for
// the in-memory corpus test and the CLI corpus test alike.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { Workspace } from '../../language-server/src/language/workspace';
import type { Diagnostic } from '../../language-server/src/language/semantic/diagnostic';

export const REPO = path.resolve(__dirname, '..', '..');
export const INVALID = path.join(REPO, 'test', 'corpus', 'invalid');
export const VALID = path.join(REPO, 'test', 'corpus', 'valid');
/** Stands for the absolute path of the corpus folder in expected messages (it differs per machine). */
export const ROOT_PLACEHOLDER = '<root>';

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}
export interface ExpectedDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  range: Rng;
  message: string;
  /** Paths relative to the corpus folder, with '/' separators. */
  related?: { path: string; range: Rng; message: string }[];
}

/** The corpus models: the top-level .struct files of a folder (subfolders hold included helpers). */
export function corpusFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.struct'))
    .sort();
}

export function readExpected(file: string): ExpectedDiagnostic[] {
  return JSON.parse(fs.readFileSync(path.join(INVALID, file.replace(/\.struct$/, '.expected.json')), 'utf8')) as ExpectedDiagnostic[];
}

function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/** Sorted by position, then code and message, so the order a producer reports in does not matter. */
export function sortDiagnostics<T extends ExpectedDiagnostic>(list: T[]): T[] {
  return [...list].sort(
    (a, b) => comparePos(a.range.start, b.range.start) || comparePos(a.range.end, b.range.end) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
}

const plainRange = (r: Rng): Rng => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });

/** Replaces the corpus folder's absolute path in a message by the placeholder. */
export function portableMessage(message: string, root: string): string {
  return message.split(root).join(ROOT_PLACEHOLDER);
}

/** A diagnostic of the language layer in the expectation's shape. */
export function fromLanguage(d: Diagnostic, root: string): ExpectedDiagnostic {
  const out: ExpectedDiagnostic = { code: d.code, severity: d.severity, range: plainRange(d.range), message: portableMessage(d.message, root) };
  if (d.related?.length) {
    out.related = d.related.map((r) => ({ path: relativeUri(r.uri, root), range: plainRange(r.range), message: portableMessage(r.message, root) }));
  }
  return out;
}

export function relativeUri(uri: string, root: string): string {
  if (!uri.startsWith('file:')) return uri;
  return path.relative(root, fileURLToPath(uri)).split(path.sep).join('/');
}

/**
 * Builds the model of one corpus file in memory, as the language server does for an open file:
 * a workspace rooted at the corpus folder that knows the include lines of every file under it,
 * the file opened as a buffer, and the model of its root. Returns that file's diagnostics.
 */
export function diagnosticsInMemory(root: string, file: string): ExpectedDiagnostic[] {
  const ws = new Workspace({ root });
  ws.indexFiles(fg.sync('**/*.struct', { cwd: root, absolute: true }).map((p) => path.resolve(p)));
  const abs = path.join(root, file);
  const uri = pathToFileURL(abs).toString();
  ws.setDocument(uri, fs.readFileSync(abs, 'utf8'));
  const model = ws.modelFor(uri);
  return sortDiagnostics(model.diagnostics.filter((d) => d.uri === uri).map((d) => fromLanguage(d, root)));
}
