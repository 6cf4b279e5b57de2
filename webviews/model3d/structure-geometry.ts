// The structure as GPU-ready arrays: one buffer for all member lines, one for all nodes, one
// instance matrix per member for the extruded sections (grouped by section), and instance
// placements for support glyphs and hinge markers. Everything is merged or instanced so the
// number of draw calls does not grow with the model. Pure: no DOM, no three.
import type { MemberView, ModelView } from '../../language-server/src/shared/model-view';
import { local, type ModelFrame } from './model-frame';
import { combine, type XYZ } from './vec';

/** Pick ids: 0 is nothing, members come first (1…M), then nodes (M+1…M+N). */
export type Picked = { kind: 'member'; index: number } | { kind: 'node'; index: number };

export function memberPickId(m: number): number {
  return m + 1;
}

export function nodePickId(view: Pick<ModelView, 'members'>, n: number): number {
  return view.members.length + n + 1;
}

export function decodePickId(view: Pick<ModelView, 'members' | 'nodes'>, id: number): Picked | undefined {
  if (id <= 0) return undefined;
  if (id <= view.members.length) return { kind: 'member', index: id - 1 };
  const n = id - view.members.length - 1;
  return n < view.nodes.length ? { kind: 'node', index: n } : undefined;
}

/** A 24-bit pick id as three normalised bytes (what an RGB8 render target reads back exactly). */
export function writePickColour(out: Uint8Array, at: number, id: number): void {
  out[at] = (id >> 16) & 255;
  out[at + 1] = (id >> 8) & 255;
  out[at + 2] = id & 255;
}

export function readPickColour(r: number, g: number, b: number): number {
  return (r << 16) | (g << 8) | b;
}

export interface SectionInstances {
  section: number;
  /** Member index of each instance. */
  members: Uint32Array;
  /** Column-major 4×4 per instance mapping the outline (x→local y, y→local z) and a unit
   * extrusion along z onto the member: columns ey, ez, ex·L, position of end i. */
  matrices: Float32Array;
}

export interface StructureGeometry {
  /** Two points per member (i, j), relative to the frame centre. */
  memberLines: Float32Array;
  /** Pick colour per vertex of `memberLines`. */
  memberPick: Uint8Array;
  nodePoints: Float32Array;
  nodePick: Uint8Array;
  sections: SectionInstances[];
  /** Members without a drawable section (no section, or one with no dimensions nor A). */
  unsectioned: number;
}

export function structureGeometry(view: ModelView, frame: ModelFrame, drawable: (section: number) => boolean): StructureGeometry {
  const M = view.members.length;
  const memberLines = new Float32Array(M * 6);
  const memberPick = new Uint8Array(M * 6);
  const bySection = new Map<number, number[]>();
  let unsectioned = 0;
  for (let m = 0; m < M; m++) {
    const mv = view.members[m];
    const a = local(frame, view.nodes[mv.i].xyz);
    const b = local(frame, view.nodes[mv.j].xyz);
    memberLines.set(a, m * 6);
    memberLines.set(b, m * 6 + 3);
    writePickColour(memberPick, m * 6, memberPickId(m));
    writePickColour(memberPick, m * 6 + 3, memberPickId(m));
    if (mv.section !== undefined && drawable(mv.section)) {
      const list = bySection.get(mv.section);
      if (list) list.push(m);
      else bySection.set(mv.section, [m]);
    } else unsectioned++;
  }

  const N = view.nodes.length;
  const nodePoints = new Float32Array(N * 3);
  const nodePick = new Uint8Array(N * 3);
  for (let n = 0; n < N; n++) {
    nodePoints.set(local(frame, view.nodes[n].xyz), n * 3);
    writePickColour(nodePick, n * 3, nodePickId(view, n));
  }

  const sections: SectionInstances[] = [];
  for (const [section, members] of [...bySection].sort((x, y) => x[0] - y[0])) {
    const matrices = new Float32Array(members.length * 16);
    members.forEach((m, k) => matrices.set(memberMatrix(view.members[m], local(frame, view.nodes[view.members[m].i].xyz)), k * 16));
    sections.push({ section, members: Uint32Array.from(members), matrices });
  }
  return { memberLines, memberPick, nodePoints, nodePick, sections, unsectioned };
}

/** Column-major matrix taking outline coordinates (y, z, t∈[0,1]) to the member in 3D. */
export function memberMatrix(m: MemberView, start: XYZ): number[] {
  const { x, y, z } = m.axes;
  const L = m.length;
  return [y[0], y[1], y[2], 0, z[0], z[1], z[2], 0, x[0] * L, x[1] * L, x[2] * L, 0, start[0], start[1], start[2], 1];
}

/** A point on a member's axis at distance `s` from end i, relative to the frame centre. */
export function pointOnMember(view: ModelView, frame: ModelFrame, m: number, s: number): XYZ {
  const mv = view.members[m];
  return combine(local(frame, view.nodes[mv.i].xyz), mv.axes.x, s);
}

// --- symbols -----------------------------------------------------------------------------------

export type GlyphPrimitive = 'plate' | 'pyramid' | 'ball';

