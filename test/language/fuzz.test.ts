// Fuzzing the language layer: thousands of seeded random mutations of real models (characters,
// tokens and lines deleted, inserted, duplicated and swapped; odd characters such as surrogate
// pairs, `\r`, `\`, `"`, `#`, `=` inserted), each built in memory through the Workspace. Whatever
// the text, building must not throw, and every diagnostic must lie inside its document with a
// proper code, severity and message. The run is deterministic (a fixed seed) and bounded (a fixed
// number of mutations; the lexer and parser are linear, so each build ends by construction).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../language-server/src/language/workspace';
import { CODES } from '../../language-server/src/language/semantic/codes';
import type { Diagnostic } from '../../language-server/src/language/semantic/diagnostic';
import type { Range } from '../../language-server/src/language/syntax/range';
import { corpusFiles, INVALID, REPO, VALID } from '../support/corpus';
import { mulberry32 } from '../support/random';

const SEED = 0x5eed2024;
const ITERATIONS = 3000;
/** Most mutations start from a window of this many lines, which keeps each build cheap. */
const WINDOW_LINES = 30;
/** Chains of edits for the incremental-versus-fresh comparison (each edit builds twice). */
const EDIT_CHAINS = 300;


interface Source {
  root: string;
  file: string;
  uri: string;
  text: string;
}

function loadSources(): Source[] {
  const out: Source[] = [];
  const add = (root: string, files: string[]) => {
    for (const f of files) {
      const file = path.join(root, f);
      out.push({ root, file, uri: pathToFileURL(file).toString(), text: fs.readFileSync(file, 'utf8') });
    }
  };
  const examples = path.join(REPO, 'examples');
  if (fs.existsSync(examples)) add(examples, corpusFiles(examples));
  add(VALID, corpusFiles(VALID));
  add(INVALID, corpusFiles(INVALID));
  return out;
}

/** Strings worth inserting: the lexer's special characters, odd Unicode, and language words. */
const ODD = [
  '\r', '\r\n', '\n', '\\', '\\\n', '\\ \n', '"', '\\"', '#', '=', '==', ',', ',,', '(', ')', '((', '))', '*', '**', '/', '/0', '+', '-', '--',
  '%', '.', '..', 'e', 'e+', 'E-', '1e308', '1e999', '-1e-320', '0', '0.0', '-0', '99999999999999999999999', '.5', '5.', '\t', ' ', '   ',
  '\u00a0', '\ufeff', '\u2028', '\u0000', 'é', 'ß', '°', '²', 'µ', 'Ω', '→', '🏗️', '😀', '\ud83c', '\udfd7', '\udfd7\ud83c', '𝔸',
  'load', 'end', 'node', 'member', 'support', 'group', 'let', 'include', 'combination', 'check', 'units', 'material', 'section',
  'selfweight', 'nodal', 'uniform', 'point', 'trapezoid', 'displacement', 'model', 'meta', 'local', 'fixed', 'pinned', 'L', 'L/',
  'kN', 'mm2', 'cm4', 'kN*m/rad', 'kg/m3', 'deg', 'rad', 'kNN', 'N1', 'B1', 'DEAD', 'ULS1', 'x=', 'E=', 'at=', 'limit=L/0',
  'include "x.struct"', 'include "../../outside.struct"', 'include "/abs.struct"', 'include "C:\\\\a.struct"', '"unterminated',
  'let a = a', 'let b = 1/0', 'combination C C', 'support N1 fixed', 'node N1 0 0 0', 'member M N1 N1 S', 'group G G',
];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rand, n: number): number => Math.floor(r() * n);

const TOKEN_RE = /\s+|"(?:[^"\\\n]|\\.)*"?|[A-Za-z_][A-Za-z0-9_]*|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[A-Za-z%0-9*/]*|[\s\S]/g;

function tokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

type Mutation = (text: string, r: Rand, other: string) => string;

/** Removes a random line. */
function deleteLine(t: string, r: Rand): string {
  const ls = t.split('\n');
  ls.splice(int(r, ls.length), 1);
  return ls.join('\n');
}

/** Repeats a random line below itself. */
function duplicateLine(t: string, r: Rand): string {
  const ls = t.split('\n');
  const k = int(r, ls.length);
  ls.splice(k, 0, ls[k]);
  return ls.join('\n');
}

