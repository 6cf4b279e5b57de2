// Semantic tokens: every token of a document classified from the parse tree and the model, so
// a name is coloured by what it is (a node, a section, a load case…), not by where it stands.
//
// Only standard LSP token types and modifiers are used, so every VS Code theme colours them:
//   keyword     statement keywords (node, member, load, end, selfweight…) and the `local` flag
//   type        sections and materials; catalogue designations and grades (+defaultLibrary)
//   class       members and groups
//   variable    nodes; `let` constants (+readonly); `L` in a deflection limit (+readonly +defaultLibrary)
//   enumMember  enum words: fixed, pinned, x…rz, hinge=i|j|both, My, truss, permanent, rect, stress…
//   event       load cases and combinations
//   parameter   option keys (E=, hinge=, Fz=…)
//   number      the numeric part of a number
//   macro       units: the suffix of a number (`kN/m` in `5kN/m`) and the words of `units kN m`
//   operator    = + - * /
//   string      strings (and bare words given as meta values)
//   comment     comments
// Modifiers: declaration (the name a statement declares), readonly (constants), defaultLibrary
// (built-in names: catalogue sections, material grades, `L`).
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import { statementSpec, optionSpec, type DeclKind, type ValueSpec } from '../language/schema';
import type { Model } from '../language/semantic/model';
import type { Expr, Statement, SyntaxTree } from '../language/syntax/syntax-tree';
import type { Comment, Token } from '../language/syntax/tokens';
import type { FeatureContext } from './context';

const TOKEN_TYPES = ['keyword', 'type', 'class', 'variable', 'enumMember', 'event', 'parameter', 'number', 'operator', 'string', 'comment', 'macro'] as const;
const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const DECLARATION = 1;
const READONLY = 2;
const DEFAULT_LIBRARY = 4;

/** A token's class: [type index, modifier bits]. */
type Role = readonly [number, number];

const KIND_ROLE: Record<DeclKind, Role> = {
  node: [T.variable, 0],
  material: [T.type, 0],
  section: [T.type, 0],
  member: [T.class, 0],
  group: [T.class, 0],
  load: [T.event, 0],
  combination: [T.event, 0],
  constant: [T.variable, READONLY],
};
const KEYWORD: Role = [T.keyword, 0];
const PARAMETER: Role = [T.parameter, 0];
const ENUM: Role = [T.enumMember, 0];
const UNIT: Role = [T.macro, 0];
const LIBRARY: Role = [T.type, DEFAULT_LIBRARY];
const SPAN: Role = [T.variable, READONLY | DEFAULT_LIBRARY];
const TEXT: Role = [T.string, 0];

const OPERATOR_KINDS = new Set(['equals', 'plus', 'minus', 'star', 'slash']);

export function semanticTokens(ctx: FeatureContext, p: SemanticTokensParams): SemanticTokens {
  const doc = ctx.workspace.get(p.textDocument.uri);
  if (!doc) return { data: [] };
  let model: Model | undefined;
  try {
    model = ctx.workspace.modelFor(p.textDocument.uri);
  } catch {
    model = undefined; // syntax-only colouring is better than none
  }
  return { data: encodeSemanticTokens(doc.tree, model, p.textDocument.uri) };
}

/** One classified span: line, start, length, type, modifiers. */
type Span = [number, number, number, number, number];

/** The LSP encoding (relative deltas, sorted, one span per token part) of a document's tokens. */
export function encodeSemanticTokens(tree: SyntaxTree, model: Model | undefined, uri: string): number[] {
  // References by position, so a name is coloured by what it resolved to.
  const refRoles = new Map<number, Role>();
  if (model) {
    for (const r of model.refs) {
      if (r.uri !== uri) continue;
      const kind = r.target?.kind ?? r.kinds[0];
      refRoles.set(key(r.range.start.line, r.range.start.character), KIND_ROLE[kind]);
    }
  }

  const spans: Span[] = [];
  const loose = tree.comments;
  let li = 0;
  const flushCommentsBefore = (line: number) => {
    while (li < loose.length && loose[li].line < line) pushComment(spans, loose[li++]);
  };
  const emit = (s: Statement) => {
    flushCommentsBefore(s.firstLine);
    statementSpans(s, refRoles, spans);
  };
  for (const s of tree.statements) {
    emit(s);
    if (s.body) for (const inner of s.body) emit(inner);
    if (s.end) emit(s.end);
  }
  flushCommentsBefore(Number.POSITIVE_INFINITY);

  const data: number[] = new Array(spans.length * 5);
  let prevLine = 0;
  let prevChar = 0;
  let k = 0;
  for (const [line, char, len, type, mods] of spans) {
    data[k++] = line - prevLine;
    data[k++] = line === prevLine ? char - prevChar : char;
    data[k++] = len;
    data[k++] = type;
    data[k++] = mods;
    prevLine = line;
    prevChar = char;
  }
  return data;
}

