// The canonical layout of a .struct file. Formatting never changes what a file means: it only
// changes whitespace, keeps every token and comment, and leaves lines it does not understand
// exactly as written. The rules:
//   - one space between words; `key=value` keeps its glue (spaces there are a syntax error);
//     a word keeps its inner spacing (`(2 * bay)` stays as written, runs of spaces become one);
//   - statements inside `load … end` (and comment lines between them) are indented by 2 spaces,
//     everything else starts at column 0;
//   - consecutive lines holding statements of the same keyword form a run, in which the fixed
//     positional arguments line up in columns (node: name x y z; member: name i j section;
//     support: node; load body statements: target; let: name, then `= value`; combination:
//     name, then the expression and options), and the rest (`local`, repeated arguments, options) starts at one
//     common column after them. A blank line, a comment line or another keyword ends a run;
//   - trailing comments line up two spaces after the longest code among the commented lines of
//     a block: consecutive one-line statements (any keywords) at the same indentation;
//   - `let NAME = EXPR` and combination expressions are respaced: `a + b`, `a - b`, `a*b`,
//     `a/b`, `-a`, `(a)`; if respacing would lex differently (`3m * t` would glue into a unit
//     `m*t`), the statement keeps its own spacing;
//   - a statement continued with `\` keeps its line breaks: each physical line is respaced,
//     a continuation line keeps its own indentation (4 more spaces than the statement if it has
//     none), ` \` ends a continued line, and a comment after `\` stays there; such a
//     statement takes no part in alignment;
//   - a line with a syntax error (lexer or parser), any line of a statement with one, and any
//     line that is not a statement, a comment or blank is left exactly as written;
//   - trailing whitespace is removed, blank lines at the start and the end are removed, at most
//     one blank line stands in a row, and the file ends with one line break. Line breaks follow
//     the document's first one (`\r\n` stays `\r\n`); a byte-order mark stays.
// `formatRange` applies the same layout to the lines of the statements that touch the range
// (alignment still looks at the whole run).
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { optionsStart, parse, splitWords } from '../language/syntax/parser';
import type { Expr, Statement, SyntaxTree } from '../language/syntax/syntax-tree';
import type { Token } from '../language/syntax/tokens';
import { statementSpec } from '../language/schema';
import type { FeatureContext } from './context';

const BLOCK_INDENT = '  ';
const CONTINUATION_INDENT = '    ';
const COMMENT_GAP = '  ';

export function formatDocument(ctx: FeatureContext, p: DocumentFormattingParams): TextEdit[] {
  const doc = ctx.workspace.get(p.textDocument.uri);
  if (!doc) return [];
  return formatEdits(doc.text, doc.tree);
}

export function formatRange(ctx: FeatureContext, p: DocumentRangeFormattingParams): TextEdit[] {
  const doc = ctx.workspace.get(p.textDocument.uri);
  if (!doc) return [];
  let last = p.range.end.line;
  // A selection of whole lines ends at the start of the next one.
  if (p.range.end.character === 0 && last > p.range.start.line) last--;
  return formatEdits(doc.text, doc.tree, { first: p.range.start.line, last });
}

/** The whole formatted text. */
export function formatText(text: string, tree: SyntaxTree = parse(text)): string {
  const src = splitLines(text);
  const out = layout(src, tree);
  let s = src.bom;
  for (const line of out) if (line !== null) s += line + src.eol;
  return s;
}

/**
 * Edits turning `text` into its formatted form: one edit per run of changed lines. With
 * `lines`, only lines of the statements touching that line range change.
 */
