// Finding what stands at a position: the declaration or reference under the cursor, the
// statement of a line, the token. Shared by hover, definition, references, rename, completion.
import type { Decl, Model, Ref } from '../language/semantic/model';
import { containsPosition, type Position } from '../language/syntax/range';
import type { Statement } from '../language/syntax/syntax-tree';
import type { Token } from '../language/syntax/tokens';
import type { FeatureContext } from './context';

export interface SymbolAt {
  /** The declaration named at the position (directly, or through a reference). */
  decl?: Decl;
  /** The reference under the cursor, if the position is on a reference. */
  ref?: Ref;
  /** The range of the name under the cursor. */
  range: { start: Position; end: Position };
  name: string;
}

export function symbolAt(model: Model, uri: string, pos: Position): SymbolAt | undefined {
  for (const d of model.decls) {
    if (d.uri === uri && containsPosition(d.range, pos)) return { decl: d, range: d.range, name: d.name };
  }
  for (const r of model.refs) {
    if (r.uri === uri && containsPosition(r.range, pos)) return { decl: r.target, ref: r, range: r.range, name: r.name };
  }
  return undefined;
}

/** Every reference to `decl` in the model (not the declaration itself). */
export function referencesTo(model: Model, decl: Decl): Ref[] {
  return model.refs.filter((r) => r.target === decl);
}

/** The statement (top-level or inside a load block) that covers a line. */
export function statementAt(ctx: FeatureContext, uri: string, line: number): { statement: Statement; parent?: Statement } | undefined {
  const doc = ctx.workspace.get(uri);
  if (!doc) return undefined;
  const stmts = doc.tree.statements;
  let lo = 0;
  let hi = stmts.length - 1;
  // Statements are in line order: binary search the last one starting at or before `line`.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stmts[mid].firstLine <= line) lo = mid;
    else hi = mid - 1;
  }
  const s = stmts[lo];
  if (!s || s.firstLine > line) return undefined;
  if (line <= s.lastLine) return { statement: s };
  if (s.body) {
    for (const inner of s.body) if (inner.firstLine <= line && line <= inner.lastLine) return { statement: inner, parent: s };
    if (s.end && s.end.firstLine === line) return { statement: s.end, parent: s };
  }
  return undefined;
}

/** The token of a statement at a position (the one the cursor touches, preferring the one it is in). */
export function tokenAt(s: Statement, pos: Position): Token | undefined {
  let touching: Token | undefined;
  for (const t of s.tokens) {
    if (t.line !== pos.line) continue;
    if (t.col <= pos.character && pos.character < t.endCol) return t;
    if (t.endCol === pos.character) touching = t;
  }
  return touching;
}
