// The analysis engine's entry point: linear static analysis of a 3D frame for every load case,
// combinations by superposition, design checks. Input and output are plain data
// (model-input.ts, results.ts); problems are returned by index for the caller to place in the
// source.
//
// Documented extensions and choices:
//  - Problems include 'invalid-load' (see problems.ts) besides the kinds of the brief.
//  - With a mechanism the results carry no cases and no checks (nothing meaningful can be
//    computed); member-unstable, missing-weight and ill-conditioned leave results in place.
//  - A check with an empty member list checks every member; an empty combination list checks
//    every combination (every load case when the model has none). Names in a check may be load
//    cases or combinations.
import type { AnalysisModel, AnalysisOptions, Six, Vec3 } from './model-input';
import { appliedResultant, reactionResultant } from './equilibrium';
import type { CaseResult, CheckResult, MemberResult, NodeResult, ResultsDocument } from './results';
import type { AnalysisProblem } from './problems';
import { prepareMember, type PreparedMember } from './member-model';
import { buildDofMap, RESTRAINED, type DofMap } from './dof-map';
import { assembleCase, assembleStiffness, type CaseLoads } from './assembly';
import { denseFactorize, DEFAULT_PIVOT_TOLERANCE } from './dense-reference';
import type { Factorize } from './solver';
import { relativeResidual } from './solver';
import { factorize } from './sparse';
import { transformBlocks } from './local-axes';
import { buildDiagram, diagramExtremes, stationsOf, type MemberDiagram } from './stations';
import { combineCases, type CaseData } from './combinations';
import { maxDeflection, maxStress } from './checks';
import { describeMechanisms } from './instability';

export type { AnalysisProblem } from './problems';

export interface AnalysisOutcome {
  /** With `diagnostics: []`: the caller maps `problems` to source ranges. */
  results: ResultsDocument;
  problems: AnalysisProblem[];
  stats: { dofs: number; nnzK: number; factorMs: number; solveMs: number; residual: number };
}

export const DEFAULT_RESIDUAL_TOLERANCE = 1e-8;

function chooseFactorize(options: AnalysisOptions): Factorize {
  return options.solver === 'dense' ? denseFactorize : sparseFactorize;
}

const sparseFactorize: Factorize = (A, options) => factorize(A, options);