export function formatEdits(text: string, tree: SyntaxTree, lines?: { first: number; last: number }): TextEdit[] {
  const src = splitLines(text);
  const out = layout(src, tree);
  let selected: ((line: number) => boolean) | undefined;
  if (lines) {
    let first = Math.max(0, lines.first);
    let last = Math.min(src.lines.length - 1, lines.last);
    // Widen to whole statements (a `\` continued statement is formatted as a unit).
    const widen = (s: Statement) => {
      if (s.firstLine <= last && s.lastLine >= first) {
        first = Math.min(first, s.firstLine);
        last = Math.max(last, s.lastLine);
      }
    };
    for (const s of tree.statements) {
      widen(s);
      if (s.body) for (const b of s.body) widen(b);
      if (s.end) widen(s.end);
    }
    selected = (l) => l >= first && l <= last;
  }
  const edits: TextEdit[] = [];
  let i = 0;
  const n = src.lines.length;
  while (i < n) {
    if (!changed(src, out, i) || (selected && !selected(i))) {
      i++;
      continue;
    }
    let j = i;
    let newText = '';
    while (j < n && changed(src, out, j) && (!selected || selected(j))) {
      if (out[j] !== null) newText += out[j] + src.eol;
      j++;
    }
    const lastLine = j - 1;
    const end = src.eols[lastLine] ? { line: lastLine + 1, character: 0 } : { line: lastLine, character: src.lines[lastLine].length + (lastLine === 0 ? src.bom.length : 0) };
    edits.push({ range: { start: { line: i, character: i === 0 ? src.bom.length : 0 }, end }, newText });
    i = j;
  }
  return edits;
}

function changed(src: SourceLines, out: (string | null)[], i: number): boolean {
  const before = src.lines[i] + src.eols[i];
  const after = out[i] === null ? '' : out[i] + src.eol;
  return before !== after;
}

// ---- source lines ----------------------------------------------------------------------------

interface SourceLines {
  /** Physical lines without their line break (line 0 without a byte-order mark). */
  lines: string[];
  /** Each line's own line break ('' for the last). */
  eols: string[];
  /** The line break the formatted text uses. */
  eol: string;
  bom: string;
}

function splitLines(text: string): SourceLines {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const lines: string[] = [];
  const eols: string[] = [];
  let start = bom.length;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push(text.slice(start));
      eols.push('');
      break;
    }
    const cr = nl > start && text.charCodeAt(nl - 1) === 13;
    lines.push(text.slice(start, cr ? nl - 1 : nl));
    eols.push(cr ? '\r\n' : '\n');
    start = nl + 1;
  }
  const firstBreak = eols[0];
  return { lines, eols, eol: firstBreak === '\r\n' ? '\r\n' : '\n', bom };
}

// ---- layout ----------------------------------------------------------------------------------

/** A one-line statement split into the parts that line up. */
interface Row {
  line: number;
  indent: string;
  keyword: string;
  cells: string[];
  tail: string;
}

const BLANK_RE = /^[ \t\r\ufeff]*$/;
const COMMENT_LINE_RE = /^[ \t\r\ufeff]*#/;
const TRAILING_SPACE_RE = /[ \t\r\ufeff]+$/;
const LEADING_SPACE_RE = /^[ \t]*/;

