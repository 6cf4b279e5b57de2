// The bridge from the language's semantic model to the engine's plain-data input: names become
// indices, groups become their members, nested combinations become factors on load cases, and
// everything is already SI. Also maps the engine's problems back to source locations.
import type { Decl, MemberEntity, Model, NodeEntity, SectionEntity, MaterialEntity, CombinationEntity, GroupEntity } from '../language/semantic/model';
import { expandMembers } from '../language/semantic/validate-model';
import type { Diagnostic } from '../language/semantic/diagnostic';
import { CODES } from '../language/semantic/codes';
import type { AnalysisModel, CheckInput, LoadInput, MemberInput, SupportInput } from './model-input';
import type { AnalysisProblem } from './problems';
import type { CheckResult, ResultDiagnostic, ResultsDocument } from './results';
import { analyze } from './analyze';
import type { AnalysisOptions } from './model-input';

const G = 9.80665;

export interface ModelMapping {
  input: AnalysisModel;
  nodeDecls: Decl[];
  memberDecls: Decl[];
}

export function toAnalysisModel(model: Model, source: string): ModelMapping {
  const nodeIndex = new Map<Decl, number>();
  const nodes = model.nodes.filter((n) => n.xyz).map((n, k) => {
    nodeIndex.set(n.decl, k);
    return { name: n.decl.name, xyz: n.xyz! };
  });
  const memberIndex = new Map<Decl, number>();
  const members: MemberInput[] = [];
  const memberDecls: Decl[] = [];
  for (const m of model.members) {
    const input = memberInput(model, m, nodeIndex);
    if (!input) continue;
    memberIndex.set(m.decl, members.length);
    members.push(input);
    memberDecls.push(m.decl);
  }
  const supports: SupportInput[] = model.supports
    .filter((s) => s.node && nodeIndex.has(s.node))
    .map((s) => ({ node: nodeIndex.get(s.node!)!, restrained: [...s.restrained] as SupportInput['restrained'], springs: [...s.springs] as SupportInput['springs'] }));
  const membersOf = (d: Decl | undefined): number[] =>
    expandMembers(model, [d]).map((m) => memberIndex.get(m.decl)).filter((k): k is number => k !== undefined);

  const loadCases = model.loadCases.map((lc) => {
    const loads: LoadInput[] = [];
    for (const l of lc.loads) {
      switch (l.kind) {
        case 'selfweight':
          loads.push({ kind: 'selfweight', factor: l.factor });
          break;
        case 'nodal':
          if (l.node && nodeIndex.has(l.node)) loads.push({ kind: 'nodal', node: nodeIndex.get(l.node)!, values: l.values });
          break;
        case 'displacement':
          if (l.node && nodeIndex.has(l.node)) loads.push({ kind: 'displacement', node: nodeIndex.get(l.node)!, values: l.values });
          break;
        case 'uniform':
          for (const k of membersOf(l.target)) loads.push({ kind: 'uniform', member: k, local: l.local, values: l.values, from: l.from, to: l.to });
          break;
        case 'trapezoid':
          for (const k of membersOf(l.target)) loads.push({ kind: 'trapezoid', member: k, local: l.local, start: l.start, end: l.end, from: l.from, to: l.to });
          break;
        case 'point':
          if (l.at) for (const k of membersOf(l.target)) loads.push({ kind: 'point', member: k, local: l.local, values: l.values, at: l.at });
          break;
      }
    }
    return { name: lc.decl.name, category: lc.category, loads };
  });

  const combinations = model.combinations.map((c) => ({ name: c.decl.name, type: c.type, terms: flatten(model, c) }));
  const checks: CheckInput[] = model.checks.filter((c) => c.limit).map((c) => {
    const targets = c.members.length ? [...new Set(c.members.flatMap((r) => membersOf(r.target)))] : [];
    const names = c.combinations.length ? c.combinations.map((r) => r.name) : defaultCombinations(model, c.kind);
    const lim = c.limit!;
    if (c.kind === 'stress') return { kind: 'stress', limit: 'ratio' in lim ? lim.ratio : 1, members: targets, combinations: names };
    return { kind: 'deflection', limit: 'spanRatio' in lim ? { spanRatio: lim.spanRatio } : { absolute: 'absolute' in lim ? lim.absolute : 0 }, members: targets, combinations: names };
  });

  return {
    input: { title: model.title ?? source.split('/').pop() ?? source, source, nodes, members, supports, loadCases, combinations, checks },
    nodeDecls: model.nodes.filter((n) => n.xyz).map((n) => n.decl),
    memberDecls,
  };
}