export function analyze(model: AnalysisModel, options: AnalysisOptions = {}): AnalysisOutcome {
  const problems: AnalysisProblem[] = [];
  const members = model.members.map((m, k) =>
    prepareMember(k, m, model.nodes[m.i].xyz, model.nodes[m.j].xyz, options.shearDeformation === true),
  );
  for (const m of members) {
    if (m.unstable) problems.push({ kind: 'member-unstable', member: m.index, message: `Member ${m.input.name} is unstable by itself: ${m.unstable}` });
  }
  const dofs = buildDofMap(model, (k) => members[k].usable);
  const K = assembleStiffness(members, dofs);
  const results: ResultsDocument = {
    format: 'struktur-results/1',
    model: model.title,
    source: model.source,
    dofs: dofs.nFree,
    cases: [],
    checks: [],
    diagnostics: [],
  };
  const stats = { dofs: dofs.nFree, nnzK: K.rowIdx.length, factorMs: 0, solveMs: 0, residual: 0 };

  // Loads first: their problems are worth reporting even when the structure is a mechanism.
  const missingWeight = new Set<number>();
  const caseLoads = model.loadCases.map((c) => assembleCase(model, c, members, dofs, problems, missingWeight));
  for (const m of [...missingWeight].sort((a, b) => a - b)) {
    problems.push({ kind: 'missing-weight', member: m, message: `Selfweight on ${model.members[m].name}: its material has neither weight= nor density=` });
  }

  const t0 = performance.now();
  const factor = chooseFactorize(options)(K, { pivotTolerance: options.pivotTolerance ?? DEFAULT_PIVOT_TOLERANCE });
  stats.factorMs = performance.now() - t0;
  if (factor.zeroPivots.length > 0) {
    problems.push(...describeMechanisms(model, dofs, members, factor.zeroPivots));
    return { results, problems, stats };
  }
  const t1 = performance.now();
  const solutions = caseLoads.length > 0 ? factor.solveMany(caseLoads.map((c) => c.rhs)) : [];
  stats.solveMs = performance.now() - t1;
  caseLoads.forEach((c, k) => {
    stats.residual = Math.max(stats.residual, relativeResidual(K, solutions[k], c.rhs));
  });
  const tolerance = options.residualTolerance ?? DEFAULT_RESIDUAL_TOLERANCE;
  if (stats.residual > tolerance) {
    problems.push({
      kind: 'ill-conditioned',
      residual: stats.residual,
      message: `The stiffness system is ill-conditioned: relative residual ${stats.residual.toExponential(2)} (tolerance ${tolerance.toExponential(0)}); results may be inaccurate`,
    });
  }

  const data = new Map<string, CaseData>();
  const xyz = model.nodes.map((n) => n.xyz);
  caseLoads.forEach((c, k) => data.set(c.name, caseData(c, solutions[k], members, dofs, xyz)));
  const lengths = members.map((m) => m.geometry.length);
  for (const combo of model.combinations) {
    const terms = combo.terms.flatMap((t) => {
      const d = data.get(t.loadCase);
      return d ? [{ data: d, factor: t.factor }] : [];
    });
    data.set(combo.name, combineCases(combo.name, combo.type, terms, lengths, dofs.nodeCount * 6));
  }

  const wanted = options.cases ? new Set(options.cases) : null;
  for (const d of data.values()) {
    if (!wanted || wanted.has(d.name)) results.cases.push(caseResult(model, d, dofs));
  }
  results.checks = runChecks(model, members, data, problems);
  return { results, problems, stats };
}

function caseData(c: CaseLoads, x: Float64Array, members: PreparedMember[], dofs: DofMap, xyz: Vec3[]): CaseData {
  const nSlots = dofs.nodeCount * 6;
  const u = new Float64Array(nSlots);
  for (let s = 0; s < nSlots; s++) {
    const e = dofs.slot[s];
    if (e >= 0) u[s] = x[e];
    else if (e === RESTRAINED) u[s] = c.prescribed[s];
  }
  const memberForces = new Float64Array(nSlots);
  const endForces: (Float64Array | null)[] = [];
  const diagrams: (MemberDiagram | null)[] = [];
  for (const m of members) {
    if (!m.usable) {
      endForces.push(null);
      diagrams.push(null);
      continue;
    }
    const dg = new Float64Array(12);
    for (let a = 0; a < 12; a++) dg[a] = u[m.slots[a]];
    const dl = transformBlocks(m.geometry.R, dg, true);
    const load = c.memberLoads[m.index];
    const F = new Float64Array(12);
    for (let a = 0; a < 12; a++) {
      let s = load ? load.F0[a] : 0;
      for (let b = 0; b < 12; b++) s += m.Klocal[a * 12 + b] * dl[b];
      F[a] = s;
    }
    if (m.condensation && m.condensation.released.length > 0) {
      m.condensation.recover(dl, load?.eliminated ?? new Float64Array(m.condensation.released.length));
    }
    if (m.truss) {
      // A truss member keeps no rotations of its own.
      for (const a of [3, 4, 5, 9, 10, 11]) dl[a] = 0;
    }
    const Fg = transformBlocks(m.geometry.R, F, false);
    for (let a = 0; a < 12; a++) memberForces[m.slots[a]] += Fg[a];
    endForces.push(F);
    diagrams.push(buildDiagram(m.geometry.length, F, dl, load?.loads, m.section, !m.truss));
  }
  const reaction = new Float64Array(nSlots);
  for (let n = 0; n < dofs.nodeCount; n++) {
    if (!dofs.supported[n]) continue;
    for (let k = 0; k < 6; k++) {
      const s = n * 6 + k;
      const e = dofs.slot[s];
      // Node equilibrium: applied load + reaction = Σ forces the node exerts on its members.
      if (e === RESTRAINED) reaction[s] = memberForces[s] - c.nodal[s];
      else if (e >= 0) reaction[s] = -dofs.springs[s] * u[s];
    }
  }
  return { name: c.name, kind: 'load', u, reaction, applied: appliedResultant(c, members, xyz), endForces, diagrams };
}