/** An axis-aligned glyph instance: a unit primitive scaled and placed (Z up). */
export interface GlyphInstance {
  primitive: GlyphPrimitive;
  centre: XYZ;
  size: XYZ;
  /** Node the glyph belongs to (picking a support picks its node). */
  node: number;
}

export interface SupportGlyphs {
  instances: GlyphInstance[];
  /** Zig-zag springs as line segments. */
  springLines: Float32Array;
  /** Height of the glyph under each supported node, so reaction arrows can end below it. */
  depthBelow: Map<number, number>;
}

/** Glyphs under each supported node: fixed — a plate; pinned — a pyramid on a plate; roller —
 * a pyramid on balls; spring — a zig-zag on a plate; other restraint sets — a pyramid. */
export function supportGlyphs(view: ModelView, frame: ModelFrame): SupportGlyphs {
  const g = frame.glyph;
  const instances: GlyphInstance[] = [];
  const springs: number[] = [];
  const depthBelow = new Map<number, number>();
  for (const s of view.supports) {
    const p = local(frame, view.nodes[s.node].xyz);
    const at = (dz: number): XYZ => [p[0], p[1], p[2] - dz];
    const plate = (top: number, w = 1.8 * g) => instances.push({ primitive: 'plate', centre: at(top + 0.125 * g), size: [w, w, 0.25 * g], node: s.node });
    const pyramid = (h = 1.1 * g) => instances.push({ primitive: 'pyramid', centre: at(h / 2), size: [1.2 * g, 1.2 * g, h], node: s.node });
    let depth = 0;
    switch (s.kind) {
      case 'fixed':
        plate(0, 2 * g);
        depth = 0.25 * g;
        break;
      case 'pinned':
        pyramid();
        plate(1.1 * g);
        depth = 1.35 * g;
        break;
      case 'roller': {
        pyramid();
        const r = 0.18 * g;
        for (const dx of [-0.35 * g, 0.35 * g]) instances.push({ primitive: 'ball', centre: [p[0] + dx, p[1], p[2] - 1.1 * g - r], size: [2 * r, 2 * r, 2 * r], node: s.node });
        plate(1.1 * g + 2 * r);
        depth = 1.1 * g + 2 * r + 0.25 * g;
        break;
      }
      case 'spring': {
        const h = 1.4 * g;
        zigzag(springs, p, h, 0.35 * g);
        plate(h);
        depth = h + 0.25 * g;
        break;
      }
      case 'custom':
        pyramid(0.9 * g);
        depth = 0.9 * g;
        break;
    }
    depthBelow.set(s.node, depth);
  }
  return { instances, springLines: Float32Array.from(springs), depthBelow };
}

function zigzag(out: number[], top: XYZ, height: number, width: number): void {
  const teeth = 6;
  const lead = height * 0.15;
  const pts: XYZ[] = [top, [top[0], top[1], top[2] - lead]];
  const body = height - 2 * lead;
  for (let k = 1; k < teeth * 2; k++) {
    const side = k % 2 ? 1 : -1;
    pts.push([top[0] + (side * width) / 2, top[1], top[2] - lead - (k / (teeth * 2)) * body]);
  }
  pts.push([top[0], top[1], top[2] - height + lead], [top[0], top[1], top[2] - height]);
  for (let k = 0; k + 1 < pts.length; k++) out.push(...pts[k], ...pts[k + 1]);
}

/** Hinge markers: a ball a little inside each end whose rotations are released (truss members
 * are pinned by definition and get none, or a truss would drown in circles). */
export function hingeMarkers(view: ModelView, frame: ModelFrame): { positions: Float32Array; members: Uint32Array } {
  const pos: number[] = [];
  const members: number[] = [];
  const g = frame.glyph;
  view.members.forEach((mv, m) => {
    if (mv.truss) return;
    const inset = Math.min(0.7 * g, 0.2 * mv.length);
    if (mv.releaseI.slice(3).some(Boolean)) {
      pos.push(...pointOnMember(view, frame, m, inset));
      members.push(m);
    }
    if (mv.releaseJ.slice(3).some(Boolean)) {
      pos.push(...pointOnMember(view, frame, m, mv.length - inset));
      members.push(m);
    }
  });
  return { positions: Float32Array.from(pos), members: Uint32Array.from(members) };
}

/** Local axes at each member's midpoint: segments x, y, z (axis 0, 1, 2 per segment). */
export function localAxes(view: ModelView, frame: ModelFrame): { positions: Float32Array; axis: Uint8Array } {
  const M = view.members.length;
  const positions = new Float32Array(M * 18);
  const axis = new Uint8Array(M * 6);
  view.members.forEach((mv, m) => {
    const mid = pointOnMember(view, frame, m, mv.length / 2);
    const len = Math.min(1.6 * frame.glyph, 0.3 * mv.length);
    [mv.axes.x, mv.axes.y, mv.axes.z].forEach((e, k) => {
      positions.set(mid, m * 18 + k * 6);
      positions.set(combine(mid, e, len), m * 18 + k * 6 + 3);
      axis[m * 6 + k * 2] = k;
      axis[m * 6 + k * 2 + 1] = k;
    });
  });
  return { positions, axis };
}
