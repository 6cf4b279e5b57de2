// What the 3D view fetches of the results instead of the whole document: an index (every case's
// name and kind, the checks it colours members by, the diagnostics — no per-node or per-member
// data) and then one case at a time (struktur/resultsIndex, struktur/caseResults). The view
// shows one case or combination; a 10k-member frame's document with four cases is over a hundred
// megabytes of JSON, one case a quarter of it. Pure and type-only in its imports, so the server
// builds it and the webview reads its types.
import type { CaseResult, CheckResult, ResultDiagnostic, ResultsDocument } from '../analysis/results';

/** A case or combination of the results, without its nodes and members. */
export interface CaseSummary {
  name: string;
  kind: 'load' | 'combination';
  type?: 'ULS' | 'SLS';
}

/** What the view reads of a check: the utilisation colours (member, combination, ratio) and the
 * hover's governing line (check, ok). */
export type ViewCheck = Pick<CheckResult, 'check' | 'member' | 'combination' | 'ratio' | 'ok'>;

/** The results document without its cases' nodes and members. */
export interface ResultsIndex {
  /** Names this results document within the server's run (a new analysis, new diagnostics: a
   * new id). A case fetched for one id belongs to that index and to no other. */
  id: string;
  model: string;
  source: string;
  dofs: number;
  cases: CaseSummary[];
  checks: ViewCheck[];
  diagnostics: ResultDiagnostic[];
}

/** The index of `doc`, named `id`. Reads no case's `nodes` or `members` (the engine builds a
 * case's member records only when they are read). */
export function resultsIndex(doc: ResultsDocument, id: string): ResultsIndex {
  return {
    id,
    model: doc.model,
    source: doc.source,
    dofs: doc.dofs,
    cases: doc.cases.map((c) => (c.type ? { name: c.name, kind: c.kind, type: c.type } : { name: c.name, kind: c.kind })),
    checks: doc.checks.map((c) => ({ check: c.check, member: c.member, combination: c.combination, ratio: c.ratio, ok: c.ok })),
    diagnostics: doc.diagnostics,
  };
}

/** The case or combination `name` of `doc` as it is there (the same object), or null. */
export function caseOf(doc: ResultsDocument, name: string): CaseResult | null {
  return doc.cases.find((c) => c.name === name) ?? null;
}

/** Whether the index has results for `name`. */
export function indexHasCase(index: ResultsIndex | null | undefined, name: string | undefined): boolean {
  return !!index && name !== undefined && index.cases.some((c) => c.name === name);
}