const MUTATIONS: Mutation[] = [
  // characters
  (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + t.slice(at + 1 + int(r, 4));
  },
  (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + pick(r, ODD) + t.slice(at);
  },
  (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + t.slice(at, at + 1 + int(r, 8)) + t.slice(at);
  },
  (t, r) => {
    if (t.length < 2) return t;
    const a = int(r, t.length - 1);
    return t.slice(0, a) + t[a + 1] + t[a] + t.slice(a + 2);
  },
  (t, r) => {
    // Replace a random character by a random code unit (surrogate halves included).
    const at = int(r, t.length);
    return t.slice(0, at) + String.fromCharCode(int(r, 0x10000)) + t.slice(at + 1);
  },
  // tokens
  (t, r) => {
    const ts = tokens(t);
    if (ts.length === 0) return t;
    ts.splice(int(r, ts.length), 1);
    return ts.join('');
  },
  (t, r) => {
    const ts = tokens(t);
    if (ts.length === 0) return t;
    const k = int(r, ts.length);
    ts.splice(k, 0, ts[k]);
    return ts.join('');
  },
  (t, r) => {
    const ts = tokens(t);
    if (ts.length < 2) return t;
    const a = int(r, ts.length);
    const b = int(r, ts.length);
    [ts[a], ts[b]] = [ts[b], ts[a]];
    return ts.join('');
  },
  (t, r) => {
    const ts = tokens(t);
    ts.splice(int(r, ts.length + 1), 0, pick(r, ODD));
    return ts.join('');
  },
  // lines
  deleteLine,
  duplicateLine,
  (t, r) => {
    const ls = t.split('\n');
    const a = int(r, ls.length);
    const b = int(r, ls.length);
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return ls.join('\n');
  },
  (t, r, other) => {
    const ls = t.split('\n');
    const os = other.split('\n');
    ls.splice(int(r, ls.length + 1), 0, pick(r, os));
    return ls.join('\n');
  },
  (t, r) => t.slice(0, int(r, t.length + 1)),
  (t) => t.replace(/\n/g, '\r\n'),
];

/** Edits as typing makes them: within one line, or a whole line added, removed or replaced. */
const LINE_EDITS: ((text: string, r: Rand) => string)[] = [
  (t, r) => {
    // Type or delete a few characters inside a line (no line breaks).
    const ls = t.split('\n');
    const l = int(r, ls.length);
    const at = int(r, ls[l].length + 1);
    const insert = r() < 0.5 ? pick(r, ODD).replace(/[\r\n\u2028]/g, '') : '';
    ls[l] = ls[l].slice(0, at) + insert + ls[l].slice(at + (insert ? 0 : 1 + int(r, 3)));
    return ls.join('\n');
  },
  (t, r) => {
    // Rename: change the last character of a word.
    const ws = [...t.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)];
    if (ws.length === 0) return t;
    const m = pick(r, ws);
    const end = m.index! + m[0].length;
    return t.slice(0, end - 1) + pick(r, ['x', '1', 'Q', '_']) + t.slice(end);
  },
  (t, r) => {
    // Change a number.
    const ns = [...t.matchAll(/\d+(\.\d+)?/g)];
    if (ns.length === 0) return t;
    const m = pick(r, ns);
    return t.slice(0, m.index!) + pick(r, ['0', '1', '6', '3.5', '-2', '1e9', '0.5']) + t.slice(m.index! + m[0].length);
  },
  deleteLine,
  duplicateLine,
  (t, r) => {
    const ls = t.split('\n');
    ls[int(r, ls.length)] = pick(r, ['', '  ', 'end', 'load X', '# comment', 'node N9 1 2 3', 'nodal N1 Fz=-1', 'support N1 fixed', 'let q = 2']);
    return ls.join('\n');
  },
];

function window(text: string, r: Rand): string {
  const ls = text.split('\n');
  if (ls.length <= WINDOW_LINES || r() < 0.1) return text;
  const start = int(r, ls.length - WINDOW_LINES);
  return ls.slice(start, start + WINDOW_LINES).join('\n');
}

const KNOWN_CODES = new Set<string>(Object.values(CODES));
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Line lengths in UTF-16 code units; lines end in `\n`, and the `\r` of `\r\n` is not part of a line. */
function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.length - 1 : l.length));
}

