// Where the cursor stands inside a statement: on the keyword, in the n-th positional slot, on an
// option's key or in its value (which list item), or in the expression of `let`/`combination`.
// Works on tokens, not on the parse tree, so a line being typed that does not parse yet is read
// the same way. Shared by completion, hover and signature help.
import { lex } from '../language/syntax/lexer';
import { splitWords } from '../language/syntax/parser';
import { TOP_KEYWORDS } from '../language/syntax/keywords';
import { ArgSpec, OptionSpec, StatementSpec, optionSpec, statementSpec } from '../language/schema';
import { comparePositions, type Position } from '../language/syntax/range';
import type { Comment, Token } from '../language/syntax/tokens';
import type { ParsedDocument } from '../language/workspace';
import type { FeatureContext } from './context';
import { statementAt } from './locate';

export type Place =
  | { kind: 'keyword' }
  /** The n-th positional argument (`local` not counted); `local` marks the place where `local` may stand. */
  | { kind: 'arg'; index: number; slot?: ArgSpec; local?: boolean; afterOption: boolean }
  | { kind: 'option'; key: string; spec?: OptionSpec; onKey: boolean; item: number }
  /** Between `let NAME` and its `=`. */
  | { kind: 'let-equals' }
  /** The value of `let`, the terms of `combination`. */
  | { kind: 'expression' };

export interface CursorContext {
  keyword: Token;
  spec?: StatementSpec;
  place: Place;
  /** Every token of the word at the cursor; empty when the cursor starts a new word. */
  word: Token[];
  /** The identifier, number or string the cursor is in or touches at its end. */
  token?: Token;
  /** Text of `token` up to the cursor ('' when there is none). */
  prefix: string;
  /** Positional words before the cursor's word (after the keyword, `local` included). */
  positional: string[];
  /** Option keys written on the line, except the one at the cursor. */
  usedOptions: string[];
  /** Items of the cursor's list before its item (`release_i=My,|` → ['My']). */
  listItems: string[];
}

const before = (a: Position, b: Position) => comparePositions(a, b) < 0;
const startOf = (t: Token): Position => ({ line: t.line, character: t.col });
const endOf = (t: Token): Position => ({ line: t.line, character: t.endCol });

export { splitWords };

const isOptionWord = (w: Token[]) => w[0]?.kind === 'ident' && w[1]?.kind === 'equals';

/** Reads the tokens of one statement (keyword first) against the cursor position. */
export function cursorContext(tokens: readonly Token[], pos: Position): CursorContext | undefined {
  const keyword = tokens[0];
  if (!keyword || keyword.kind !== 'ident') return undefined;
  const spec = statementSpec(keyword.text);
  const words = splitWords(tokens);
  // The word the cursor is in or touches; otherwise a new word starts at the cursor.
  let w = words.findIndex((ws) => !before(pos, startOf(ws[0])) && !before(endOf(ws[ws.length - 1]), pos));
  const word = w >= 0 ? words[w] : [];
  if (w < 0) w = words.filter((ws) => !before(pos, endOf(ws[ws.length - 1]))).length;
  const token = word.find((t) => before(startOf(t), pos) && !before(endOf(t), pos) && (t.kind === 'ident' || t.kind === 'number' || t.kind === 'string'));
  const prefix = token ? token.text.slice(0, pos.character - token.col) : '';
  const ctx: CursorContext = { keyword, spec, place: { kind: 'keyword' }, word, token, prefix, positional: [], usedOptions: [], listItems: [] };
  if (w === 0) return ctx;

  if (keyword.text === 'let') {
    const name = tokens[1];
    const eq = tokens[2];
    if (!name || !before(endOf(name), pos)) ctx.place = { kind: 'arg', index: 0, slot: spec?.args[0], afterOption: false };
    else if (eq?.kind === 'equals' && !before(pos, endOf(eq))) ctx.place = { kind: 'expression' };
    else ctx.place = { kind: 'let-equals' };
    if (name && ctx.place.kind !== 'arg') ctx.positional.push(name.text);
    return ctx;
  }

  const isCombination = keyword.text === 'combination';
  let sawOption = false;
  for (let k = 1; k < Math.min(w, words.length); k++) {
    const ws = words[k];
    if (isOptionWord(ws)) {
      ctx.usedOptions.push(ws[0].text);
      sawOption = true;
    } else if (!(isCombination && k >= 2)) ctx.positional.push(ws.map((t) => t.text).join(''));
  }
  for (let k = w + 1; k < words.length; k++) if (isOptionWord(words[k])) ctx.usedOptions.push(words[k][0].text);

  if (isOptionWord(word)) {
    const key = word[0].text;
    const onKey = !before(endOf(word[0]), pos);
    let item = 0;
    let itemStart = 2;
    let depth = 0;
    const items: string[] = [];
    if (!onKey) {
      for (let k = 2; k < word.length && before(startOf(word[k]), pos); k++) {
        const t = word[k];
        if (t.kind === 'lparen') depth++;
        if (t.kind === 'rparen') depth--;
        if (t.kind === 'comma' && depth === 0) {
          items.push(word.slice(itemStart, k).map((x) => x.text).join(''));
          item++;
          itemStart = k + 1;
        }
      }
    }
    ctx.listItems = items;
    ctx.place = { kind: 'option', key, spec: spec && optionSpec(spec, key), onKey, item };
    return ctx;
  }
  if (isCombination && w >= 2 && !sawOption) {
    ctx.place = { kind: 'expression' };
    return ctx;
  }
  // Items of a comma list in a positional slot (`x,y`) count like option list items.
  const commas = word.filter((t) => t.kind === 'comma' && before(startOf(t), pos));
  if (commas.length) {
    const last = commas[commas.length - 1];
    ctx.listItems = word.filter((t) => before(startOf(t), startOf(last))).map((t) => t.text).join('').split(',');
  }
  const index = ctx.positional.length;
  ctx.place = { kind: 'arg', index, ...slotAt(spec, ctx.positional, index), afterOption: sawOption };
  return ctx;
}

