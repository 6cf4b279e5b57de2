// Member loads of one load case, brought to the member's local axes. Global components are
// rotated (loads act per unit length of the member axis, spec "Details"); selfweight is
// weightPerLength along −Z. Positions resolve to distances from end i.
import type { AnalysisModel, LoadInput, MemberPosition } from './model-input';
import { toLocal3, type MemberGeometry } from './local-axes';

/** Six local components: forces fx fy fz then moments mx my mz (per length, or concentrated). */
export type Local6 = [number, number, number, number, number, number];

/** A load varying linearly from qa at x = a to qb at x = b (per unit length, local axes). */
export interface LocalLinearLoad {
  a: number;
  b: number;
  qa: Local6;
  qb: Local6;
}

export interface LocalPointLoad {
  x: number;
  p: Local6;
}

export interface MemberLoads {
  linear: LocalLinearLoad[];
  points: LocalPointLoad[];
}

export function emptyMemberLoads(): MemberLoads {
  return { linear: [], points: [] };
}

export function resolvePosition(pos: MemberPosition | undefined, L: number, fallback: number): number {
  if (!pos) return fallback;
  const x = 'distance' in pos ? pos.distance : pos.fraction * L;
  return Math.min(L, Math.max(0, x));
}

function toLocal6(values: ArrayLike<number>, local: boolean, g: MemberGeometry): Local6 {
  if (local) return [values[0], values[1], values[2], values[3], values[4], values[5]];
  const f = toLocal3(g.R, values, 0);
  const m = toLocal3(g.R, values, 3);
  return [f[0], f[1], f[2], m[0], m[1], m[2]];
}

export interface CaseMemberLoads {
  /** Local loads per member index (absent: none). */
  byMember: Map<number, MemberLoads>;
  /** Members that selfweight could not load (no weightPerLength). */
  missingWeight: number[];
}

/** Collects the member loads of one case. Loads on zero-length members are dropped (the member
 * itself is reported). */
export function collectMemberLoads(model: AnalysisModel, loads: LoadInput[], geometry: MemberGeometry[]): CaseMemberLoads {
  const byMember = new Map<number, MemberLoads>();
  const missingWeight: number[] = [];
  const of = (m: number) => {
    let l = byMember.get(m);
    if (!l) byMember.set(m, (l = emptyMemberLoads()));
    return l;
  };
  for (const load of loads) {
    switch (load.kind) {
      case 'selfweight':
        model.members.forEach((member, m) => {
          const g = geometry[m];
          if (!(g.length > 0)) return;
          if (member.weightPerLength === undefined) {
            missingWeight.push(m);
            return;
          }
          const w = member.weightPerLength * load.factor;
          if (w === 0) return;
          const q = toLocal6([0, 0, -w, 0, 0, 0], false, g);
          of(m).linear.push({ a: 0, b: g.length, qa: q, qb: q.slice() as Local6 });
        });
        break;
      case 'uniform':
      case 'trapezoid': {
        const g = geometry[load.member];
        if (!(g.length > 0)) break;
        const a = resolvePosition(load.from, g.length, 0);
        const b = resolvePosition(load.to, g.length, g.length);
        if (!(b > a)) break;
        const qa = toLocal6(load.kind === 'uniform' ? load.values : load.start, load.local, g);
        const qb = toLocal6(load.kind === 'uniform' ? load.values : load.end, load.local, g);
        of(load.member).linear.push({ a, b, qa, qb });
        break;
      }
      case 'point': {
        const g = geometry[load.member];
        if (!(g.length > 0)) break;
        of(load.member).points.push({ x: resolvePosition(load.at, g.length, 0), p: toLocal6(load.values, load.local, g) });
        break;
      }
      default:
        break;
    }
  }
  return { byMember, missingWeight };
}

/** Total force and moment about end i of a member's loads, local axes. */
export function loadResultantAboutI(loads: MemberLoads): Local6 {
  const r: Local6 = [0, 0, 0, 0, 0, 0];
  const addAt = (x: number, f: ArrayLike<number>) => {
    r[0] += f[0];
    r[1] += f[1];
    r[2] += f[2];
    // moment of force f at (x,0,0) about end i: x e_x × f = (0, −x fz, x fy)
    r[3] += f[3];
    r[4] += f[4] - x * f[2];
    r[5] += f[5] + x * f[1];
  };
  for (const p of loads.points) addAt(p.x, p.p);
  for (const l of loads.linear) {
    const len = l.b - l.a;
    // A linear load is the sum of two triangles; each equals its resultant at its centroid.
    const ta = l.qa.map((v) => (v * len) / 2);
    const tb = l.qb.map((v) => (v * len) / 2);
    addAt(l.a + len / 3, ta);
    addAt(l.a + (2 * len) / 3, tb);
  }
  return r;
}