function rangeProblem(range: Range, lengths: number[]): string | undefined {
  const { start, end } = range;
  for (const p of [start, end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `bad position ${JSON.stringify(p)}`;
    if (p.line >= lengths.length) return `line ${p.line} beyond the ${lengths.length} lines`;
    if (p.character > lengths[p.line]) return `character ${p.character} beyond line ${p.line} of length ${lengths[p.line]}`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'start after end';
  return undefined;
}

function messageProblem(message: string): string | undefined {
  if (typeof message !== 'string' || message.trim() === '') return 'empty message';
  if (/undefined|NaN|\[object/.test(message)) return `message "${message}"`;
  return undefined;
}

/** What is wrong with the diagnostics of a model, if anything. */
function problemsOf(diagnostics: Diagnostic[], textOf: (uri: string) => string | undefined): string[] {
  const out: string[] = [];
  const cache = new Map<string, number[] | undefined>();
  const lengthsOf = (uri: string) => {
    if (!cache.has(uri)) {
      const text = textOf(uri);
      cache.set(uri, text === undefined ? undefined : lineLengths(text));
    }
    return cache.get(uri);
  };
  for (const d of diagnostics) {
    const where = `${d.code} ${JSON.stringify(d.range)} "${d.message}"`;
    const lengths = lengthsOf(d.uri);
    if (lengths === undefined) {
      out.push(`${where}: on an unknown document ${d.uri}`);
      continue;
    }
    if (!KNOWN_CODES.has(d.code)) out.push(`${where}: unknown code`);
    if (!SEVERITIES.has(d.severity)) out.push(`${where}: severity ${d.severity}`);
    const rp = rangeProblem(d.range, lengths);
    if (rp) out.push(`${where}: ${rp}`);
    const mp = messageProblem(d.message);
    if (mp) out.push(`${where}: ${mp}`);
    for (const rel of d.related ?? []) {
      const rl = lengthsOf(rel.uri);
      const p = rl === undefined ? `related on unknown document ${rel.uri}` : rangeProblem(rel.range, rl) ?? messageProblem(rel.message);
      if (p) out.push(`${where}: related: ${p}`);
    }
  }
  return out;
}

interface Outcome {
  problems: string[];
  diagnostics: Diagnostic[];
}

function build(ws: Workspace, uri: string, text: string): Outcome {
  try {
    ws.setDocument(uri, text);
    const model = ws.model(uri);
    return { problems: problemsOf(model.diagnostics, (u) => ws.get(u)?.text), diagnostics: model.diagnostics };
  } catch (err) {
    return { problems: [`threw ${(err as Error)?.stack ?? String(err)}`], diagnostics: [] };
  }
}

/** Removes lines, then characters, while the failure remains: a small reproduction for the report. */
function shrink(ws: Workspace, uri: string, text: string): string {
  const fails = (t: string) => build(ws, uri, t).problems.length > 0;
  let cur = text;
  for (let changed = true; changed; ) {
    changed = false;
    const ls = cur.split('\n');
    for (let i = ls.length - 1; i >= 0 && ls.length > 1; i--) {
      const next = [...ls.slice(0, i), ...ls.slice(i + 1)].join('\n');
      if (fails(next)) {
        cur = next;
        ls.splice(i, 1);
        changed = true;
      }
    }
  }
  for (let i = cur.length - 1; i >= 0 && cur.length < 400; i--) {
    const next = cur.slice(0, i) + cur.slice(i + 1);
    if (fails(next)) cur = next;
  }
  return cur;
}

describe('language layer fuzzing', function () {
  this.timeout(120000);

  it(`survives ${ITERATIONS} seeded mutations with diagnostics inside their documents`, () => {
    const sources = loadSources();
    assert.ok(sources.length >= 3, 'no models to mutate');
    const workspaces = new Map<string, Workspace>();
    const wsFor = (root: string) => {
      let ws = workspaces.get(root);
      if (!ws) workspaces.set(root, (ws = new Workspace({ root })));
      return ws;
    };
    const r = mulberry32(SEED);
    const codesSeen = new Set<string>();
    let done = 0;
    let diagnostics = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const src = pick(r, sources);
      const other = pick(r, sources).text;
      let text = window(src.text, r);
      const n = 1 + int(r, 4);
      for (let k = 0; k < n; k++) text = pick(r, MUTATIONS)(text, r, other);
      const ws = wsFor(src.root);
      const outcome = build(ws, src.uri, text);
      if (outcome.problems.length > 0) {
        const small = shrink(ws, src.uri, text);
        const again = build(ws, src.uri, small).problems;
        assert.fail(
          `mutation ${i} of ${path.relative(REPO, src.file)} (seed ${SEED}):\n  ${outcome.problems.slice(0, 5).join('\n  ')}\n` +
            `smallest text that still fails: ${JSON.stringify(small)}\n  ${again.slice(0, 3).join('\n  ')}`,
        );
      }
      // The same text builds to the same diagnostics (no state leaks between builds).
      if (i % 25 === 0) {
        const repeat = build(ws, src.uri, text);
        assert.deepEqual(repeat.diagnostics, outcome.diagnostics, `mutation ${i}: a second build differs`);
      }
      for (const d of outcome.diagnostics) codesSeen.add(d.code);
      diagnostics += outcome.diagnostics.length;
      done++;
    }
    assert.equal(done, ITERATIONS);
    // The mutations reach deep enough to exercise many different checks.
    assert.ok(codesSeen.size >= 20, `only ${codesSeen.size} codes seen: ${[...codesSeen].sort().join(' ')}`);
    assert.ok(diagnostics > ITERATIONS, `only ${diagnostics} diagnostics`);
  });

  it(`gives the same diagnostics after ${EDIT_CHAINS} chains of small edits as a fresh build`, () => {
    // The workspace re-parses an edited buffer incrementally and updates its model statement
    // by statement; a fresh workspace parses and builds from scratch. They must agree.
    const sources = loadSources();
    const r = mulberry32(SEED ^ 0x1ec7);
    const key = (d: Diagnostic) => `${d.uri} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message} ${JSON.stringify(d.related ?? [])}`;
    const sorted = (ds: Diagnostic[]) => ds.map(key).sort();
    const workspaces = new Map<string, Workspace>();
    let edits = 0;
    for (let i = 0; i < EDIT_CHAINS; i++) {
      const src = pick(r, sources);
      let ws = workspaces.get(src.root);
      if (!ws) workspaces.set(src.root, (ws = new Workspace({ root: src.root })));
      let text = window(src.text, r);
      ws.setDocument(src.uri, text);
      ws.model(src.uri);
      const steps = 1 + int(r, 5);
      for (let k = 0; k < steps; k++) {
        const before = text;
        text = pick(r, LINE_EDITS)(text, r);
        const incremental = build(ws, src.uri, text);
        const fresh = build(new Workspace({ root: src.root }), src.uri, text);
        assert.deepEqual(incremental.problems, fresh.problems);
        assert.deepEqual(
          sorted(incremental.diagnostics), sorted(fresh.diagnostics),
          `chain ${i}, edit ${k} of ${path.relative(REPO, src.file)}:\nbefore ${JSON.stringify(before)}\nafter  ${JSON.stringify(text)}`,
        );
        edits++;
      }
    }
    assert.ok(edits >= EDIT_CHAINS);
  });

  it('keeps ranges valid for text with surrogate pairs, lone surrogates and lone carriage returns', () => {
    const root = VALID;
    const ws = new Workspace({ root });
    const uri = pathToFileURL(path.join(root, 'fuzz-odd.struct')).toString();
    const cases = [
      'node 🏗️ 0 0 0\nmember M 🏗️ N2 S\n',
      'node N1 0 0 0 \ud83c\nnode N2 \udfd7 0 0\n',
      'model "🏗️\nnode N1 0 0 0\r',
      'node N1 0 0\r0\nsupport N1 fixed\r\n\\',
      'load L\r\n  nodal N1 Fz=-1\r\n',
      '"\\',
      '\\',
      'let a = (((((1',
      'member M N1 N2 S roll=1e999deg',
      'node N1 1e999 -1e999 0\nnode N2 1e999 -1e999 0\nmember M N1 N2 S\n',
    ];
    for (const text of cases) {
      const { problems } = build(ws, uri, text);
      assert.deepEqual(problems, [], JSON.stringify(text));
    }
  });
});