/** The formatted content of every source line, or null where a line is removed. */
function layout(src: SourceLines, tree: SyntaxTree): (string | null)[] {
  const n = src.lines.length;
  const out: (string | null)[] = new Array(n).fill(null);
  /** 0: free line, 1: covered by a statement being formatted, 2: left as written. */
  const state = new Uint8Array(n);
  const inBlock = new Uint8Array(n);
  const errorLine = new Uint8Array(n);
  for (const e of tree.errors) for (let l = e.range.start.line; l <= Math.min(e.range.end.line, n - 1); l++) errorLine[l] = 1;

  const code = new Map<number, string>();
  const comment = new Map<number, string>();
  const keep = (s: Statement): boolean => {
    for (let l = s.firstLine; l <= s.lastLine; l++) if (errorLine[l]) return true;
    return hasErrorValue(s);
  };
  const visit = (s: Statement, indent: string): Row | undefined => {
    if (keep(s)) {
      for (let l = s.firstLine; l <= s.lastLine; l++) state[l] = 2;
      return undefined;
    }
    for (let l = s.firstLine; l <= s.lastLine; l++) state[l] = 1;
    if (s.lastLine > s.firstLine) {
      renderContinued(s, indent, src.lines, out);
      return undefined;
    }
    const c = s.comments[0];
    if (c) comment.set(s.firstLine, c.text.replace(TRAILING_SPACE_RE, ''));
    return rowOf(s, indent);
  };

  const top: (Row | undefined)[] = [];
  for (const s of tree.statements) {
    top.push(visit(s, ''));
    if (!s.body) continue;
    const last = s.end ? s.end.firstLine - 1 : s.body.length ? s.body[s.body.length - 1].lastLine : s.lastLine;
    for (let l = s.lastLine + 1; l <= last && l < n; l++) inBlock[l] = 1;
    alignRuns(s.body.map((b) => visit(b, BLOCK_INDENT)), code);
    if (s.end) alignRuns([visit(s.end, '')], code);
  }
  alignRuns(top, code);

  // Trailing comments: aligned over blocks of consecutive one-line statements.
  for (let l = 0; l < n; ) {
    if (!code.has(l)) {
      l++;
      continue;
    }
    let end = l;
    let width = 0;
    const indent = indentOf(code.get(l)!);
    while (code.has(end) && indentOf(code.get(end)!) === indent) {
      if (comment.has(end)) width = Math.max(width, code.get(end)!.length);
      end++;
    }
    for (let k = l; k < end; k++) {
      const c = comment.get(k);
      out[k] = c === undefined ? code.get(k)! : code.get(k)!.padEnd(width) + COMMENT_GAP + c;
    }
    l = end;
  }

  // Free lines: comments are re-indented, blank lines collapse, anything else stays.
  let lastKept: 'none' | 'blank' | 'text' = 'none';
  for (let l = 0; l < n; l++) {
    const raw = src.lines[l];
    if (state[l] === 2 || (state[l] === 0 && errorLine[l])) {
      out[l] = raw;
    } else if (state[l] === 0) {
      if (BLANK_RE.test(raw)) {
        out[l] = lastKept === 'text' ? '' : null;
        if (out[l] !== null) lastKept = 'blank';
        continue;
      }
      if (COMMENT_LINE_RE.test(raw)) out[l] = (inBlock[l] ? BLOCK_INDENT : '') + raw.slice(raw.indexOf('#')).replace(TRAILING_SPACE_RE, '');
      else out[l] = raw;
    }
    lastKept = 'text';
  }
  // No blank lines at the end.
  for (let l = n - 1; l >= 0 && state[l] === 0 && (out[l] === null || out[l] === ''); l--) out[l] = null;
  return out;
}

function indentOf(line: string): number {
  let k = 0;
  while (line.charCodeAt(k) === 32) k++;
  return k;
}

/** A statement with a value the parser could not read (also reported as a syntax error). */
function hasErrorValue(s: Statement): boolean {
  if (s.expression?.kind === 'error') return true;
  for (const a of s.args) for (const e of a.items) if (e.kind === 'error') return true;
  for (const o of s.options) {
    if (!o.value) return true;
    for (const e of o.value.items) if (e.kind === 'error') return true;
  }
  return false;
}

/** Lines up runs of consecutive rows of one keyword and stores each row's code by line. */
function alignRuns(rows: (Row | undefined)[], code: Map<number, string>): void {
  let i = 0;
  while (i < rows.length) {
    const first = rows[i];
    if (!first) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < rows.length) {
      const r = rows[j];
      const prev = rows[j - 1]!;
      if (!r || r.keyword !== first.keyword || r.line !== prev.line + 1 || r.indent !== first.indent) break;
      j++;
    }
    const run = rows.slice(i, j) as Row[];
    const widths: number[] = [];
    for (const r of run) r.cells.forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 0, c.length)));
    let tailColumn = first.indent.length + first.keyword.length;
    for (const w of widths) tailColumn += 1 + w;
    for (const r of run) {
      let s = r.indent + r.keyword;
      r.cells.forEach((c, k) => {
        const last = k === r.cells.length - 1 && !r.tail;
        s += ' ' + (last ? c : c.padEnd(widths[k]));
      });
      if (r.tail) s = s.padEnd(tailColumn) + ' ' + r.tail;
      code.set(r.line, s);
    }
    i = j;
  }
}