/** Without `combinations=`, a stress check covers the ULS combinations and a deflection check
 * the SLS ones; a model without such combinations checks all combinations, or its load cases. */
function defaultCombinations(model: Model, kind: 'stress' | 'deflection'): string[] {
  const type = kind === 'stress' ? 'ULS' : 'SLS';
  const ofType = model.combinations.filter((c) => c.type === type).map((c) => c.decl.name);
  if (ofType.length) return ofType;
  if (model.combinations.length) return model.combinations.map((c) => c.decl.name);
  return model.loadCases.map((l) => l.decl.name);
}

function memberInput(model: Model, m: MemberEntity, nodeIndex: Map<Decl, number>): MemberInput | undefined {
  if (!m.i || !m.j || !nodeIndex.has(m.i) || !nodeIndex.has(m.j)) return undefined;
  const section = m.section && (model.entityOf(m.section) as SectionEntity | undefined);
  const props = section?.properties;
  const mat = section?.material && (model.entityOf(section.material) as MaterialEntity | undefined);
  if (!props || !mat || mat.E === undefined) return undefined;
  const unitWeight = mat.weight ?? (mat.density !== undefined ? mat.density * G : undefined);
  return {
    name: m.decl.name,
    i: nodeIndex.get(m.i)!,
    j: nodeIndex.get(m.j)!,
    truss: m.truss,
    roll: m.roll,
    E: mat.E,
    G: mat.G ?? mat.E / (2 * (1 + mat.nu)),
    A: props.A,
    Iy: props.Iy,
    Iz: props.Iz,
    J: props.J,
    Avy: props.Avy,
    Avz: props.Avz,
    releaseI: [...m.releaseI] as MemberInput['releaseI'],
    releaseJ: [...m.releaseJ] as MemberInput['releaseJ'],
    weightPerLength: unitWeight !== undefined ? unitWeight * props.A : undefined,
    Wy: props.Wy,
    Wz: props.Wz,
    fy: mat.fy,
  };
}

/** A combination as factors on load cases (nested combinations multiplied out; cycles were reported). */
export function flatten(model: Model, c: CombinationEntity, factor = 1, seen = new Set<Decl>()): { loadCase: string; factor: number }[] {
  if (seen.has(c.decl)) return [];
  seen.add(c.decl);
  const out = new Map<string, number>();
  for (const t of c.terms) {
    const d = t.ref.target;
    if (!d) continue;
    if (d.kind === 'load') out.set(d.name, (out.get(d.name) ?? 0) + factor * t.factor);
    else {
      const inner = model.entityOf(d) as CombinationEntity | undefined;
      if (inner) for (const x of flatten(model, inner, factor * t.factor, new Set(seen))) out.set(x.loadCase, (out.get(x.loadCase) ?? 0) + x.factor);
    }
  }
  return [...out].map(([loadCase, f]) => ({ loadCase, factor: f }));
}

