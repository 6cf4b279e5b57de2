// One case's part of the results document (results.ts) from its CaseData. The equilibrium is
// made at once; the node results and the member results (end forces, stations, extremes: tens
// of objects per member and case) when first read — see lazy-members.ts.
import type { AnalysisModel, Six } from './model-input';
import type { CaseResult, MemberResult, NodeResult } from './results';
import type { CaseData } from './case-data';
import type { DofMap } from './dof-map';
import { reactionResultant } from './equilibrium';
import { DiagramView } from './diagram-store';
import { diagramExtremes, stationsOf } from './stations';
import { lazyMembers, memberNames, type MemberNames } from './lazy-members';

/** x + 0 turns −0 into 0, so the document never shows "-0" and compares equal to 0. */
function six(a: Float64Array, o: number): Six {
  return [a[o] + 0, a[o + 1] + 0, a[o + 2] + 0, a[o + 3] + 0, a[o + 4] + 0, a[o + 5] + 0];
}

/** One literal: an array of exactly 12 unboxed doubles. */
function endForcesOf(F: Float64Array, o: number): number[] {
  return [
    F[o] + 0, F[o + 1] + 0, F[o + 2] + 0, F[o + 3] + 0, F[o + 4] + 0, F[o + 5] + 0,
    F[o + 6] + 0, F[o + 7] + 0, F[o + 8] + 0, F[o + 9] + 0, F[o + 10] + 0, F[o + 11] + 0,
  ];
}

const view = new DiagramView();

/** Member m's result in case d, as the document holds it. */
function memberResult(d: CaseData, m: number): MemberResult {
  view.on(d.diagrams, m);
  return { end_forces: endForcesOf(d.endForces, 12 * m), stations: stationsOf(view), extremes: diagramExtremes(view) };
}

/** The names of a model's nodes and members, made once per analysis for every case. */
export interface ResultNames {
  nodes: MemberNames;
  /** Every node is in every case's `nodes`. */
  allNodes: Uint8Array;
  members: MemberNames;
}

export function resultNames(model: AnalysisModel): ResultNames {
  return {
    nodes: memberNames(model.nodes.map((n) => n.name)),
    allNodes: new Uint8Array(model.nodes.length).fill(1),
    members: memberNames(model.members.map((m) => m.name)),
  };
}

export function caseResult(model: AnalysisModel, d: CaseData, dofs: DofMap, names: ResultNames): CaseResult {
  const nodes = lazyMembers(names.nodes, names.allNodes, (n): NodeResult => (dofs.supported[n] ? { u: six(d.u, n * 6), reaction: six(d.reaction, n * 6) } : { u: six(d.u, n * 6) }));
  const members = lazyMembers(names.members, d.present, (m) => memberResult(d, m));
  const reactions = reactionResultant(d.reaction, dofs.supported, model.nodes.map((n) => n.xyz));
  const out: CaseResult = { name: d.name, kind: d.kind, nodes, members, equilibrium: { applied: six(d.applied, 0), reactions: six(reactions, 0) } };
  if (d.kind === 'combination') out.type = d.type;
  return out;
}
