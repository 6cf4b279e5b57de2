// The parser: logical lines → statements, with `load … end` blocks. It knows only the shape of a
// statement (keyword, positional arguments, options, and the two statements whose expression may
// hold spaces: `let` and `combination`); what the arguments mean is checked later against the
// schema. Each logical line is parsed on its own, so an error never spreads past its line.
import { lex } from './lexer';
import type { Range } from './range';
import type { ArgValue, Expr, OptionArg, Statement, SyntaxError, SyntaxTree } from './syntax-tree';
import type { LogicalLine, Token } from './tokens';
import { LOAD_BODY_KEYWORDS, TOP_KEYWORDS } from './keywords';

export const SYNTAX_CODES = {
  syntax: 'S1001',
  unterminatedString: 'S1002',
  missingEnd: 'S1004',
  expression: 'S1009',
} as const;

export function parse(text: string, firstLine = 0): SyntaxTree {
  const lines = lex(text, firstLine);
  const errors: SyntaxError[] = [];
  const statements: Statement[] = [];
  const looseComments = [];
  let openLoad: Statement | undefined;
  const nextBlockWord = blockWordsAhead(lines);

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    for (const e of line.errors) {
      errors.push({
        range: tokenRangeOf(e.line, e.col, e.endCol),
        message: e.message,
        code: e.message.startsWith('Unterminated') ? SYNTAX_CODES.unterminatedString : SYNTAX_CODES.syntax,
      });
    }
    if (line.tokens.length === 0) {
      looseComments.push(...line.comments);
      continue;
    }
    const stmt = parseStatement(line, errors, line.errors.length > 0);
    if (!stmt) {
      looseComments.push(...line.comments);
      continue;
    }
    const kw = stmt.keyword.text;
    if (openLoad) {
      if (kw === 'end') {
        openLoad.end = stmt;
        openLoad.range = { start: openLoad.range.start, end: stmt.range.end };
        openLoad = undefined;
        continue;
      }
      // Inside a block stay its own statements, misspelt keywords, and top-level statements that
      // an `end` follows before the next `load` (a misplaced line, reported where it stands).
      if (LOAD_BODY_KEYWORDS.has(kw) || !KNOWN_KEYWORDS.has(kw) || (kw !== 'load' && nextBlockWord[li] === 'end')) {
        openLoad.body!.push(stmt);
        continue;
      }
      // A top-level statement inside a load block: the block was not closed. Report once, at
      // the `load` line, and carry on at top level.
      errors.push({
        range: keywordRange(openLoad),
        message: `load ${openLoad.args[0]?.tokens[0]?.text ?? ''} is not closed: add "end" before line ${stmt.firstLine + 1}`.replace('  ', ' '),
        code: SYNTAX_CODES.missingEnd,
      });
      openLoad = undefined;
    }
    if (kw === 'load') {
      stmt.body = [];
      openLoad = stmt;
    }
    statements.push(stmt);
  }
  if (openLoad) {
    errors.push({
      range: keywordRange(openLoad),
      message: `load ${openLoad.args[0]?.tokens[0]?.text ?? ''} is not closed: add "end" at the end of the block`.replace('  ', ' '),
      code: SYNTAX_CODES.missingEnd,
    });
  }
  return { statements, comments: looseComments, errors, lineCount: lines.length === 0 ? 1 : lines[lines.length - 1].lastLine + 1 };
}

const KNOWN_KEYWORDS: ReadonlySet<string> = new Set([...TOP_KEYWORDS, ...LOAD_BODY_KEYWORDS, 'end']);

/** For each logical line, whether the next `end` or `load` keyword after it is `end`. */
function blockWordsAhead(lines: LogicalLine[]): ('end' | 'load' | undefined)[] {
  const out = new Array<'end' | 'load' | undefined>(lines.length);
  let next: 'end' | 'load' | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    out[i] = next;
    const t = lines[i].tokens[0];
    if (t && t.kind === 'ident' && (t.text === 'end' || t.text === 'load')) next = t.text;
  }
  return out;
}

function keywordRange(s: Statement): Range {
  return tokenRange(s.keyword);
}

export function tokenRange(t: Token): Range {
  return (t.range ??= tokenRangeOf(t.line, t.col, t.endCol));
}

function tokenRangeOf(line: number, col: number, endCol: number): Range {
  return { start: { line, character: col }, end: { line, character: endCol } };
}

function spanTokens(a: Token, b: Token): Range {
  if (a === b) return tokenRange(a);
  return { start: { line: a.line, character: a.col }, end: { line: b.line, character: b.endCol } };
}