/** Engine problems and failing checks as diagnostics on the declarations involved. */
export function analysisDiagnostics(model: Model, mapping: ModelMapping, problems: AnalysisProblem[], checks: CheckResult[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (d: Decl) => ({ uri: d.uri, range: d.range });
  const modelAt = () => {
    const f = model.files[0];
    const s = f?.tree.statements[0];
    return { uri: model.rootUri, range: s ? { start: s.range.start, end: { line: s.keyword.line, character: s.keyword.endCol } } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  };
  for (const p of problems) {
    switch (p.kind) {
      case 'mechanism': {
        const involved = p.nodes.map((n) => mapping.nodeDecls[n.node]).filter(Boolean);
        const [first, ...rest] = involved;
        const where = first ? at(first) : modelAt();
        out.push({
          ...where, severity: 'error', code: CODES.mechanism, message: p.message,
          related: rest.slice(0, 8).map((d) => ({ ...at(d), message: `${d.name} moves in this mechanism` })),
        });
        break;
      }
      case 'member-unstable':
      case 'missing-weight':
      case 'check-missing-moduli': {
        const d = mapping.memberDecls[p.member];
        const code = p.kind === 'member-unstable' ? CODES.memberUnstable : p.kind === 'missing-weight' ? CODES.missingWeight : CODES.missingModuli;
        out.push({ ...(d ? at(d) : modelAt()), severity: 'error', code, message: p.message });
        break;
      }
      case 'ill-conditioned':
        out.push({ ...modelAt(), severity: 'warning', code: CODES.illConditioned, message: p.message });
        break;
      case 'invalid-load': {
        const d = p.member !== undefined ? mapping.memberDecls[p.member] : p.node !== undefined ? mapping.nodeDecls[p.node] : undefined;
        const lc = model.lookup('load', p.loadCase);
        out.push({ ...(lc ? at(lc) : d ? at(d) : modelAt()), severity: 'error', code: CODES.invalidValue, message: p.message, ...(d && lc ? { related: [{ ...at(d), message: `${d.name} declared here` }] } : {}) });
        break;
      }
    }
  }
  // One diagnostic per failing member and check kind: the governing combination.
  const worst = new Map<string, CheckResult>();
  for (const c of checks) {
    if (c.ok) continue;
    const key = `${c.member}\u0000${c.check}`;
    const w = worst.get(key);
    if (!w || c.ratio > w.ratio) worst.set(key, c);
  }
  for (const c of worst.values()) {
    const d = model.lookup('member', c.member);
    if (!d) continue;
    out.push({
      ...at(d), severity: 'error', code: CODES.checkFailed,
      message: `Member ${c.member} fails the ${c.check} check under ${c.combination}: ratio ${c.ratio.toFixed(3)} > ${c.limit} at x = ${+c.x.toFixed(3)} m`,
    });
  }
  return out;
}

export type { NodeEntity, GroupEntity };

/** Diagnostics as the results document carries them: with paths (`rel` turns a uri into one). */
export function toResultDiagnostics(diags: Diagnostic[], rel: (uri: string) => string): ResultDiagnostic[] {
  return diags.map((d) => ({
    path: rel(d.uri), range: d.range, severity: d.severity, code: d.code, message: d.message,
    ...(d.related?.length ? { related: d.related.map((r) => ({ path: rel(r.uri), range: r.range, message: r.message })) } : {}),
  }));
}

/** The results document of a model, analysed in this process as the CLI and the tests do (the
 * server runs the same steps in a worker). A model with errors, or without members, is not
 * analysed: its document has no cases and lists the diagnostics. `rel` names files in it. */
export function analyzeModel(model: Model, rel: (uri: string) => string, options: AnalysisOptions = {}): { results: ResultsDocument; diagnostics: Diagnostic[] } {
  const source = rel(model.rootUri);
  if (model.diagnostics.some((d) => d.severity === 'error') || model.members.length === 0) {
    const results: ResultsDocument = { format: 'struktur-results/1', model: model.title ?? source.split('/').pop() ?? source, source, dofs: 0, cases: [], checks: [], diagnostics: toResultDiagnostics(model.diagnostics, rel) };
    return { results, diagnostics: model.diagnostics };
  }
  const mapping = toAnalysisModel(model, source);
  const outcome = analyze(mapping.input, options);
  const diagnostics = [...model.diagnostics, ...analysisDiagnostics(model, mapping, outcome.problems, outcome.results.checks)];
  return { results: { ...outcome.results, diagnostics: toResultDiagnostics(diagnostics, rel) }, diagnostics };
}