/** The row of a one-line statement. */
function rowOf(s: Statement, indent: string): Row {
  const keyword = s.keyword.text;
  const rest = s.tokens.slice(1);
  const row: Row = { line: s.firstLine, indent, keyword, cells: [], tail: '' };
  if (keyword === 'let' && s.expression && rest.length >= 3) {
    // let NAME = EXPR
    const normal = `let ${rest[0].text} = ${printExpr(s.expression)}`;
    const expr = sameStatement(s, normal) ? printExpr(s.expression) : joinTokens(rest.slice(2));
    row.cells = [rest[0].text];
    row.tail = `= ${expr}`;
    return row;
  }
  if (keyword === 'combination' && rest.length > 0) {
    const exprTokens = s.expression ? expressionTokens(rest) : [];
    const options = splitWords(rest.slice(1 + exprTokens.length)).map(joinTokens);
    row.cells = [rest[0].text];
    if (s.expression) {
      const normal = printExpr(s.expression);
      const candidate = ['combination', rest[0].text, normal, ...options].join(' ');
      options.unshift(sameStatement(s, candidate) ? normal : joinTokens(exprTokens));
    }
    row.tail = options.join(' ');
    return row;
  }
  const words = splitWords(rest).map(joinTokens);
  const aligned = Math.min(alignedSlots(keyword), s.args.length);
  row.cells = words.slice(0, aligned);
  row.tail = words.slice(aligned).join(' ');
  return row;
}

/** How many leading positional arguments of a keyword line up: those before a repeated or free part. */
function alignedSlots(keyword: string): number {
  const spec = statementSpec(keyword);
  if (!spec) return 0;
  let k = 0;
  while (k < spec.args.length && !spec.args[k].repeat) k++;
  // Member loads: the target; `local` after it goes with the options.
  return spec.localFlag ? Math.min(k, 1) : k;
}

/** A combination's expression tokens: after the name, up to the first option. */
function expressionTokens(rest: Token[]): Token[] {
  return rest.slice(1, optionsStart(rest, 1));
}

/** Tokens as written, with any run of whitespace between them reduced to one space. */
function joinTokens(tokens: Token[]): string {
  let s = '';
  tokens.forEach((t, k) => {
    s += (k > 0 && t.spaceBefore ? ' ' : '') + t.text;
  });
  return s;
}

function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
    case 'name':
    case 'string':
      return e.token.text;
    case 'paren':
      return `(${printExpr(e.expr)})`;
    case 'unary':
      return e.op + printExpr(e.operand);
    case 'binary':
      return e.op === '+' || e.op === '-' ? `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}` : `${printExpr(e.left)}${e.op}${printExpr(e.right)}`;
    case 'error':
      return '';
  }
}

/** Whether `text` reads as the same statement: the same tokens, arguments and options. */
function sameStatement(s: Statement, text: string): boolean {
  const tree = parse(text);
  const t = tree.statements[0];
  if (tree.errors.length > 0 || tree.statements.length !== 1 || !t) return false;
  if (t.tokens.length !== s.tokens.length) return false;
  for (let k = 0; k < t.tokens.length; k++) if (t.tokens[k].kind !== s.tokens[k].kind || t.tokens[k].text !== s.tokens[k].text) return false;
  return t.args.length === s.args.length && t.options.length === s.options.length && !!t.expression === !!s.expression;
}

/** A `\` continued statement: each physical line respaced, line breaks kept. */
function renderContinued(s: Statement, indent: string, src: string[], out: (string | null)[]): void {
  let k = 0;
  const tokens = s.tokens;
  for (let l = s.firstLine; l <= s.lastLine; l++) {
    let text = '';
    let firstOnLine = true;
    while (k < tokens.length && tokens[k].line === l) {
      text += (firstOnLine ? '' : tokens[k].spaceBefore ? ' ' : '') + tokens[k].text;
      firstOnLine = false;
      k++;
    }
    if (l < s.lastLine) text += text ? ' \\' : '\\';
    const c = s.comments.find((x) => x.line === l);
    if (c) text += (text ? COMMENT_GAP : '') + c.text.replace(TRAILING_SPACE_RE, '');
    let lead = indent;
    if (l > s.firstLine) {
      // A continuation line keeps the indentation its author gave it (often aligned under an
      // argument); one without any is indented by 4 more than the statement.
      lead = LEADING_SPACE_RE.exec(src[l])![0] || indent + CONTINUATION_INDENT;
    }
    out[l] = text ? lead + text : '';
  }
}