/** x + 0 turns −0 into 0, so the document never shows "-0" and compares equal to 0. */
function clean(x: number): number {
  return x + 0;
}

function six(a: Float64Array, offset: number): Six {
  return [0, 1, 2, 3, 4, 5].map((k) => clean(a[offset + k])) as Six;
}

function caseResult(model: AnalysisModel, d: CaseData, dofs: DofMap): CaseResult {
  const nodes: Record<string, NodeResult> = {};
  model.nodes.forEach((node, n) => {
    const r: NodeResult = { u: six(d.u, n * 6) };
    if (dofs.supported[n]) r.reaction = six(d.reaction, n * 6);
    nodes[node.name] = r;
  });
  const members: Record<string, MemberResult> = {};
  model.members.forEach((member, m) => {
    const diagram = d.diagrams[m];
    const F = d.endForces[m];
    if (!diagram || !F) return;
    members[member.name] = { end_forces: Array.from(F, clean), stations: stationsOf(diagram), extremes: diagramExtremes(diagram) };
  });
  const reactions = reactionResultant(d.reaction, dofs.supported, model.nodes.map((n) => n.xyz));
  const out: CaseResult = { name: d.name, kind: d.kind, nodes, members, equilibrium: { applied: six(d.applied, 0), reactions: six(reactions, 0) } };
  if (d.kind === 'combination') out.type = d.type;
  return out;
}

function runChecks(model: AnalysisModel, members: PreparedMember[], data: Map<string, CaseData>, problems: AnalysisProblem[]): CheckResult[] {
  const out: CheckResult[] = [];
  const reported = new Set<number>();
  const defaultCases = model.combinations.length > 0 ? model.combinations.map((c) => c.name) : model.loadCases.map((c) => c.name);
  for (const check of model.checks) {
    const memberList = check.members.length > 0 ? check.members : members.filter((m) => m.usable).map((m) => m.index);
    const caseNames = check.combinations.length > 0 ? check.combinations : defaultCases;
    for (const name of caseNames) {
      const d = data.get(name);
      if (!d) continue;
      for (const m of memberList) {
        const diagram = d.diagrams[m];
        const input = model.members[m];
        if (!diagram) continue;
        if (check.kind === 'stress') {
          if (!(input.Wy && input.Wz && input.fy && input.A)) {
            if (!reported.has(m)) {
              reported.add(m);
              const missing = [!input.Wy && 'Wy', !input.Wz && 'Wz', !input.fy && 'fy', !input.A && 'A'].filter(Boolean).join(', ');
              problems.push({ kind: 'check-missing-moduli', member: m, message: `The stress check needs ${missing} for ${input.name}` });
            }
            continue;
          }
          const s = maxStress(diagram, input.A, input.Wy, input.Wz);
          const ratio = s.value / input.fy;
          out.push({ check: 'stress', member: input.name, combination: name, ratio, limit: check.limit, x: s.x, ok: ratio <= check.limit, value: s.value, allowed: check.limit * input.fy });
        } else {
          const L = members[m].geometry.length;
          const allowed = 'absolute' in check.limit ? check.limit.absolute : L / check.limit.spanRatio;
          const dmax = maxDeflection(diagram);
          const ratio = dmax.value / allowed;
          out.push({ check: 'deflection', member: input.name, combination: name, ratio, limit: 1, x: dmax.x, ok: ratio <= 1, value: dmax.value, allowed });
        }
      }
    }
  }
  return out;
}
