// Combinations by exact superposition of load-case results: node displacements, reactions and
// end forces are factored sums; diagrams are summed piecewise (diagram-combine.ts), so a
// combination's stations are the union of its cases' positions, each evaluated exactly.
import { CaseData } from './case-data';
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
  // A member missing from any case (not analysed) is missing from the combination.
  const present = new Uint8Array(nMembers).fill(1);
  for (const t of terms) for (let m = 0; m < nMembers; m++) present[m] &= t.data.present[m];
  const data: CaseData = new CaseData(name, 'combination', type, u, reaction, applied, present, {
    endForces: () => combinedEndForces(terms, present),
    diagrams: () => combinedDiagrams(terms, memberLengths, present),
  });
  return data;
}

/** Σ factor·end forces of every member present in all the terms. */
function combinedEndForces(terms: { data: CaseData; factor: number }[], present: Uint8Array): Float64Array {
  const endForces = new Float64Array(12 * present.length);
  const termForces = terms.map((t) => t.data.endForces);
  for (let m = 0; m < present.length; m++) {
    if (!present[m]) continue;
    for (let i = 0; i < terms.length; i++) {
      const f = termForces[i];
      const factor = terms[i].factor;
      for (let k = 12 * m; k < 12 * m + 12; k++) endForces[k] += factor * f[k];
    }
  }
  return endForces;
}

/** The combination's diagrams: Σ factor·diagram of every member present in all its terms. */
function combinedDiagrams(terms: { data: CaseData; factor: number }[], memberLengths: number[], present: Uint8Array): CaseDiagrams {
  // Every term's diagrams first: building them must not interleave with combining.
  const termDiagrams = terms.map((t) => t.data.diagrams);
  const diagrams = new CaseDiagrams(memberLengths.length, terms.length > 0 ? termDiagrams[0].size : undefined);
  const diagramTerms: DiagramTerm[] = terms.map((t) => ({ view: new DiagramView(), factor: t.factor }));
  for (let m = 0; m < memberLengths.length; m++) {
    if (!present[m]) continue;
    for (let i = 0; i < terms.length; i++) diagramTerms[i].view.on(termDiagrams[i], m);
    combineDiagrams(diagramTerms, m, memberLengths[m], diagrams);
  }
  return diagrams;
}
