// Model-wide checks: geometry (zero-length members, coincident and unconnected nodes), supports,
// combination cycles, and what selfweight, stress checks and settlements need.
import type { Range } from '../syntax/range';
import { CODES } from './codes';
import type { Diagnostic, FixData, RelatedLocation, Severity } from './diagnostic';
import type { Decl, MemberEntity, Model, NodeEntity, SectionEntity, MaterialEntity, CombinationEntity } from './model';

type Report = (uri: string, range: Range, code: string, message: string, severity?: Severity, related?: RelatedLocation[], data?: FixData[]) => void;

/** Nodes closer than this (m) are coincident. */
export const COINCIDENCE_TOLERANCE = 1e-6;

export function validateModel(model: Model, report: Report, modelChecks: boolean): void {
  const joined = checkMembers(model, report);
  checkCombinationCycles(model, report);
  checkLoads(model, report);
  checkDesignChecks(model, report);
  checkSupports(model, report);
  checkGroups(model, report);
  if (modelChecks && model.members.length > 0) {
    checkCoincidentNodes(model, report, joined);
    checkConnectivity(model, report);
    if (model.supports.length === 0) {
      const root = model.files[0];
      const first = root?.tree.statements[0];
      const range = first ? { start: first.range.start, end: { line: first.range.start.line, character: first.keyword.endCol } } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report(model.rootUri, range, CODES.noSupports, 'The model has no supports: add a support (e.g. support N1 fixed) so it cannot move as a rigid body', 'error');
    }
  }
}

function entity<T>(model: Model, d: Decl | undefined): T | undefined {
  return d ? (model.entityOf(d) as T | undefined) : undefined;
}

/** Returns the nodes joined by zero-length members: their coincidence is reported on the member. */
function checkMembers(model: Model, report: Report): Set<Decl> {
  const joined = new Set<Decl>();
  for (const m of model.members) {
    if (!m.i || !m.j) continue;
    if (m.i === m.j) {
      const arg = m.decl.statement.args[2];
      report(m.decl.uri, arg?.range ?? m.decl.range, CODES.memberToItself, `Member ${m.decl.name} runs from node ${m.i.name} to itself`);
      continue;
    }
    const a = entity<NodeEntity>(model, m.i)?.xyz;
    const b = entity<NodeEntity>(model, m.j)?.xyz;
    if (a && b && Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]) < COINCIDENCE_TOLERANCE) {
      joined.add(m.i);
      joined.add(m.j);
      report(m.decl.uri, m.decl.range, CODES.zeroLengthMember, `Member ${m.decl.name} has zero length: nodes ${m.i.name} and ${m.j.name} are at the same point`, 'error', [
        { uri: m.i.uri, range: m.i.range, message: `${m.i.name} declared here` },
        { uri: m.j.uri, range: m.j.range, message: `${m.j.name} declared here` },
      ]);
    }
  }
  return joined;
}

/**
 * Hashes nodes into 1 mm cells; a node only looks into a neighbouring cell when it lies within
 * the tolerance of that cell's border, so the check costs about one lookup per node.
 */
function checkCoincidentNodes(model: Model, report: Report, joined: Set<Decl>): void {
  const cell = 1e-3;
  const tol = COINCIDENCE_TOLERANCE;
  const grid = new Map<number, NodeEntity[]>();
  const key = (x: number, y: number, z: number) => (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) >>> 0;
  const range = (v: number): [number, number] => {
    const c = Math.floor(v / cell);
    const r = v - c * cell;
    return [r < tol ? c - 1 : c, r > cell - tol ? c + 1 : c];
  };
  for (const n of model.nodes) {
    const p = n.xyz;
    if (!p) continue;
    const [x0, x1] = range(p[0]);
    const [y0, y1] = range(p[1]);
    const [z0, z1] = range(p[2]);
    let hit: NodeEntity | undefined;
    for (let x = x0; x <= x1 && !hit; x++)
      for (let y = y0; y <= y1 && !hit; y++)
        for (let z = z0; z <= z1 && !hit; z++) {
          const list = grid.get(key(x, y, z));
          if (!list) continue;
          // Hash collisions are harmless: the distance decides.
          for (const o of list) {
            const q = o.xyz!;
            if (Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]) < tol) {
              hit = o;
              break;
            }
          }
        }
    if (hit && !(joined.has(n.decl) && joined.has(hit.decl))) {
      report(n.decl.uri, n.decl.range, CODES.coincidentNodes, `Node ${n.decl.name} coincides with node ${hit.decl.name}: members meeting here are not connected`, 'warning', [
        { uri: hit.decl.uri, range: hit.decl.range, message: `${hit.decl.name} is at the same point` },
      ]);
    }
    const k = key(Math.floor(p[0] / cell), Math.floor(p[1] / cell), Math.floor(p[2] / cell));
    const list = grid.get(k);
    if (list) list.push(n);
    else grid.set(k, [n]);
  }
}

