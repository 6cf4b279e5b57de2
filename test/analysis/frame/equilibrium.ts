// Equilibrium checks shared by the property tests and the spec example: global equilibrium of
// reactions and applied loads (forces and moments about the origin), member equilibrium of end
// forces and member loads, and stations consistent with end forces and node displacements.
import { strict as assert } from 'node:assert';
import type { MemberGeometry } from '../../../language-server/src/analysis/local-axes';
import type { AnalysisModel, LoadInput, MemberPosition } from '../../../language-server/src/analysis/model-input';
import type { CaseResult } from '../../../language-server/src/analysis/results';

type V3 = [number, number, number];
const add = (a: V3, b: ArrayLike<number>, s = 1): V3 => [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]];
const cross = (a: ArrayLike<number>, b: ArrayLike<number>): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const toGlobal = (g: MemberGeometry, v: ArrayLike<number>, o = 0): V3 => add(add(add([0, 0, 0], g.ex, v[o]), g.ey, v[o + 1]), g.ez, v[o + 2]);
const toLocal = (g: MemberGeometry, v: ArrayLike<number>, o = 0): V3 => [g.ex, g.ey, g.ez].map((e) => e[0] * v[o] + e[1] * v[o + 1] + e[2] * v[o + 2]) as V3;
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));

function resolve(p: MemberPosition | undefined, L: number, fallback: number): number {
  if (!p) return fallback;
  return Math.min(L, Math.max(0, 'distance' in p ? p.distance : p.fraction * L));
}

/** A member load as concentrated pieces in global axes: force f and couple m at distance s
 * from end i (a linear distributed load is integrated exactly by 2-point Gauss–Legendre). */
function memberLoadPieces(l: LoadInput, g: MemberGeometry): { member: number; s: number; f: V3; m: V3 }[] {
  const L = g.length;
  const glob = (v: ArrayLike<number>, local: boolean) => ({ f: local ? toGlobal(g, v, 0) : ([v[0], v[1], v[2]] as V3), m: local ? toGlobal(g, v, 3) : ([v[3], v[4], v[5]] as V3) });
  if (l.kind === 'point') {
    const { f, m } = glob(l.values, l.local);
    return [{ member: l.member, s: resolve(l.at, L, 0), f, m }];
  }
  if (l.kind === 'uniform' || l.kind === 'trapezoid') {
    const a = resolve(l.from, L, 0);
    const b = resolve(l.to, L, L);
    if (!(b > a)) return [];
    const qa = glob(l.kind === 'uniform' ? l.values : l.start, l.local);
    const qb = glob(l.kind === 'uniform' ? l.values : l.end, l.local);
    const out: { member: number; s: number; f: V3; m: V3 }[] = [];
    for (const t of [-1 / Math.sqrt(3), 1 / Math.sqrt(3)]) {
      const u = (1 + t) / 2;
      const w = (b - a) / 2;
      out.push({ member: l.member, s: a + u * (b - a), f: add(add([0, 0, 0], qa.f, (1 - u) * w), qb.f, u * w), m: add(add([0, 0, 0], qa.m, (1 - u) * w), qb.m, u * w) });
    }
    return out;
  }
  return [];
}

function allMemberLoadPieces(model: AnalysisModel, loads: LoadInput[], geo: MemberGeometry[]) {
  const pieces: { member: number; s: number; f: V3; m: V3 }[] = [];
  for (const l of loads) {
    if (l.kind === 'selfweight') {
      model.members.forEach((m, k) => {
        const w = (m.weightPerLength ?? 0) * l.factor;
        pieces.push({ member: k, s: geo[k].length / 2, f: [0, 0, -w * geo[k].length], m: [0, 0, 0] });
      });
    } else if (l.kind === 'uniform' || l.kind === 'trapezoid' || l.kind === 'point') pieces.push(...memberLoadPieces(l, geo[l.member]));
  }
  return pieces;
}

export function maxAbs(xs: Iterable<number>): number {
  let m = 0;
  for (const x of xs) m = Math.max(m, Math.abs(x));
  return m;
}

