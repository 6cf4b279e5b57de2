// A model view of any size for the 3D view's scale tests and benchmark: a building grid of
// columns and beams in both directions, three sections, fixed bases, a line load on every beam,
// and results of the same shape the engine writes (11 stations per member, node displacements,
// reactions) filled with smooth made-up values — the view's cost depends on their count, not on
// their physics. Deterministic (seeded).
import type { MemberView, ModelView, NodeView, SourceLocation, XYZ } from '../../language-server/src/shared/model-view';
import type { CaseResult, ResultsDocument, Station } from '../../language-server/src/shared/protocol';
import { mulberry32 } from '../support/random';

const at: SourceLocation = { uri: 'file:///grid.struct', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
const NO_RELEASE = [false, false, false, false, false, false];

/** About `members` members (rounded to whole storeys of an n × n grid). */
export function gridModel(members: number, seed = 1): { view: ModelView; results: ResultsDocument } {
  const rand = mulberry32(seed);
  // Per storey of an n × n grid of nodes: n² columns and 2·n·(n−1) beams.
  const storeys = Math.max(1, Math.round(Math.cbrt(members / 3)));
  let n = 2;
  while ((n + 1) ** 2 + 2 * (n + 1) * n <= members / storeys) n++;
  const bay = 6, h = 3.5;
  const nodes: NodeView[] = [];
  const id = (i: number, j: number, k: number) => k * n * n + j * n + i;
  for (let k = 0; k <= storeys; k++) for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) nodes.push({ name: `N${i}_${j}_${k}`, xyz: [i * bay, j * bay, k * h], at });
  const list: MemberView[] = [];
  const member = (name: string, a: number, b: number, section: number) => {
    const p = nodes[a].xyz, q = nodes[b].xyz;
    const d: XYZ = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
    const L = Math.hypot(...d);
    const x: XYZ = [d[0] / L, d[1] / L, d[2] / L];
    const vertical = Math.hypot(x[0], x[1]) < 1e-6;
    const y: XYZ = vertical ? [0, 1, 0] : [-x[1], x[0], 0];
    const z: XYZ = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
    list.push({ name, i: a, j: b, section, length: L, axes: { x, y, z }, roll: 0, truss: false, releaseI: NO_RELEASE, releaseJ: NO_RELEASE, at });
  };
  for (let k = 0; k < storeys; k++) {
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) member(`C${i}_${j}_${k}`, id(i, j, k), id(i, j, k + 1), 0);
    for (let j = 0; j < n; j++) for (let i = 0; i + 1 < n; i++) member(`X${i}_${j}_${k + 1}`, id(i, j, k + 1), id(i + 1, j, k + 1), 1);
    for (let j = 0; j + 1 < n; j++) for (let i = 0; i < n; i++) member(`Y${i}_${j}_${k + 1}`, id(i, j, k + 1), id(i, j + 1, k + 1), 2);
  }
  const beams = list.map((m, k) => ({ m, k })).filter(({ m }) => m.section !== 0);
  const view: ModelView = {
    format: 'struktur-model-view/1', uri: 'file:///grid.struct', files: ['file:///grid.struct'], title: 'Building grid', valid: true, errors: 0,
    units: { force: 'kN', length: 'm' },
    nodes,
    sections: [
      { name: 'COL', shape: 'i', dimensions: { h: 0.24, b: 0.24, tw: 0.01, tf: 0.017 }, at },
      { name: 'BX', shape: 'i', dimensions: { h: 0.36, b: 0.17, tw: 0.008, tf: 0.0127 }, at },
      { name: 'BY', shape: 'i', dimensions: { h: 0.3, b: 0.15, tw: 0.0071, tf: 0.0107 }, at },
    ],
    members: list,
    supports: Array.from({ length: n * n }, (_, k) => ({ node: k, restrained: [true, true, true, true, true, true], springs: [0, 0, 0, 0, 0, 0], kind: 'fixed' as const, at })),
    loadCases: [{ name: 'DEAD', at, loads: beams.map(({ k }) => ({ kind: 'distributed' as const, member: k, local: false, from: 0, to: list[k].length, start: [0, 0, -20000, 0, 0, 0], end: [0, 0, -20000, 0, 0, 0] })) }],
    combinations: [],
  };
  const result: CaseResult = { name: 'DEAD', kind: 'load', nodes: {}, members: {} };
  nodes.forEach((node, k) => {
    const base = k < n * n;
    result.nodes[node.name] = { u: base ? [0, 0, 0, 0, 0, 0] : [0.002 * rand(), 0.002 * rand(), -0.004 * (node.xyz[2] / (storeys * h)), 0, 0, 0] };
    if (base) result.nodes[node.name].reaction = [1000 * rand(), 1000 * rand(), 200000 + 1000 * rand(), 0, 0, 0];
  });
  for (const m of list) {
    const stations: Station[] = [];
    const w = m.section === 0 ? 0 : 20000;
    for (let s = 0; s <= 10; s++) {
      const x = (s / 10) * m.length;
      const t = x / m.length;
      stations.push({ x, N: m.section === 0 ? -200000 : 0, Vy: 0, Vz: w * (m.length / 2 - x), T: 0, My: (w * m.length ** 2) / 12 - (w * x * (m.length - x)) / 2, Mz: 0, dy: 0, dz: -0.003 * Math.sin(Math.PI * t) * (w ? 1 : 0) });
    }
    result.members[m.name] = { end_forces: new Array(12).fill(0), stations };
  }
  const results: ResultsDocument = { format: 'struktur-results/1', model: view.title, source: 'grid.struct', dofs: 6 * nodes.length, cases: [result], checks: [], diagnostics: [] };
  return { view, results };
}