function checkConnectivity(model: Model, report: Report): void {
  const used = new Set<Decl>();
  for (const m of model.members) {
    if (m.i) used.add(m.i);
    if (m.j) used.add(m.j);
  }
  for (const n of model.nodes) {
    if (!used.has(n.decl)) {
      report(n.decl.uri, n.decl.range, CODES.unconnectedNode, `Node ${n.decl.name} is not connected to any member`, 'warning');
    }
  }
}

function checkCombinationCycles(model: Model, report: Report): void {
  const state = new Map<Decl, 'visiting' | 'done'>();
  const visit = (c: CombinationEntity, path: string[]): void => {
    state.set(c.decl, 'visiting');
    for (const t of c.terms) {
      const d = t.ref.target;
      if (!d || d.kind !== 'combination') continue;
      if (state.get(d) === 'visiting') {
        report(t.ref.uri, t.ref.range, CODES.combinationCycle, `Combination cycle: ${[...path, d.name].join(' → ')}`, 'error', [
          { uri: d.uri, range: d.range, message: `${d.name} declared here` },
        ]);
        continue;
      }
      const next = entity<CombinationEntity>(model, d);
      if (next && !state.has(d)) visit(next, [...path, d.name]);
    }
    state.set(c.decl, 'done');
  };
  for (const c of model.combinations) if (!state.has(c.decl)) visit(c, [c.decl.name]);
}

function materialOf(model: Model, m: MemberEntity): MaterialEntity | undefined {
  const s = entity<SectionEntity>(model, m.section);
  return entity<MaterialEntity>(model, s?.material);
}

function checkLoads(model: Model, report: Report): void {
  const supportOf = new Map<Decl, boolean[]>();
  for (const s of model.supports) if (s.node) supportOf.set(s.node, s.restrained);
  for (const lc of model.loadCases) {
    for (const load of lc.loads) {
      const kwRange = stmtRange(load.statement);
      if (load.kind === 'selfweight') {
        const lacking = new Map<Decl, MemberEntity>();
        for (const m of model.members) {
          const mat = materialOf(model, m);
          const s = entity<SectionEntity>(model, m.section);
          if (mat && mat.weight === undefined && mat.density === undefined && !mat.weightGiven && s?.material) lacking.set(s.material, m);
        }
        for (const [mat, m] of lacking) {
          report(load.uri, kwRange, CODES.missingWeight, `selfweight needs the weight of material ${mat.name} (used by member ${m.decl.name}): give it weight= or density=`, 'error', [
            { uri: mat.uri, range: mat.range, message: `${mat.name} declared here` },
          ]);
        }
      }
      if (load.kind === 'displacement' && load.node) {
        const restrained = supportOf.get(load.node);
        load.values.forEach((v, i) => {
          if (v === null || restrained?.[i]) return;
          const dof = ['x', 'y', 'z', 'rx', 'ry', 'rz'][i];
          const opt = load.statement.options.find((o) => o.key.text === dof);
          report(load.uri, opt?.range ?? kwRange, CODES.displacementNotRestrained, `A prescribed displacement needs a restrained DOF: node ${load.node!.name} is not restrained in ${dof}`, 'error', [], [{ fix: 'add-support', node: load.node!.name }]);
        });
      }
      if ((load.kind === 'point' || load.kind === 'uniform' || load.kind === 'trapezoid') && load.target?.kind === 'member') {
        const m = entity<MemberEntity>(model, load.target);
        const len = m && memberLength(model, m);
        if (len === undefined) continue;
        const check = (key: string, p: { distance: number } | { fraction: number } | undefined) => {
          if (p && 'distance' in p && p.distance > len * (1 + 1e-9)) {
            const opt = load.statement.options.find((o) => o.key.text === key);
            report(load.uri, opt?.range ?? kwRange, CODES.outOfRange, `${key}= lies beyond the end of member ${m!.decl.name} (length ${+len.toPrecision(6)} m)`);
          }
        };
        if (load.kind === 'point') check('at', load.at);
        else {
          check('from', load.from);
          check('to', load.to);
          const a = load.from && ('distance' in load.from ? load.from.distance : load.from.fraction * len);
          const b = load.to && ('distance' in load.to ? load.to.distance : load.to.fraction * len);
          if (a !== undefined && b !== undefined && a >= b) {
            const opt = load.statement.options.find((o) => o.key.text === 'to');
            report(load.uri, opt?.range ?? kwRange, CODES.outOfRange, 'to= must lie after from=');
          }
        }
      }
    }
  }
}