export function checkEquilibrium(model: AnalysisModel, c: CaseResult, loads: LoadInput[], geo: MemberGeometry[], label: string): void {
  let F: V3 = [0, 0, 0];
  let M: V3 = [0, 0, 0];
  let scale = 0;
  const at = (r: ArrayLike<number>, f: ArrayLike<number>, m: ArrayLike<number>) => {
    F = add(F, f);
    M = add(add(M, m), cross(r, f));
    scale = Math.max(scale, norm(f), norm(m) / 10);
  };
  for (const l of loads) if (l.kind === 'nodal') at(model.nodes[l.node].xyz, l.values.slice(0, 3), l.values.slice(3));
  for (const p of allMemberLoadPieces(model, loads, geo)) {
    const m = model.members[p.member];
    at(add([...model.nodes[m.i].xyz] as V3, geo[p.member].ex, p.s), p.f, p.m);
  }
  // The document's own equilibrium record (an extension of results.md) must equal the resultant
  // of the loads as computed here, and of the reactions it lists.
  const applied = [...F, ...M];
  assert.ok(c.equilibrium, `${label}: no equilibrium record`);
  c.equilibrium.applied.forEach((v, k) => {
    if (!(Math.abs(v - applied[k]) <= 1e-9 * scale * 20 + 1e-6)) assert.fail(`${label}: equilibrium.applied[${k}] = ${v}, expected ${applied[k]}`);
  });
  model.nodes.forEach((n, k) => {
    const r = c.nodes[n.name].reaction;
    if (r) at(n.xyz, r.slice(0, 3), r.slice(3));
    else if (model.supports.some((s) => s.node === k)) assert.fail(`${label}: supported node without reaction`);
  });
  const reactions = [...F, ...M].map((v, k) => v - applied[k]);
  c.equilibrium.reactions.forEach((v, k) => {
    if (!(Math.abs(v - reactions[k]) <= 1e-9 * scale * 20 + 1e-6)) assert.fail(`${label}: equilibrium.reactions[${k}] = ${v}, expected ${reactions[k]}`);
  });
  if (!(norm(F) <= 1e-8 * scale + 1e-6)) assert.fail(`${label}: ΣF = ${F} (scale ${scale})`);
  if (!(norm(M) <= 1e-8 * scale * 20 + 1e-5)) assert.fail(`${label}: ΣM = ${M} (scale ${scale})`);
}

export function checkMembers(model: AnalysisModel, c: CaseResult, loads: LoadInput[], geo: MemberGeometry[], label: string): void {
  const pieces = allMemberLoadPieces(model, loads, geo);
  model.members.forEach((m, k) => {
    const r = c.members[m.name];
    const g = geo[k];
    const L = g.length;
    const Fe = r.end_forces;
    // Σ forces and Σ moments about end i, local axes.
    let f: V3 = [Fe[0] + Fe[6], Fe[1] + Fe[7], Fe[2] + Fe[8]];
    let mo: V3 = add(add([Fe[3], Fe[4], Fe[5]], [Fe[9], Fe[10], Fe[11]]), cross([L, 0, 0], [Fe[6], Fe[7], Fe[8]]));
    let scale = norm(Fe.slice(0, 3)) + norm(Fe.slice(6, 9)) + 1;
    for (const p of pieces) {
      if (p.member !== k) continue;
      const fl = toLocal(g, p.f);
      f = add(f, fl);
      mo = add(add(mo, toLocal(g, p.m)), cross([p.s, 0, 0], fl));
      scale += norm(p.f);
    }
    if (!(norm(f) <= 1e-8 * scale)) assert.fail(`${label} ${m.name}: member ΣF ${f}`);
    if (!(norm(mo) <= 1e-8 * scale * (L + 1))) assert.fail(`${label} ${m.name}: member ΣM ${mo}`);
    // Stations: S(0) = −F_i, S(L) = F_j, and the axis meets the nodes (no translation released).
    const first = r.stations[0];
    const last = r.stations[r.stations.length - 1];
    assert.equal(first.x, 0);
    assert.ok(Math.abs(last.x - L) <= 1e-9 * L);
    const names = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'] as const;
    names.forEach((q, i) => {
      const tol = 1e-8 * (scale * (L + 1)) + 1e-6;
      if (!(Math.abs(first[q] + Fe[i]) <= tol)) assert.fail(`${label} ${m.name}: S(0).${q} = ${first[q]} vs −F_i ${-Fe[i]}`);
      if (!(Math.abs(last[q] - Fe[6 + i]) <= tol)) assert.fail(`${label} ${m.name}: S(L).${q} = ${last[q]} vs F_j ${Fe[6 + i]}`);
    });
    const translationsHeld = !m.releaseI[0] && !m.releaseI[1] && !m.releaseI[2] && !m.releaseJ[0] && !m.releaseJ[1] && !m.releaseJ[2];
    if (translationsHeld) {
      const ui = toLocal(g, c.nodes[model.nodes[m.i].name].u);
      const uj = toLocal(g, c.nodes[model.nodes[m.j].name].u);
      const dscale = maxAbs([...ui, ...uj]) + 1e-9;
      for (const [st, u] of [[first, ui], [last, uj]] as const) {
        if (!(Math.abs(st.dy - u[1]) <= 1e-7 * dscale + 1e-12)) assert.fail(`${label} ${m.name}: dy ${st.dy} vs ${u[1]}`);
        if (!(Math.abs(st.dz - u[2]) <= 1e-7 * dscale + 1e-12)) assert.fail(`${label} ${m.name}: dz ${st.dz} vs ${u[2]}`);
      }
    }
  });
}