/** The slot of the positional argument `index`, skipping a `local` after a member load's target. */
export function slotAt(spec: StatementSpec | undefined, positional: readonly string[], index: number): { slot?: ArgSpec; local?: boolean } {
  if (!spec) return {};
  let i = index;
  if (spec.localFlag && index >= 1) {
    if (index === 1) return { local: true };
    if (positional[1] === 'local') i = index - 1;
  }
  const last = spec.args[spec.args.length - 1];
  const slot = spec.args[i] ?? (last?.repeat && i >= spec.args.length - 1 ? last : undefined);
  return { slot };
}

export interface LineTokens {
  tokens: Token[];
  comments: Comment[];
  /** The first physical line of the statement (more than one line with `\` continuations). */
  firstLine: number;
}

/**
 * The tokens of the logical line at `line`, lexed afresh from the document text so a line that
 * did not parse as a statement still has them.
 */
export function lineTokens(ctx: FeatureContext, doc: ParsedDocument, uri: string, line: number): LineTokens {
  const found = statementAt(ctx, uri, line);
  const first = found?.statement.firstLine ?? line;
  const last = found?.statement.lastLine ?? line;
  const text = doc.text.slice(doc.lines.lineStart(first), last + 1 < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length);
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  for (const l of lex(text)) {
    for (const t of l.tokens) tokens.push({ ...t, line: t.line + first });
    for (const c of l.comments) comments.push({ ...c, line: c.line + first });
  }
  return { tokens, comments, firstLine: first };
}

/**
 * True when `line` lies inside a `load … end` block. Read from the parse tree, but a line being
 * typed with an unknown keyword (which the parser takes for a top-level statement that closes
 * the block) does not end the block: only `end` or a known top-level keyword does.
 */
export function inLoadBlock(ctx: FeatureContext, uri: string, line: number): boolean {
  const doc = ctx.workspace.get(uri);
  if (!doc) return false;
  const own = statementAt(ctx, uri, line)?.statement;
  const limit = own ? own.firstLine : line;
  let inside = false;
  for (const s of doc.tree.statements) {
    if (s.firstLine >= limit) break;
    const kw = s.keyword.text;
    if (kw === 'load') inside = !(s.end && s.end.firstLine < limit);
    else if (kw === 'end' || (TOP_KEYWORDS as readonly string[]).includes(kw)) inside = false;
  }
  return inside;
}
