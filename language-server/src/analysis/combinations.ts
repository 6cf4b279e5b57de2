// Combinations by exact superposition of load-case results: node displacements, reactions and
// end forces are factored sums; diagrams are summed piecewise (stations.ts combineDiagrams), so
// a combination's stations are the union of its cases' positions, each evaluated exactly.
import type { MemberDiagram } from './stations';
import { combineDiagrams } from './stations';

export interface CaseData {
  name: string;
  kind: 'load' | 'combination';
  type?: 'ULS' | 'SLS';
  /** Global node displacements, node*6 + k. */
  u: Float64Array;
  /** Support reactions, node*6 + k (meaningful on supported nodes). */
  reaction: Float64Array;
  /** Resultant of the applied loads about the origin (equilibrium.ts). */
  applied: Float64Array;
  /** Local end forces per member (null: member not analysed). */
  endForces: (Float64Array | null)[];
  diagrams: (MemberDiagram | null)[];
}

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
  const endForces = memberLengths.map((_, m) => {
    if (terms.some((t) => t.data.endForces[m] === null)) return null;
    const f = new Float64Array(12);
    for (const { data, factor } of terms) {
      const e = data.endForces[m]!;
      for (let k = 0; k < 12; k++) f[k] += factor * e[k];
    }
    return f;
  });
  const diagrams = memberLengths.map((L, m) => {
    if (terms.some((t) => t.data.diagrams[m] === null)) return null;
    return combineDiagrams(
      terms.map((t) => ({ diagram: t.data.diagrams[m]!, factor: t.factor })),
      L,
    );
  });
  return { name, kind: 'combination', type, u, reaction, applied, endForces, diagrams };
}
