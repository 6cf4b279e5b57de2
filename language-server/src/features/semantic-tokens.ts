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

/** The LSP encoding (relative deltas, sorted, one span per token part) of a document's tokens. */
export function encodeSemanticTokens(tree: SyntaxTree, model: Model | undefined, uri: string): number[] {
  // References by position, so a name is coloured by what it resolved to.
  const refRoles = new RefRoles();
  if (model) {
    for (const r of model.refs) {
      if (r.uri === uri) refRoles.set(r.range.start.line, r.range.start.character, KIND_ROLE[r.target?.kind ?? r.kinds[0]]);
    }
  }

  // Spans are collected as absolute (line, start, length, type, modifiers) and made relative
  // at the end. Statements come in line order, and loose comments are merged in between.
  const out = new Spans();
  const roles = new Map<Token, Role>();
  const loose = tree.comments;
  let li = 0;
  const emit = (s: Statement) => {
    while (li < loose.length && loose[li].line < s.firstLine) pushComment(out, loose[li++]);
    roles.clear();
    assignRoles(s, roles);
    if (s.lastLine === s.firstLine) {
      statementSpans(s, refRoles, roles, out);
      // A comment runs to the end of its line, so on a one-line statement it comes last.
      for (const c of s.comments) pushComment(out, c);
    } else {
      const own = new Spans();
      statementSpans(s, refRoles, roles, own);
      for (const c of s.comments) pushComment(own, c);
      own.sortInto(out);
    }
  };
  for (const s of tree.statements) {
    emit(s);
    if (s.body) for (const inner of s.body) emit(inner);
    if (s.end) emit(s.end);
  }
  while (li < loose.length) pushComment(out, loose[li++]);
  return out.relative();
}

/** A flat list of absolute spans: line, start, length, type, modifiers. */
class Spans {
  readonly d: number[] = [];
  push(line: number, char: number, len: number, type: number, mods: number): void {
    this.d.push(line, char, len, type, mods);
  }
  sortInto(target: Spans): void {
    const order: number[] = [];
    for (let i = 0; i < this.d.length; i += 5) order.push(i);
    order.sort((a, b) => this.d[a] - this.d[b] || this.d[a + 1] - this.d[b + 1]);
    for (const i of order) target.push(this.d[i], this.d[i + 1], this.d[i + 2], this.d[i + 3], this.d[i + 4]);
  }
  relative(): number[] {
    const d = this.d;
    let prevLine = 0;
    let prevChar = 0;
    for (let i = 0; i < d.length; i += 5) {
      const line = d[i];
      const char = d[i + 1];
      d[i] = line - prevLine;
      d[i + 1] = line === prevLine ? char - prevChar : char;
      prevLine = line;
      prevChar = char;
    }
    return d;
  }
}

/** Roles of resolved references by position: per line, a short list of (column, role). */
class RefRoles {
  private readonly byLine: (Array<number | Role> | undefined)[] = [];
  set(line: number, col: number, role: Role): void {
    (this.byLine[line] ??= []).push(col, role);
  }
  get(line: number, col: number): Role | undefined {
    const list = this.byLine[line];
    if (!list) return undefined;
    for (let i = 0; i < list.length; i += 2) if (list[i] === col) return list[i + 1] as Role;
    return undefined;
  }
}

function pushComment(out: Spans, c: Comment): void {
  if (c.endCol > c.col) out.push(c.line, c.col, c.endCol - c.col, T.comment, 0);
}

/** The spans of one statement's tokens, in position order. */
function statementSpans(s: Statement, refRoles: RefRoles, roles: Map<Token, Role>, out: Spans): void {
  for (const t of s.tokens) {
    if (t.kind === 'ident') {
      const role = refRoles.get(t.line, t.col) ?? roles.get(t);
      if (role) out.push(t.line, t.col, t.endCol - t.col, role[0], role[1]);
    } else if (t.kind === 'number') {
      const n = t.numberLength ?? t.text.length;
      out.push(t.line, t.col, n, T.number, 0);
      if (n < t.text.length) out.push(t.line, t.col + n, t.text.length - n, T.macro, 0);
    } else if (t.kind === 'string') {
      out.push(t.line, t.col, t.endCol - t.col, T.string, 0);
    } else if (OPERATOR_KINDS.has(t.kind)) {
      out.push(t.line, t.col, 1, T.operator, 0);
    }
  }
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
