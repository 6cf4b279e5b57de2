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
import type { AnalysisModel, AnalysisOptions } from './model-input';
import type { CheckResult, ResultsDocument } from './results';
import type { AnalysisProblem } from './problems';
import { prepareMember, type PreparedMember } from './member-model';
import { buildDofMap, type DofMap } from './dof-map';
import { assembleCase, assembleStiffness } from './assembly';
import { denseFactorize, DEFAULT_PIVOT_TOLERANCE } from './dense-reference';
import type { Factorize, LdlFactor } from './solver';
import { normInf, relativeResidual } from './solver';
import { factorize } from './sparse';
import { combineCases } from './combinations';
import { caseData, reactingMembers, type CaseData } from './case-data';
import { caseResult, resultNames } from './case-result';
import { DiagramView } from './diagram-store';
import { maxDeflection, maxStress } from './checks';
import { describeMechanisms } from './instability';

export type { AnalysisProblem } from './problems';

export interface AnalysisOutcome {
  /** With `diagnostics: []`: the caller maps `problems` to source ranges. */
  results: ResultsDocument;
  problems: AnalysisProblem[];
  stats: AnalysisStats;
}

export interface AnalysisStats {
  dofs: number;
  nnzK: number;
  factorMs: number;
  solveMs: number;
  residual: number;
  /** The factorisation's own figures (ordering, symbolic, numeric ms, nnz(L)). */
  solver?: LdlFactor['stats'];
  /** Wall time of each phase, ms (for the benchmarks): member preparation and assembly of K and
   * the loads; factorisation; solves and residuals; per-case results (displacements, the end
   * forces at the supports, reactions, combinations); the results document (nodes, equilibrium;
   * member records are built on first read); checks (they build the end forces and diagrams of
   * the cases they check). */
  phases: { assemblyMs: number; factorMs: number; solveMs: number; casesMs: number; documentMs: number; checksMs: number };
}

export const DEFAULT_RESIDUAL_TOLERANCE = 1e-8;

function chooseFactorize(options: AnalysisOptions): Factorize {
  return options.solver === 'dense' ? denseFactorize : sparseFactorize;
}

const sparseFactorize: Factorize = (A, options) => factorize(A, options);

export function analyze(model: AnalysisModel, options: AnalysisOptions = {}): AnalysisOutcome {
  const tStart = performance.now();
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
  const phases = { assemblyMs: 0, factorMs: 0, solveMs: 0, casesMs: 0, documentMs: 0, checksMs: 0 };
  const stats: AnalysisStats = { dofs: dofs.nFree, nnzK: K.rowIdx.length, factorMs: 0, solveMs: 0, residual: 0, phases };

  // Loads first: their problems are worth reporting even when the structure is a mechanism.
  const missingWeight = new Set<number>();
  const caseLoads = model.loadCases.map((c) => assembleCase(model, c, members, dofs, problems, missingWeight));
  for (const m of [...missingWeight].sort((a, b) => a - b)) {
    problems.push({ kind: 'missing-weight', member: m, message: `Selfweight on ${model.members[m].name}: its material has neither weight= nor density=` });
  }

  const t0 = performance.now();
  phases.assemblyMs = t0 - tStart;
  const groups = options.ordering === 'dofs' ? undefined : nodeGroups(dofs);
  const factor = chooseFactorize(options)(K, { pivotTolerance: options.pivotTolerance ?? DEFAULT_PIVOT_TOLERANCE, groups });
  stats.factorMs = phases.factorMs = performance.now() - t0;
  stats.solver = factor.stats;
  if (factor.zeroPivots.length > 0) {
    problems.push(...describeMechanisms(model, dofs, members, factor.zeroPivots));
    return { results, problems, stats };
  }
  const t1 = performance.now();
  const solutions = caseLoads.length > 0 ? factor.solveMany(caseLoads.map((c) => c.rhs)) : [];
  stats.solveMs = performance.now() - t1;
  const normK = normInf(K);
  caseLoads.forEach((c, k) => {
    stats.residual = Math.max(stats.residual, relativeResidual(K, solutions[k], c.rhs, normK));
  });
  const t2 = performance.now();
  phases.solveMs = t2 - t1;
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
  const usable = Uint8Array.from(members, (m) => (m.usable ? 1 : 0));
  const reacting = reactingMembers(members, dofs);
  caseLoads.forEach((c, k) => data.set(c.name, caseData(c, solutions[k], members, dofs, xyz, usable, reacting)));
  const lengths = members.map((m) => m.geometry.length);
  for (const combo of model.combinations) {
    const terms = combo.terms.flatMap((t) => {
      const d = data.get(t.loadCase);
      return d ? [{ data: d, factor: t.factor }] : [];
    });
    data.set(combo.name, combineCases(combo.name, combo.type, terms, lengths, dofs.nodeCount * 6));
  }

  const t3 = performance.now();
  phases.casesMs = t3 - t2;
  const wanted = options.cases ? new Set(options.cases) : null;
  const names = resultNames(model);
  for (const d of data.values()) {
    if (!wanted || wanted.has(d.name)) results.cases.push(caseResult(model, d, dofs, names));
  }
  const t4 = performance.now();
  phases.documentMs = t4 - t3;
  results.checks = runChecks(model, members, data, problems);
  phases.checksMs = performance.now() - t4;
  return { results, problems, stats };
}

/** The node of each free DOF: the sparse solver orders nodes rather than single DOFs. */
function nodeGroups(dofs: DofMap): Int32Array {
  const groups = new Int32Array(dofs.nFree);
  for (let e = 0; e < dofs.nFree; e++) groups[e] = Math.floor(dofs.freeSlot[e] / 6);
  return groups;
}

const view = new DiagramView();

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
        const input = model.members[m];
        if (!d.present[m]) continue;
        const diagram = view.on(d.diagrams, m);
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
