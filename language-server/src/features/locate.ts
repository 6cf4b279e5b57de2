// Finding what stands at a position: the declaration or reference under the cursor, the
// statement of a line, the token. Shared by hover, definition, references, rename, completion.
import type { Decl, Model, Ref } from '../language/semantic/model';
import { statementSpec } from '../language/schema';
import { comparePositions, containsPosition, type Position } from '../language/syntax/range';
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

// ---- declarations across files and models (definition, references, rename) -----------------

/**
 * The root files whose models contain `uri`: every file that includes it (transitively) and
 * that nothing includes; `uri` itself when nothing includes it. A file shared by several models
 * is renamed and searched in all of them.
 */
export function rootsOf(ctx: FeatureContext, uri: string): string[] {
  const ws = ctx.workspace;
  const roots: string[] = [];
  const seen = new Set<string>([uri]);
  const queue = [uri];
  while (queue.length > 0) {
    const u = queue.shift()!;
    const parents = ws.includersOf(u);
    if (parents.length === 0) roots.push(u);
    for (const p of parents) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  // Only cycles above: fall back to the workspace's choice.
  if (roots.length === 0) roots.push(ws.rootOf(uri));
  return roots;
}

/**
 * The declaration named at a position in the document's model: on a declaration, on a
 * reference, or on the name of a duplicate declaration (which leads to the first one). `decl`
 * is undefined on a reference that resolves to nothing.
 */
export function declarationAt(ctx: FeatureContext, uri: string, pos: Position): (SymbolAt & { model: Model }) | undefined {
  if (!ctx.workspace.get(uri)) return undefined;
  const model = ctx.workspace.modelFor(uri);
  const at = symbolAt(model, uri, pos);
  if (at) return { ...at, model };
  const found = statementAt(ctx, uri, pos.line);
  const spec = found && statementSpec(found.statement.keyword.text);
  const slot = spec?.args[0]?.value;
  const e = found?.statement.args[0]?.items[0];
  if (!found || slot?.type !== 'decl' || e?.kind !== 'name' || !containsPosition(e.range, pos)) return undefined;
  const first = model.lookup(slot.kind, e.name);
  return first ? { decl: first, range: e.range, name: e.name, model } : undefined;
}

/** The same declaration as `decl` (same file, name and place) in another model. */
export function sameDecl(model: Model, decl: Decl): Decl | undefined {
  const d = model.lookup(decl.kind, decl.name);
  return d && d.uri === decl.uri && d.kind === decl.kind && comparePositions(d.range.start, decl.range.start) === 0 ? d : undefined;
}

/**
 * Every reference to `decl` in every model that contains its file, each place once, and the
 * models searched (those in which the declaration is the one that counts).
 */
export function occurrencesOf(ctx: FeatureContext, decl: Decl, home?: Model): { refs: Ref[]; models: Model[] } {
  const refs: Ref[] = [];
  const models: Model[] = [];
  const seen = new Set<string>();
  const roots = rootsOf(ctx, decl.uri);
  // The model the declaration was found in counts even when include cycles hide its root.
  if (home && !roots.includes(home.rootUri)) roots.unshift(home.rootUri);
  for (const root of roots) {
    const model = root === home?.rootUri ? home : ctx.workspace.model(root);
    const d = sameDecl(model, decl);
    if (!d || models.includes(model)) continue;
    models.push(model);
    for (const r of model.refs) {
      if (r.target !== d) continue;
      const key = `${r.uri}#${r.range.start.line}:${r.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      refs.push(r);
    }
  }
  return { refs, models };
}
