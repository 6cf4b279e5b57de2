// The model as the report draws and tabulates it: node positions, members with their end points,
// length and local axes, supports — taken from the semantic model of a valid file.
import type { MaterialEntity, Model, SectionEntity, Flags6, Six } from '../language/semantic/model';
import { memberGeometry } from '../analysis/local-axes';
import type { Vec3 } from './figures/projection';

export interface ReportMember {
  name: string;
  i: string;
  j: string;
  xi: Vec3;
  xj: Vec3;
  length: number;
  ex: Vec3;
  ey: Vec3;
  ez: Vec3;
  truss: boolean;
  roll: number;
  releaseI: Flags6;
  releaseJ: Flags6;
  section?: string;
  sectionEntity?: SectionEntity;
  material?: MaterialEntity;
}

export interface ReportSupport {
  node: string;
  xyz: Vec3;
  restrained: Flags6;
  springs: Six;
}

export interface ReportModel {
  nodes: Map<string, Vec3>;
  members: ReportMember[];
  memberByName: Map<string, ReportMember>;
  supports: ReportSupport[];
  points: Vec3[];
}

export function reportModel(model: Model): ReportModel {
  const nodes = new Map<string, Vec3>();
  for (const n of model.nodes) if (n.xyz) nodes.set(n.decl.name, n.xyz);
  const members: ReportMember[] = [];
  for (const m of model.members) {
    const xi = m.i && nodes.get(m.i.name);
    const xj = m.j && nodes.get(m.j.name);
    if (!xi || !xj) continue;
    const g = memberGeometry([...xi], [...xj], m.roll);
    const sectionEntity = m.section ? (model.entityOf(m.section) as SectionEntity | undefined) : undefined;
    const material = sectionEntity?.material ? (model.entityOf(sectionEntity.material) as MaterialEntity | undefined) : undefined;
    members.push({
      name: m.decl.name, i: m.i!.name, j: m.j!.name, xi, xj, length: g.length, ex: g.ex, ey: g.ey, ez: g.ez,
      truss: m.truss, roll: m.roll, releaseI: m.releaseI, releaseJ: m.releaseJ, section: m.section?.name, sectionEntity, material,
    });
  }
  const supports: ReportSupport[] = [];
  for (const s of model.supports) {
    const xyz = s.node && nodes.get(s.node.name);
    if (xyz) supports.push({ node: s.node!.name, xyz, restrained: s.restrained, springs: s.springs });
  }
  return { nodes, members, memberByName: new Map(members.map((m) => [m.name, m])), supports, points: [...nodes.values()] };
}

/** Point at distance `x` along the member. */
export function along(m: ReportMember, x: number): Vec3 {
  return [m.xi[0] + m.ex[0] * x, m.xi[1] + m.ex[1] * x, m.xi[2] + m.ex[2] * x];
}

export function modelExtent(points: Vec3[]): number {
  if (!points.length) return 1;
  let e = 0;
  for (let k = 0; k < 3; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      lo = Math.min(lo, p[k]);
      hi = Math.max(hi, p[k]);
    }
    e = Math.max(e, hi - lo);
  }
  return e || 1;
}