function parseStatement(line: LogicalLine, errors: SyntaxError[], lexFailed: boolean): Statement | undefined {
  const tokens = line.tokens;
  const kw = tokens[0];
  if (kw.kind !== 'ident') {
    if (!lexFailed || kw.kind !== 'invalid') {
      errors.push({ range: tokenRange(kw), message: `Expected a statement keyword (node, member, load, …), got "${kw.text}"`, code: SYNTAX_CODES.syntax });
    }
    return undefined;
  }
  const stmt: Statement = {
    keyword: kw,
    tokens,
    args: [],
    options: [],
    range: spanTokens(kw, tokens[tokens.length - 1]),
    comments: line.comments,
    firstLine: line.firstLine,
    lastLine: line.lastLine,
  };
  const report = (range: Range, message: string, code: string = SYNTAX_CODES.syntax) => {
    // One diagnostic per statement: the first problem is the one worth fixing.
    if (!reported) errors.push({ range, message, code });
    reported = true;
  };
  // A misspelt keyword gets one diagnostic (from the semantic layer); its arguments are not judged.
  let reported = lexFailed || !KNOWN_KEYWORDS.has(kw.text);
  const rest = tokens.slice(1);
  if (kw.text === 'let') parseLet(stmt, rest, report);
  else if (kw.text === 'combination') parseCombination(stmt, rest, report);
  else parseWords(stmt, rest, report);
  return stmt;
}

type Report = (range: Range, message: string, code?: string) => void;

function parseLet(stmt: Statement, tokens: Token[], report: Report): void {
  if (tokens.length === 0) return report(tokenRange(stmt.keyword), 'let needs a name and a value: let NAME = VALUE');
  const name = tokens[0];
  stmt.args.push({ range: tokenRange(name), items: [nameOrError(name, report)], tokens: [name] });
  if (tokens.length < 2 || tokens[1].kind !== 'equals') {
    return report(tokens.length < 2 ? tokenRange(name) : tokenRange(tokens[1]), `Expected "=" after let ${name.text}`);
  }
  if (tokens.length < 3) return report(tokenRange(tokens[1]), `Expected a value after "let ${name.text} ="`);
  stmt.expression = parseExpressionTokens(tokens.slice(2), report);
}

function parseCombination(stmt: Statement, tokens: Token[], report: Report): void {
  if (tokens.length === 0) return;
  const name = tokens[0];
  stmt.args.push({ range: tokenRange(name), items: [nameOrError(name, report)], tokens: [name] });
  const k = optionsStart(tokens, 1);
  if (k > 1) stmt.expression = parseExpressionTokens(tokens.slice(1, k), report);
  parseWords(stmt, tokens.slice(k), report, true);
}

/** Where the options of a combination begin: the first `key=` word at or after `from`. */
export function optionsStart(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length && !(tokens[k].kind === 'ident' && tokens[k].spaceBefore && tokens[k + 1]?.kind === 'equals' && !tokens[k + 1].spaceBefore)) k++;
  return k;
}

function nameOrError(t: Token, report: Report): Expr {
  const range = tokenRange(t);
  if (t.kind === 'ident') return { kind: 'name', range, token: t, name: t.text };
  report(range, `Expected a name, got "${t.text}"`);
  return { kind: 'error', range };
}

/** Groups tokens into whitespace-separated words (parentheses may hold spaces). */
export function splitWords(tokens: readonly Token[]): Token[][] {
  const words: Token[][] = [];
  let depth = 0;
  for (const t of tokens) {
    if (words.length === 0 || (t.spaceBefore && depth === 0)) words.push([t]);
    else words[words.length - 1].push(t);
    if (t.kind === 'lparen') depth++;
    if (t.kind === 'rparen' && depth > 0) depth--;
  }
  return words;
}

function parseWords(stmt: Statement, tokens: Token[], report: Report, optionsOnly = false): void {
  const words = splitWords(tokens);
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const first = word[0];
    if (first.kind === 'ident' && word[1]?.kind === 'equals') {
      const valueTokens = word.slice(2);
      const opt: OptionArg = { key: first, value: undefined, range: spanTokens(first, word[word.length - 1]) };
      if (valueTokens.length === 0) report(spanTokens(first, word[1]), `Expected a value after "${first.text}="`);
      else opt.value = parseList(valueTokens, report);
      stmt.options.push(opt);
      continue;
    }
    // `key = value` written with spaces: one diagnostic at the "=", and read as meant.
    const next = words[w + 1];
    if (word.length === 1 && first.kind === 'ident' && next?.[0].kind === 'equals') {
      report(tokenRange(next[0]), 'Write options as key=value, with no spaces around "="');
      const valueTokens = next.length > 1 ? next.slice(1) : words[w + 2] ?? [];
      const last = valueTokens[valueTokens.length - 1] ?? next[0];
      stmt.options.push({ key: first, value: valueTokens.length ? parseList(valueTokens, () => undefined) : undefined, range: spanTokens(first, last) });
      w += next.length > 1 ? 1 : 2;
      continue;
    }
    if (first.kind === 'equals') {
      report(spanTokens(first, word[word.length - 1]), 'Write options as key=value, with no spaces around "="');
      continue;
    }
    if (optionsOnly || stmt.options.length > 0) {
      // Positional arguments come first; one written after an option is reported, and still
      // read in its place so the statement means what was meant.
      report(spanTokens(first, word[word.length - 1]), `Expected key=value, got "${word.map((t) => t.text).join('')}"`);
      if (!optionsOnly) stmt.args.push({ ...parseList(word, () => undefined), misplaced: true });
      continue;
    }
    stmt.args.push(parseList(word, report));
  }
}

