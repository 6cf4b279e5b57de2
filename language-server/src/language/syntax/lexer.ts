// The lexer: splits a text into logical lines (statements) of tokens. Hand-written because the
// language's one subtle rule — a unit glued to a number (`5kN/m`) but an identifier after an
// operator (`2*bay`) — needs a look at which unit atoms exist.
import { findUnitAtom } from '../units/unit-table';
import type { Comment, LexError, LogicalLine, Token, TokenKind } from './tokens';

const NUMBER_RE = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const UNIT_ATOM_RE = /[A-Za-z%]+\d*/y;
const IDENT_RE = /[A-Za-z_][A-Za-z0-9_]*/y;

const SINGLE: Record<string, TokenKind> = {
  '=': 'equals',
  ',': 'comma',
  '+': 'plus',
  '-': 'minus',
  '*': 'star',
  '/': 'slash',
  '(': 'lparen',
  ')': 'rparen',
};

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xfeff;
}

/**
 * Splits `text` into logical lines. Blank and comment-only lines yield lines with no tokens.
 * `firstLine` numbers the lines of a fragment lexed on its own (incremental re-parsing).
 */
export function lex(text: string, firstLine = 0): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let line = firstLine;
  let lineStart = 0;
  let pos = 0;
  const n = text.length;
  let current: LogicalLine = { tokens: [], firstLine, lastLine: firstLine, comments: [], errors: [] };
  let spaceBefore = false;

  const finishLine = () => {
    current.lastLine = line;
    lines.push(current);
  };

  while (pos <= n) {
    if (pos === n) {
      finishLine();
      break;
    }
    const c = text.charCodeAt(pos);
    if (c === 10) {
      finishLine();
      line++;
      pos++;
      lineStart = pos;
      current = { tokens: [], firstLine: line, lastLine: line, comments: [], errors: [] };
      spaceBefore = false;
      continue;
    }
    if (isSpace(c)) {
      pos++;
      spaceBefore = true;
      continue;
    }
    const col = pos - lineStart;
    if (c === 35 /* # */) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      let stop = end;
      if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
      current.comments.push({ line, col, endCol: stop - lineStart, text: text.slice(pos, stop) });
      pos = end;
      continue;
    }
    if (c === 92 /* \ */) {
      // A continuation: `\` then only spaces (or a comment) up to the end of the line.
      let k = pos + 1;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (k < n && text.charCodeAt(k) === 35) {
        let end = text.indexOf('\n', k);
        if (end < 0) end = n;
        current.comments.push({ line, col: k - lineStart, endCol: end - lineStart, text: text.slice(k, end).replace(/\r$/, '') });
        k = end;
      }
      if (k >= n || text.charCodeAt(k) === 10) {
        if (k < n) {
          line++;
          lineStart = k + 1;
        }
        pos = k + 1;
        spaceBefore = true;
        continue;
      }
      pushInvalid(current, line, col, col + 1, '\\', 'A "\\" continues a statement only at the end of a line');
      pos++;
      spaceBefore = false;
      continue;
    }
    if (c === 34 /* " */) {
      let k = pos + 1;
      let value = '';
      let closed = false;
      while (k < n) {
        const ch = text.charCodeAt(k);
        if (ch === 10 || (ch === 13 && text.charCodeAt(k + 1) === 10)) break;
        if (ch === 92 && k + 1 < n && (text[k + 1] === '"' || text[k + 1] === '\\')) {
          value += text[k + 1];
          k += 2;
          continue;
        }
        if (ch === 34) {
          closed = true;
          k++;
          break;
        }
        value += text[k];
        k++;
      }
      const tok = token('string', text.slice(pos, k), line, col, k - lineStart, spaceBefore);
      if (closed) tok.value = value;
      else current.errors.push({ line, col, endCol: k - lineStart, message: 'Unterminated string: add the closing "' });
      current.tokens.push(tok);
      pos = k;
      spaceBefore = false;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      NUMBER_RE.lastIndex = pos;
      const m = NUMBER_RE.exec(text)!;
      let k = pos + m[0].length;
      const numberLength = m[0].length;
      k = scanUnit(text, k);
      // A number glued to letters that are not a unit (`12abc`) is one bad token, so the
      // parser reports it once.
      current.tokens.push(token('number', text.slice(pos, k), line, col, k - lineStart, spaceBefore, numberLength));
      pos = k;
      spaceBefore = false;
      continue;
    }
    if (isIdentStart(c)) {
      IDENT_RE.lastIndex = pos;
      const m = IDENT_RE.exec(text)!;
      const k = pos + m[0].length;
      current.tokens.push(token('ident', m[0], line, col, k - lineStart, spaceBefore));
      pos = k;
      spaceBefore = false;
      continue;
    }
    const single = SINGLE[text[pos]];
    if (single) {
      current.tokens.push(token(single, text[pos], line, col, col + 1, spaceBefore));
      pos++;
      spaceBefore = false;
      continue;
    }
    // Anything else is one invalid token; surrogate pairs stay whole so ranges stay valid.
    const width = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(pos + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    pushInvalid(current, line, col, col + width, text.slice(pos, pos + width), `Unexpected character "${text.slice(pos, pos + width)}"`);
    pos += width;
    spaceBefore = false;
  }
  return lines;
}

/** Every token has the same fields from the start (one hidden class: faster property access). */
function token(kind: TokenKind, text: string, line: number, col: number, endCol: number, spaceBefore: boolean, numberLength?: number): Token {
  return { kind, text, line, col, endCol, spaceBefore, numberLength, value: undefined, range: undefined };
}

function pushInvalid(l: LogicalLine, line: number, col: number, endCol: number, text: string, message: string): void {
  l.tokens.push(token('invalid', text, line, col, endCol, false));
  l.errors.push({ line, col, endCol, message } satisfies LexError);
}

/** After a number: a glued unit suffix, continuing over `*`/`/` only into known unit atoms. */
function scanUnit(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (!(isLetter(c) || c === 37)) return k;
  UNIT_ATOM_RE.lastIndex = k;
  let m = UNIT_ATOM_RE.exec(text);
  if (!m) return k;
  k += m[0].length;
  // Keep any identifier characters glued on (`12abc_x`) inside the token, to report them once.
  while (k < text.length && /[A-Za-z0-9_]/.test(text[k])) k++;
  for (;;) {
    const op = text[k];
    if (op !== '*' && op !== '/') return k;
    UNIT_ATOM_RE.lastIndex = k + 1;
    m = UNIT_ATOM_RE.exec(text);
    if (!m) return k;
    const atom = m[0].replace(/\d+$/, '');
    const after = text.charCodeAt(k + 1 + m[0].length);
    if (!findUnitAtom(atom) || isIdentPart(after)) return k;
    k += 1 + m[0].length;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isIdentStart(c: number): boolean {
  return isLetter(c) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

export type { Comment };