function key(line: number, col: number): number {
  return line * 4294967296 + col;
}

function pushComment(spans: Span[], c: Comment): void {
  if (c.endCol > c.col) spans.push([c.line, c.col, c.endCol - c.col, T.comment, 0]);
}

/** The spans of one statement (its tokens and comments), in position order. */
function statementSpans(s: Statement, refRoles: Map<number, Role>, spans: Span[]): void {
  const roles = new Map<Token, Role>();
  assignRoles(s, roles);
  const own: Span[] = [];
  for (const t of s.tokens) {
    if (t.kind === 'ident') {
      const role = refRoles.get(key(t.line, t.col)) ?? roles.get(t);
      if (role) own.push([t.line, t.col, t.endCol - t.col, role[0], role[1]]);
    } else if (t.kind === 'number') {
      const n = t.numberLength ?? t.text.length;
      own.push([t.line, t.col, n, T.number, 0]);
      if (n < t.text.length) own.push([t.line, t.col + n, t.text.length - n, T.macro, 0]);
    } else if (t.kind === 'string') {
      own.push([t.line, t.col, t.endCol - t.col, T.string, 0]);
    } else if (OPERATOR_KINDS.has(t.kind)) {
      own.push([t.line, t.col, 1, T.operator, 0]);
    }
  }
  for (const c of s.comments) if (c.endCol > c.col) own.push([c.line, c.col, c.endCol - c.col, T.comment, 0]);
  // Comments come after the tokens of their line; only `\` continued statements need a sort.
  if (s.lastLine > s.firstLine || s.comments.length > 0) own.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const sp of own) spans.push(sp);
}

/** Roles of the identifiers of a statement, from the schema slot each one stands in. */
function assignRoles(s: Statement, roles: Map<Token, Role>): void {
  const kw = s.keyword.text;
  const spec = statementSpec(kw);
  if (!spec) return;
  roles.set(s.keyword, KEYWORD);
  let slot = 0;
  for (let k = 0; k < s.args.length; k++) {
    const a = s.args[k];
    if (spec.localFlag && k === 1 && a.items.length === 1 && a.items[0].kind === 'name' && a.items[0].name === 'local') {
      roles.set(a.items[0].token, KEYWORD);
      continue;
    }
    const argSpec = spec.args[slot];
    if (!argSpec) break;
    for (const item of a.items) valueRoles(item, argSpec.value, roles);
    if (!argSpec.repeat) slot++;
  }
  for (const o of s.options) {
    roles.set(o.key, PARAMETER);
    const os = spec.freeOptions ? ({ type: 'text' } as const) : optionSpec(spec, o.key.text)?.value;
    if (o.value && os) for (const item of o.value.items) valueRoles(item, os, roles);
  }
  if (s.expression) valueRoles(s.expression, kw === 'combination' ? { type: 'ref', kinds: ['load', 'combination'] } : { type: 'position' }, roles);
}

function valueRoles(e: Expr, spec: ValueSpec, roles: Map<Token, Role>): void {
  switch (e.kind) {
    case 'name':
      roles.set(e.token, nameRole(e.name, spec));
      return;
    case 'paren':
      return valueRoles(e.expr, spec, roles);
    case 'unary':
      return valueRoles(e.operand, spec, roles);
    case 'binary':
      valueRoles(e.left, spec, roles);
      valueRoles(e.right, spec, roles);
      return;
    default:
      return;
  }
}

/** The role of a name in a slot (references resolved by the model take precedence). */
function nameRole(name: string, spec: ValueSpec): Role {
  switch (spec.type) {
    case 'decl': {
      const [type, mods] = KIND_ROLE[spec.kind];
      return [type, mods | DECLARATION];
    }
    case 'ref':
      return KIND_ROLE[spec.kinds[0]];
    case 'enum':
      return ENUM;
    case 'unit':
      return UNIT;
    case 'catalog':
    case 'grade':
      return LIBRARY;
    case 'text':
      return TEXT;
    case 'deflection-limit':
      return name === 'L' ? SPAN : KIND_ROLE.constant;
    default:
      // Names inside quantities are constants.
      return KIND_ROLE.constant;
  }
}
