// Find all references: every place that names the declaration under the cursor, in every file
// of every model that contains the declaration's file.
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { NAMESPACE } from '../language/schema';
import type { Ref } from '../language/semantic/model';
import type { FeatureContext } from './context';
import { declarationAt, occurrencesOf } from './locate';

export function references(ctx: FeatureContext, p: ReferenceParams): Location[] {
  const at = declarationAt(ctx, p.textDocument.uri, p.position);
  if (!at) return [];
  let refs: Ref[];
  if (at.decl) {
    refs = occurrencesOf(ctx, at.decl, at.model).refs;
  } else {
    // A name that resolves to nothing: the other places that name it in vain.
    const ns = new Set(at.ref!.kinds.map((k) => NAMESPACE[k]));
    refs = at.model.refs.filter((r) => !r.target && r.name === at.name && r.kinds.some((k) => ns.has(NAMESPACE[k])));
  }
  const out: Location[] = [];
  if (at.decl && p.context?.includeDeclaration) out.push({ uri: at.decl.uri, range: at.decl.range });
  const seen = new Set<string>();
  for (const r of refs) {
    const key = `${r.uri}#${r.range.start.line}:${r.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ uri: r.uri, range: r.range });
  }
  return out;
}
