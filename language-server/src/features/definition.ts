// Go to definition: from a reference (or a declaration) to the declaration, across included
// files; from the path of an `include` to the included file.
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { resolveInclude } from '../language/semantic/includes';
import { containsPosition, type Position } from '../language/syntax/range';
import type { FeatureContext } from './context';
import { declarationAt, statementAt } from './locate';

export function definition(ctx: FeatureContext, p: DefinitionParams): Location | null {
  const uri = p.textDocument.uri;
  const included = includeTargetAt(ctx, uri, p.position);
  if (included) return { uri: included, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const at = declarationAt(ctx, uri, p.position);
  return at?.decl ? { uri: at.decl.uri, range: at.decl.range } : null;
}

/** The file named by the `include "path"` string at a position, when it exists. */
export function includeTargetAt(ctx: FeatureContext, uri: string, pos: Position): string | undefined {
  const found = statementAt(ctx, uri, pos.line);
  const s = found?.statement;
  if (!s || found.parent || s.keyword.text !== 'include') return undefined;
  const e = s.args[0]?.items[0];
  if (!e || e.kind !== 'string' || e.value === undefined || !containsPosition(e.range, pos)) return undefined;
  const res = resolveInclude(uri, e.value, ctx.workspace.root);
  return res.ok && ctx.workspace.get(res.uri) ? res.uri : undefined;
}
