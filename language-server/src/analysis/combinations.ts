// Combinations by exact superposition of load-case results: node displacements, reactions and
// end forces are factored sums; diagrams are summed piecewise (diagram-combine.ts), so a
// combination's stations are the union of its cases' positions, each evaluated exactly.
import type { CaseData } from './case-data';
import { CaseDiagrams, DiagramView } from './diagram-store';
import { combineDiagrams, type DiagramTerm } from './diagram-combine';

export type { CaseData } from './case-data';

export function combineCases(
  name: string,
  type: 'ULS' | 'SLS',
  terms: { data: CaseData; factor: number }[],
  memberLengths: number[],
  nodeSlots: number,
): CaseData {
  const u = new Float64Array(nodeSlots);
  const reaction = new Float64Array(nodeSlots);
  const applied = new Float64Array(6);
  for (const { data, factor } of terms) {
    for (let k = 0; k < 6; k++) applied[k] += factor * data.applied[k];
    for (let k = 0; k < nodeSlots; k++) {
      u[k] += factor * data.u[k];
      reaction[k] += factor * data.reaction[k];
    }
  }
  const nMembers = memberLengths.length;
  const endForces = new Float64Array(12 * nMembers);
  const diagrams = new CaseDiagrams(nMembers, terms.length > 0 ? terms[0].data.diagrams.size : undefined);
  const diagramTerms: DiagramTerm[] = terms.map((t) => ({ view: new DiagramView(), factor: t.factor }));
  for (let m = 0; m < nMembers; m++) {
    // A member missing from any case (not analysed) is missing from the combination.
    let everywhere = true;
    for (const t of terms) if (!t.data.diagrams.has(m)) everywhere = false;
    if (!everywhere) continue;
    for (const { data, factor } of terms) {
      for (let k = 12 * m; k < 12 * m + 12; k++) endForces[k] += factor * data.endForces[k];
    }
    for (let i = 0; i < terms.length; i++) diagramTerms[i].view.on(terms[i].data.diagrams, m);
    combineDiagrams(diagramTerms, m, memberLengths[m], diagrams);
  }
  return { name, kind: 'combination', type, u, reaction, applied, endForces, diagrams };
}
