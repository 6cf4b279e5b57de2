// Seeded random 3D frames for the property tests: a tree of rigid frame members on a fixed
// node (so always stable), extra members with releases and truss members, nodes held only by
// three truss bars, springs, settlements, and every kind of load.
import type { AnalysisModel, LoadInput, MemberInput, MemberPosition, ReleaseFlags, Six, Vec3 } from '../../../language-server/src/analysis/model-input';
import { mulberry32 as prng } from '../../support/random';

export { prng };


const NONE: ReleaseFlags = [false, false, false, false, false, false];
const rel = (...c: number[]): ReleaseFlags => NONE.map((_, k) => c.includes(k)) as ReleaseFlags;
/** Release patterns that leave a member stable by itself (N Vy Vz T My Mz = 0…5). */
const SAFE_RELEASES: [ReleaseFlags, ReleaseFlags][] = [
  [rel(4, 5), NONE],
  [NONE, rel(4, 5)],
  [rel(4, 5), rel(4, 5)],
  [rel(3), NONE],
  [NONE, rel(4)],
  [rel(2), NONE],
  [rel(0), rel(5)],
  [rel(1), rel(4)],
];

export interface RandomFrame {
  model: AnalysisModel;
  shearDeformation: boolean;
  /** Nodes with rotational DOFs (reached by a frame member). */
  rotational: boolean[];
}