function parseList(tokens: Token[], report: Report): ArgValue {
  // Most arguments are one token (a name or a number): no expression machinery needed.
  if (tokens.length === 1) {
    const t = tokens[0];
    const single = singleTokenExpr(t);
    if (single) return { range: single.range, items: [single], tokens };
  }
  const items: Expr[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t && t.kind === 'lparen') depth++;
    if (t && t.kind === 'rparen') depth--;
    if (i === tokens.length || (t.kind === 'comma' && depth === 0)) {
      const part = tokens.slice(start, i);
      if (part.length === 0) {
        const at = tokens[Math.min(i, tokens.length - 1)];
        report(tokenRange(at), 'Empty item in a list: remove the extra ","');
        items.push({ kind: 'error', range: tokenRange(at) });
      } else {
        items.push(parseExpressionTokens(part, report));
      }
      start = i + 1;
    }
  }
  return { range: spanTokens(tokens[0], tokens[tokens.length - 1]), items, tokens };
}

function singleTokenExpr(t: Token): Expr | undefined {
  if (t.kind === 'ident') return { kind: 'name', range: tokenRange(t), token: t, name: t.text };
  if (t.kind === 'number') return numberExpr(t);
  if (t.kind === 'string') return { kind: 'string', range: tokenRange(t), token: t, value: t.value };
  return undefined;
}

function numberExpr(t: Token): Expr {
  const n = t.numberLength!;
  const range = tokenRange(t);
  if (n === t.text.length) return { kind: 'number', range, token: t, value: Number(t.text) };
  return {
    kind: 'number', range, token: t, value: Number(t.text.slice(0, n)), unitText: t.text.slice(n),
    unitRange: { start: { line: t.line, character: t.col + n }, end: range.end },
  };
}

/** Recursive descent over + - * / and parentheses; the whole token slice must be consumed. */
export function parseExpressionTokens(tokens: Token[], report: Report): Expr {
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (t: Token | undefined, message: string): Expr => {
    const at = t ?? tokens[tokens.length - 1];
    const range = t ? tokenRange(at) : { start: { line: at.line, character: at.endCol }, end: { line: at.line, character: at.endCol } };
    report(range, message, SYNTAX_CODES.expression);
    return { kind: 'error', range: spanTokens(tokens[0], tokens[tokens.length - 1]) };
  };

  const primary = (): Expr => {
    const t = peek();
    if (!t) return fail(undefined, 'Expected a value at the end of the expression');
    if (t.kind === 'number') {
      pos++;
      return numberExpr(t);
    }
    if (t.kind === 'ident') {
      pos++;
      return { kind: 'name', range: tokenRange(t), token: t, name: t.text };
    }
    if (t.kind === 'string') {
      pos++;
      return { kind: 'string', range: tokenRange(t), token: t, value: t.value };
    }
    if (t.kind === 'lparen') {
      pos++;
      const inner = additive();
      if (inner.kind === 'error') return inner;
      const close = peek();
      if (!close || close.kind !== 'rparen') return fail(close, 'Expected ")"');
      pos++;
      return { kind: 'paren', range: spanTokens(t, close), expr: inner };
    }
    if (t.kind === 'minus' || t.kind === 'plus') {
      pos++;
      const operand = primary();
      if (operand.kind === 'error') return operand;
      return { kind: 'unary', range: { start: tokenRange(t).start, end: operand.range.end }, op: t.kind === 'minus' ? '-' : '+', operand };
    }
    return fail(t, `Expected a number, a name or "(", got "${t.text}"`);
  };

  const multiplicative = (): Expr => {
    let left = primary();
    while (left.kind !== 'error') {
      const t = peek();
      if (!t || (t.kind !== 'star' && t.kind !== 'slash')) break;
      pos++;
      const right = primary();
      if (right.kind === 'error') return right;
      left = { kind: 'binary', op: t.kind === 'star' ? '*' : '/', left, right, range: { start: left.range.start, end: right.range.end } };
    }
    return left;
  };

  const additive = (): Expr => {
    let left = multiplicative();
    while (left.kind !== 'error') {
      const t = peek();
      if (!t || (t.kind !== 'plus' && t.kind !== 'minus')) break;
      pos++;
      const right = multiplicative();
      if (right.kind === 'error') return right;
      left = { kind: 'binary', op: t.kind === 'plus' ? '+' : '-', left, right, range: { start: left.range.start, end: right.range.end } };
    }
    return left;
  };

  const e = additive();
  if (e.kind !== 'error' && pos < tokens.length) {
    const t = tokens[pos];
    return fail(t, t.kind === 'rparen' ? 'Unmatched ")"' : `Unexpected "${t.text}" in expression`);
  }
  return e;
}
