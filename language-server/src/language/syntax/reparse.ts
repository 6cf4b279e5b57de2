// Incremental re-parsing. Statements are lines, so an edit that keeps the number of lines only
// needs the logical lines it touches parsed again; the rest of the tree is kept, object for
// object, which lets the semantic model be updated statement by statement too. Anything less
// simple (lines added or removed, a `load` or `end` line touched) is parsed in full.
import { parse } from './parser';
import { LineIndex } from './range';
import type { Statement, SyntaxTree } from './syntax-tree';
import { LOAD_BODY_KEYWORDS } from './keywords';

/** Which statements an incremental parse replaced: inside `parent`'s load block, or at top level. */
export interface Splice {
  parent?: Statement;
  removed: Statement[];
  added: Statement[];
  /** Physical lines re-parsed (inclusive). */
  firstLine: number;
  lastLine: number;
}

export interface Reparsed {
  tree: SyntaxTree;
  splice?: Splice;
  /** The new text's line index, when it could be derived from the old one. */
  lines?: LineIndex;
}

const CONTINUED = /\\[ \t]*(#.*)?\r?$/;

export function reparse(oldText: string, oldTree: SyntaxTree, oldLines: LineIndex, newText: string): Reparsed {
  const full = (): Reparsed => ({ tree: parse(newText) });
  if (oldText === newText) return { tree: oldTree, splice: { removed: [], added: [], firstLine: 0, lastLine: -1 } };
  // An unclosed load block ends wherever the next top-level statement stands: any edit may move that.
  if (oldTree.errors.some((e) => e.code === 'S1004')) return full();
  const n0 = oldText.length;
  const n1 = newText.length;
  let p = 0;
  const max = Math.min(n0, n1);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(n0 - 1 - s) === newText.charCodeAt(n1 - 1 - s)) s++;
  if (countNewlines(oldText, p, n0 - s) !== countNewlines(newText, p, n1 - s)) return full();
  // The old characters [p, n0 - s) were replaced; their lines (and, below, the lines joined to
  // them by continuations) are re-parsed.
  let first = oldLines.positionAt(p).line;
  let last = oldLines.positionAt(n0 - s).line;
  // Same number of lines: a line starts where it did, shifted by the length change once past the edit.
  const lineCount = oldLines.lineCount;
  const newStart = (k: number) => {
    const o = oldLines.lineStart(k);
    return o <= p ? o : o + (n1 - n0);
  };
  const newEnd = (k: number) => (k + 1 < lineCount ? newStart(k + 1) - 1 : n1);
  const newLine = (k: number) => newText.slice(newStart(k), newEnd(k));
  const oldLine = (k: number) => oldLines.lineText(k);
  while (first > 0 && (CONTINUED.test(oldLine(first - 1)) || CONTINUED.test(newLine(first - 1)))) first--;
  while (last < lineCount - 1 && (CONTINUED.test(oldLine(last)) || CONTINUED.test(newLine(last)))) last++;

  // The old statements on those lines, all at one level (top, or one load block's body).
  const top = oldTree.statements;
  const c1 = containerOf(top, first);
  const c2 = containerOf(top, last);
  if (c1 === BLOCK_LINE || c2 === BLOCK_LINE || c1 !== c2) return full();
  const parent = c1;
  const list = parent ? parent.body! : top;
  const at = lowerBoundLast(list, first);
  let count = 0;
  while (at + count < list.length && list[at + count].firstLine <= last) {
    const st = list[at + count];
    // A whole load block inside the edited lines, or a statement reaching outside them.
    if (st.body || st.firstLine < first || spanEnd(st) > last) return full();
    count++;
  }
  const removed = list.slice(at, at + count);
  // The line break is kept so that a `\r` before it reads exactly as in a full parse.
  const fragment = parse(newText.slice(newStart(first), last + 1 < lineCount ? newEnd(last) + 1 : n1), first);
  for (const st of fragment.statements) {
    const kw = st.keyword.text;
    if (kw === 'load' || kw === 'end' || st.body) return full();
    if (parent && !LOAD_BODY_KEYWORDS.has(kw)) return full();
  }
  if (fragment.errors.some((e) => e.code === 'S1004')) return full();
  const statements = parent ? top : top.slice();
  (parent ? parent.body! : statements).splice(at, count, ...fragment.statements);
  const outside = (line: number) => line < first || line > last;
  const tree: SyntaxTree = {
    statements,
    comments: [...oldTree.comments.filter((c) => outside(c.line)), ...fragment.comments].sort((a, b) => a.line - b.line),
    errors: [...oldTree.errors.filter((e) => outside(e.range.start.line)), ...fragment.errors],
    lineCount: oldTree.lineCount,
  };
  return { tree, splice: { parent, removed, added: fragment.statements, firstLine: first, lastLine: last }, lines: oldLines.afterEdit(newText, p, n0 - s) };
}

const BLOCK_LINE = 'block-line' as const;

/** The last line of a statement, a load block's `end` included. */
function spanEnd(st: Statement): number {
  return st.end ? st.end.lastLine : st.body?.length ? Math.max(st.lastLine, st.body[st.body.length - 1].lastLine) : st.lastLine;
}

/** Where a line stands: inside a load block's body (the block), on a block's `load` or `end` line, or at top level (undefined). */
function containerOf(top: Statement[], line: number): Statement | undefined | typeof BLOCK_LINE {
  // The last top-level statement starting at or before the line.
  let lo = 0;
  let hi = top.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (top[mid].firstLine <= line) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const st = top[k];
  if (!st?.body) return undefined;
  if (line <= st.lastLine) return BLOCK_LINE;
  if (st.end && line >= st.end.firstLine) return line <= st.end.lastLine ? BLOCK_LINE : undefined;
  if (!st.end) return BLOCK_LINE; // an unclosed block: its extent is a guess, parse in full
  return st;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** First statement whose last line is at or after `line`. */
function lowerBoundLast(list: Statement[], line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spanEnd(list[mid]) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