export function randomFrame(seed: number): RandomFrame {
  const r = prng(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: T[]) => xs[int(xs.length)];
  const model: AnalysisModel = { title: `random ${seed}`, source: 'random.struct', nodes: [], members: [], supports: [], loadCases: [], combinations: [], checks: [] };
  const rotational: boolean[] = [];
  const farEnough = (p: Vec3) => model.nodes.every((n) => Math.hypot(n.xyz[0] - p[0], n.xyz[1] - p[1], n.xyz[2] - p[2]) > 0.8);
  const section = (): Omit<MemberInput, 'name' | 'i' | 'j' | 'truss' | 'roll' | 'releaseI' | 'releaseJ'> => ({
    E: 210e9,
    G: 81e9,
    A: between(2e-3, 2e-2),
    Iy: between(2e-6, 1e-4),
    Iz: between(2e-6, 1e-4),
    J: between(1e-7, 2e-5),
    Avy: between(1e-3, 1e-2),
    Avz: between(1e-3, 1e-2),
    weightPerLength: between(200, 2000),
    Wy: between(1e-4, 1e-3),
    Wz: between(1e-5, 1e-4),
    fy: 355e6,
  });
  const addMember = (i: number, j: number, truss: boolean, releases: [ReleaseFlags, ReleaseFlags] = [NONE, NONE]) => {
    model.members.push({ name: `M${model.members.length}`, i, j, truss, roll: between(-Math.PI, Math.PI), ...section(), releaseI: releases[0], releaseJ: releases[1] });
    if (!truss) rotational[i] = rotational[j] = true;
  };
  const connected = (i: number, j: number) => model.members.some((m) => (m.i === i && m.j === j) || (m.i === j && m.j === i));

  // The tree.
  const nTree = 3 + int(7);
  model.nodes.push({ name: 'N0', xyz: [between(0, 8), between(0, 8), between(0, 2)] });
  rotational[0] = false;
  while (model.nodes.length < nTree) {
    const parent = int(model.nodes.length);
    const base = model.nodes[parent].xyz;
    const p: Vec3 = r() < 0.3 ? [base[0], base[1], base[2] + between(1.5, 4)] : [between(0, 8), between(0, 8), between(0, 6)];
    if (!farEnough(p)) continue;
    model.nodes.push({ name: `N${model.nodes.length}`, xyz: p });
    addMember(parent, model.nodes.length - 1, false);
  }
  // Extra frame members with releases, and truss members, between tree nodes.
  for (let e = int(4); e > 0; e--) {
    const i = int(nTree);
    const j = int(nTree);
    if (i === j || connected(i, j)) continue;
    addMember(i, j, false, pick(SAFE_RELEASES));
  }
  for (let e = int(3); e > 0; e--) {
    const i = int(nTree);
    const j = int(nTree);
    if (i === j || connected(i, j)) continue;
    addMember(i, j, true);
  }
  // Nodes held only by three truss bars (no rotational DOFs).
  for (let t = int(3); t > 0; t--) {
    const anchors = [0, 1, 2].map(() => int(nTree));
    if (new Set(anchors).size < 3) continue;
    const p: Vec3 = [between(0, 8), between(0, 8), between(0, 6)];
    if (!farEnough(p)) continue;
    const dirs = anchors.map((a) => {
      const q = model.nodes[a].xyz;
      const v = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
      const l = Math.hypot(...v);
      return v.map((c) => c / l);
    });
    const det =
      dirs[0][0] * (dirs[1][1] * dirs[2][2] - dirs[1][2] * dirs[2][1]) -
      dirs[0][1] * (dirs[1][0] * dirs[2][2] - dirs[1][2] * dirs[2][0]) +
      dirs[0][2] * (dirs[1][0] * dirs[2][1] - dirs[1][1] * dirs[2][0]);
    if (Math.abs(det) < 0.2) continue;
    const k = model.nodes.length;
    model.nodes.push({ name: `N${k}`, xyz: p });
    rotational[k] = false;
    for (const a of anchors) addMember(a, k, true);
  }
  const nNodes = model.nodes.length;
  for (let k = 0; k < nNodes; k++) rotational[k] = !!rotational[k];

  // Supports: N0 fixed; some others restrained or on springs.
  model.supports.push({ node: 0, restrained: [true, true, true, true, true, true], springs: [0, 0, 0, 0, 0, 0] });
  for (let k = 1; k < nNodes; k++) {
    if (r() > 0.3) continue;
    const restrained = [0, 1, 2, 3, 4, 5].map(() => r() < 0.4) as [boolean, boolean, boolean, boolean, boolean, boolean];
    const springs = restrained.map((held, d) => (!held && r() < 0.5 ? (d < 3 ? between(1e5, 1e8) : between(1e4, 1e7)) : 0)) as Six;
    model.supports.push({ node: k, restrained, springs });
  }
  const restrainedSlots: [number, number][] = [];
  for (const s of model.supports) {
    s.restrained.forEach((held, d) => {
      if (held && (d < 3 || rotational[s.node])) restrainedSlots.push([s.node, d]);
    });
  }

  // Load cases.
  const nCases = 2 + int(2);
  const position = (L: number): MemberPosition | undefined => {
    const u = r();
    if (u < 0.2) return undefined;
    if (u < 0.5) return { fraction: between(0, 1) };
    if (u < 0.6) return { distance: pick([0, L]) };
    return { distance: between(0, L) };
  };
  const lengthOf = (m: MemberInput) => {
    const a = model.nodes[m.i].xyz;
    const b = model.nodes[m.j].xyz;
    return Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  };
  const vec6 = (force: number, moment: number, withMoments: boolean): Six =>
    [0, 1, 2, 3, 4, 5].map((k) => (k < 3 ? between(-force, force) : withMoments ? between(-moment, moment) : 0)) as Six;
  for (let c = 0; c < nCases; c++) {
    const loads: LoadInput[] = [];
    for (let n = int(4); n > 0; n--) {
      const node = int(nNodes);
      loads.push({ kind: 'nodal', node, values: vec6(20e3, 10e3, rotational[node]) });
    }
    for (let n = 1 + int(5); n > 0; n--) {
      const member = int(model.members.length);
      const m = model.members[member];
      const L = lengthOf(m);
      const local = r() < 0.4;
      const moments = !m.truss;
      const kind = pick(['uniform', 'trapezoid', 'point'] as const);
      if (kind === 'point') {
        loads.push({ kind, member, local, values: vec6(20e3, 10e3, moments), at: position(L) ?? { fraction: 0.5 } });
      } else {
        let from = position(L);
        let to = position(L);
        const x0 = from ? ('distance' in from ? from.distance : from.fraction * L) : 0;
        const x1 = to ? ('distance' in to ? to.distance : to.fraction * L) : L;
        if (x1 - x0 < 0.05 * L) {
          from = undefined;
          to = undefined;
        }
        if (kind === 'uniform') loads.push({ kind, member, local, values: vec6(8e3, 3e3, moments), from, to });
        else loads.push({ kind, member, local, start: vec6(8e3, 3e3, moments), end: vec6(8e3, 3e3, moments), from, to });
      }
    }
    if (r() < 0.4) loads.push({ kind: 'selfweight', factor: between(0.5, 1.5) });
    if (restrainedSlots.length > 0 && r() < 0.4) {
      const [node, d] = pick(restrainedSlots);
      const values: (number | null)[] = [null, null, null, null, null, null];
      values[d] = d < 3 ? between(-0.01, 0.01) : between(-0.002, 0.002);
      loads.push({ kind: 'displacement', node, values });
    }
    model.loadCases.push({ name: `LC${c}`, loads });
  }
  for (let k = 1 + int(2); k > 0; k--) {
    model.combinations.push({
      name: `CO${k}`,
      type: r() < 0.5 ? 'ULS' : 'SLS',
      terms: model.loadCases.filter(() => r() < 0.8).map((lc) => ({ loadCase: lc.name, factor: between(-1.5, 2) })),
    });
  }
  return { model, shearDeformation: r() < 0.3, rotational };
}

/** The model with one more load case holding every case's loads times a combination's factors:
 * by linearity its results must equal the combination's. */
export function withFactoredCase(model: AnalysisModel, comboIndex: number, name: string): AnalysisModel {
  const out = structuredClone(model);
  const combo = model.combinations[comboIndex];
  const loads: LoadInput[] = [];
  for (const t of combo.terms) {
    const lc = model.loadCases.find((c) => c.name === t.loadCase)!;
    const f = t.factor;
    const scale = (v: Six) => v.map((x) => x * f) as Six;
    for (const l of lc.loads) {
      switch (l.kind) {
        case 'nodal':
          loads.push({ ...l, values: scale(l.values) });
          break;
        case 'displacement':
          loads.push({ ...l, values: l.values.map((v) => (v === null ? null : v * f)) });
          break;
        case 'selfweight':
          loads.push({ ...l, factor: l.factor * f });
          break;
        case 'uniform':
        case 'point':
          loads.push({ ...l, values: scale(l.values) });
          break;
        case 'trapezoid':
          loads.push({ ...l, start: scale(l.start), end: scale(l.end) });
          break;
      }
    }
  }
  out.loadCases.push({ name, loads });
  return out;
}
