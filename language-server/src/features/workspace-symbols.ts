// Workspace symbols: the declarations of every known .struct file (open, or indexed at startup)
// whose name contains the query as a case-insensitive subsequence. Exact and prefix matches come
// first; the list is capped so a large workspace answers quickly.
import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { displayName } from '../language/semantic/includes';
import type { FeatureContext } from './context';
import { declaredName, SYMBOL_KINDS } from './document-symbols';

export const MAX_WORKSPACE_SYMBOLS = 300;

export function workspaceSymbols(ctx: FeatureContext, p: WorkspaceSymbolParams): SymbolInformation[] {
  const query = (p.query ?? '').toLowerCase();
  // Buckets by match quality: exact, prefix, substring, subsequence.
  const buckets: SymbolInformation[][] = [[], [], [], []];
  const uris = ctx.workspace.knownUris().sort();
  for (const uri of uris) {
    const doc = ctx.workspace.get(uri);
    if (!doc) continue;
    const container = displayName(uri);
    for (const s of doc.tree.statements) {
      const d = declaredName(s);
      if (!d) continue;
      const q = matchQuality(d.name.toLowerCase(), query);
      if (q < 0) continue;
      // Better matches can still arrive, so stop only when the best bucket alone is full.
      if (buckets[q].length >= MAX_WORKSPACE_SYMBOLS) continue;
      buckets[q].push({ name: d.name, kind: SYMBOL_KINDS[d.kind], location: { uri, range: d.range }, containerName: container });
    }
    if (buckets[0].length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return buckets.flat().slice(0, MAX_WORKSPACE_SYMBOLS);
}

/** 0 exact, 1 prefix, 2 substring, 3 subsequence, -1 no match. */
export function matchQuality(name: string, query: string): number {
  if (query === '') return 1;
  if (name === query) return 0;
  const at = name.indexOf(query);
  if (at === 0) return 1;
  if (at > 0) return 2;
  let i = 0;
  for (let k = 0; k < name.length && i < query.length; k++) if (name[k] === query[i]) i++;
  return i === query.length ? 3 : -1;
}