export function memberLength(model: Model, m: MemberEntity): number | undefined {
  const a = entity<NodeEntity>(model, m.i)?.xyz;
  const b = entity<NodeEntity>(model, m.j)?.xyz;
  return a && b ? Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]) : undefined;
}

function checkDesignChecks(model: Model, report: Report): void {
  for (const c of model.checks) {
    if (c.kind !== 'stress') continue;
    const members = c.members.length ? expandMembers(model, c.members.map((r) => r.target)) : model.members;
    const noModuli = new Map<Decl, Decl>();
    const noFy = new Map<Decl, Decl>();
    for (const m of members) {
      const s = entity<SectionEntity>(model, m.section);
      if (s?.properties && (s.properties.Wy === undefined || s.properties.Wz === undefined)) noModuli.set(s.decl, m.decl);
      const mat = materialOf(model, m);
      if (mat && mat.fy === undefined && s?.material) noFy.set(s.material, m.decl);
    }
    const at = stmtRange(c.statement);
    for (const [s, m] of noModuli) {
      report(c.uri, at, CODES.missingModuli, `check stress needs the elastic moduli of section ${s.name} (member ${m.name}): give it Wy= and Wz=`, 'error', [
        { uri: s.uri, range: s.range, message: `${s.name} declared here` },
      ]);
    }
    for (const [mat, m] of noFy) {
      report(c.uri, at, CODES.missingYield, `check stress needs the yield strength of material ${mat.name} (member ${m.name}): give it fy= or a grade=`, 'error', [
        { uri: mat.uri, range: mat.range, message: `${mat.name} declared here` },
      ]);
    }
  }
}

/** Members named directly or through (nested) groups, each once. */
export function expandMembers(model: Model, decls: (Decl | undefined)[]): MemberEntity[] {
  const out = new Set<MemberEntity>();
  const seen = new Set<Decl>();
  const walk = (d: Decl | undefined) => {
    if (!d || seen.has(d)) return;
    seen.add(d);
    const e = model.entityOf(d) as { refs?: { target?: Decl }[] } | MemberEntity | undefined;
    if (!e) return;
    if (d.kind === 'member') out.add(e as MemberEntity);
    else for (const r of (e as { refs: { target?: Decl }[] }).refs) walk(r.target);
  };
  decls.forEach(walk);
  return [...out];
}

function checkSupports(model: Model, report: Report): void {
  const seen = new Map<Decl, { uri: string; range: Range }>();
  for (const s of model.supports) {
    if (!s.node) continue;
    const first = seen.get(s.node);
    if (first) {
      report(s.uri, stmtRange(s.statement), CODES.duplicateSupport, `Node ${s.node.name} already has a support: combine the restraints into one support line`, 'error', [
        { uri: first.uri, range: first.range, message: 'first support here' },
      ]);
    } else seen.set(s.node, { uri: s.uri, range: stmtRange(s.statement) });
  }
}

function checkGroups(model: Model, report: Report): void {
  for (const g of model.groups) {
    if (g.decl.statement.args.length === 1) {
      report(g.decl.uri, g.decl.range, CODES.emptyGroup, `Group ${g.decl.name} has no members`, 'warning');
    }
  }
}

function stmtRange(s: import('../syntax/syntax-tree').Statement): Range {
  return { start: { line: s.keyword.line, character: s.keyword.col }, end: { line: s.keyword.line, character: s.keyword.endCol } };
}

export type { Diagnostic };
