// The scene's layers as three.js groups: structure (members, nodes, solids, supports, hinges,
// local axes), loads, deformed shape, diagram and reactions. Each layer is a handful of draw calls
// whatever the model's size; the structure also builds its picking twins.
import * as THREE from 'three';
import type { ModelView } from '../../language-server/src/shared/model-view';
import { arrowObjects } from './arrow-objects';
import type { Label, Ribbons } from './glyph-types';
import { instancedSolid, lineBatch, pickInstanced, pickLines, pickPoints, pointBatch, translucentMesh, type LineBatch } from './gpu-objects';
import type { ModelFrame } from './model-frame';
import { sectionOutline } from './section-outline';
import { hingeMarkers, localAxes, memberPickId, nodePickId, structureGeometry, supportGlyphs, type GlyphPrimitive, type StructureGeometry } from './structure-geometry';
import { rampColour, type SceneColours } from './theme-colours';

export const MEMBER_WIDTH = 2;
export const PICK_LINE_WIDTH = 5;
export const NODE_SIZE = 6;
export const PICK_NODE_SIZE = 11;

export interface StructureLayer {
  group: THREE.Group;
  pick: THREE.Group;
  geometry: StructureGeometry;
  lines: LineBatch;
  nodes: THREE.Points;
  solids: { mesh: THREE.InstancedMesh; members: Uint32Array }[];
  supports: THREE.Group;
  hinges: THREE.Group;
  axes: THREE.Group;
  /** Depth of the support glyph under each supported node (reaction arrows end below it). */
  depthBelow: Map<number, number>;
}

/** From this many members, solids are drawn with their outline's bounding box: at that density
 * a flange is below a pixel, and a box is 12 triangles where an I-section is about 44. */
export const COARSE_SECTION_MEMBERS = 20000;

const outlineGeometries = new Map<string, THREE.BufferGeometry>();

/** Extruded outline, x→local y, y→local z, extrusion 0…1 along z (the member's length). */
function sectionGeometry(view: ModelView, s: number, coarse: boolean): THREE.BufferGeometry | undefined {
  const section = view.sections[s];
  let outline = sectionOutline(section);
  if (!outline) return undefined;
  if (coarse) {
    const ys = outline.outer.map((p) => p[0]), zs = outline.outer.map((p) => p[1]);
    const [y0, y1, z0, z1] = [Math.min(...ys), Math.max(...ys), Math.min(...zs), Math.max(...zs)];
    outline = { outer: [[y0, z0], [y1, z0], [y1, z1], [y0, z1]], holes: [], approximate: true };
  }
  const key = JSON.stringify(outline);
  let g = outlineGeometries.get(key);
  if (!g) {
    const shape = new THREE.Shape(outline.outer.map(([y, z]) => new THREE.Vector2(y, z)));
    for (const hole of outline.holes) shape.holes.push(new THREE.Path(hole.map(([y, z]) => new THREE.Vector2(y, z))));
    g = new THREE.ExtrudeGeometry(shape, { depth: 1, bevelEnabled: false, curveSegments: 1 });
    outlineGeometries.set(key, g);
  }
  return g;
}

export function structureLayer(view: ModelView, frame: ModelFrame, colours: SceneColours): StructureLayer {
  const drawable = (s: number) => !!view.sections[s] && !!sectionOutline(view.sections[s]);
  const geometry = structureGeometry(view, frame, drawable);
  const group = new THREE.Group();
  const pick = new THREE.Group();

  const lines = lineBatch(geometry.memberLines, { width: MEMBER_WIDTH, colours: uniformColours(view.members.length * 2, colours.member) });
  lines.name = 'members';
  group.add(lines);
  pick.add(pickLines(geometry.memberLines, geometry.memberPick, PICK_LINE_WIDTH));

  const solids: StructureLayer['solids'] = [];
  const solidGroup = new THREE.Group();
  solidGroup.name = 'solids';
  for (const s of geometry.sections) {
    const g = sectionGeometry(view, s.section, view.members.length >= COARSE_SECTION_MEMBERS);
    if (!g) continue;
    const material = new THREE.MeshLambertMaterial({ color: 0xffffff, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 });
    const mesh = instancedSolid(g, s.matrices, material);
    for (let k = 0; k < s.members.length; k++) mesh.setColorAt(k, colours.solid);
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    solids.push({ mesh, members: s.members });
    solidGroup.add(mesh);
    const twin = pickInstanced(mesh, Array.from(s.members, (m) => memberPickId(m)));
    twin.name = 'solids';
    pick.add(twin);
  }
  group.add(solidGroup);

  const nodes = pointBatch(geometry.nodePoints, NODE_SIZE, colours.node, colours.background);
  nodes.name = 'nodes';
  group.add(nodes);

  const sg = supportGlyphs(view, frame);
  const supports = new THREE.Group();
  supports.name = 'supports';
  const primitives: Record<GlyphPrimitive, THREE.BufferGeometry> = {
    plate: new THREE.BoxGeometry(1, 1, 1),
    // A four-sided cone, square base 1×1, tip up (+z) at the node.
    pyramid: new THREE.ConeGeometry(0.5 * Math.SQRT2, 1, 4, 1).rotateY(Math.PI / 4).rotateX(Math.PI / 2),
    ball: new THREE.SphereGeometry(0.5, 12, 8),
  };
  const supportMaterial = new THREE.MeshLambertMaterial({ color: colours.support });
  for (const primitive of ['plate', 'pyramid', 'ball'] as GlyphPrimitive[]) {
    const list = sg.instances.filter((i) => i.primitive === primitive);
    if (!list.length) continue;
    const matrices = new Float32Array(list.length * 16);
    const m = new THREE.Matrix4();
    list.forEach((i, k) => {
      m.makeScale(i.size[0], i.size[1], i.size[2]).setPosition(i.centre[0], i.centre[1], i.centre[2]);
      m.toArray(matrices, k * 16);
    });
    const mesh = instancedSolid(primitives[primitive], matrices, supportMaterial);
    supports.add(mesh);
    pick.add(pickInstanced(mesh, list.map((i) => nodePickId(view, i.node))));
  }
  if (sg.springLines.length) supports.add(lineBatch(sg.springLines, { width: 1.5, colour: colours.support }));
  group.add(supports);

  const hinges = new THREE.Group();
  hinges.name = 'hinges';
  const hm = hingeMarkers(view, frame);
  if (hm.members.length) {
    const matrices = new Float32Array(hm.members.length * 16);
    const m = new THREE.Matrix4();
    const r = 0.32 * frame.glyph;
    for (let k = 0; k < hm.members.length; k++) {
      m.makeScale(r, r, r).setPosition(hm.positions[k * 3], hm.positions[k * 3 + 1], hm.positions[k * 3 + 2]);
      m.toArray(matrices, k * 16);
    }
    // An open circle from any side: the background-coloured ball inside a member-coloured shell
    // seen from its back faces.
    const sphere = new THREE.SphereGeometry(1, 16, 10);
    const shell = instancedSolid(sphere, matrices, new THREE.MeshBasicMaterial({ color: colours.member, side: THREE.BackSide }));
    const inner = new Float32Array(matrices);
    for (let k = 0; k < hm.members.length; k++) for (const c of [0, 5, 10]) inner[k * 16 + c] *= 0.72;
    const core = instancedSolid(sphere, inner, new THREE.MeshBasicMaterial({ color: colours.background }));
    hinges.add(shell, core);
  }
  group.add(hinges);

  const axes = new THREE.Group();
  axes.name = 'localAxes';
  const la = localAxes(view, frame);
  const axisColours = new Float32Array(la.axis.length * 3);
  la.axis.forEach((a, k) => axisColours.set([colours.axes[a].r, colours.axes[a].g, colours.axes[a].b], k * 3));
  if (la.positions.length) axes.add(lineBatch(la.positions, { width: 2, colours: axisColours }));
  axes.visible = false;
  group.add(axes);

  pick.add(pickPoints(nodes, geometry.nodePick, PICK_NODE_SIZE));
  return { group, pick, geometry, lines, nodes, solids, supports, hinges, axes, depthBelow: sg.depthBelow };
}

export function uniformColours(vertices: number, c: THREE.Color): Float32Array {
  const out = new Float32Array(vertices * 3);
  for (let k = 0; k < vertices; k++) {
    out[k * 3] = c.r;
    out[k * 3 + 1] = c.g;
    out[k * 3 + 2] = c.b;
  }
  return out;
}

/** Per-member colours: the utilisation ramp, or the plain member colour faded when results are
 * drawn over the structure. */
export function memberColours(view: ModelView, colours: SceneColours, opts: { utilisation?: Float32Array; faded: boolean }): THREE.Color[] {
  const out: THREE.Color[] = new Array(view.members.length);
  const plain = opts.faded ? colours.member.clone().lerp(colours.background, 0.55) : colours.member;
  for (let m = 0; m < view.members.length; m++) {
    out[m] = opts.utilisation ? rampColour(colours, opts.utilisation[m]) : plain;
  }
  return out;
}

export function ribbonObjects(r: Ribbons, colours: SceneColours, opacity: number, outlineWidth: number): THREE.Group {
  const group = new THREE.Group();
  if (r.triangles.length) {
    const c = new Float32Array(r.triangles.length);
    r.triangleRoles.forEach((role, k) => {
      const col = colours.roles[role];
      for (let v = 0; v < 3; v++) c.set([col.r, col.g, col.b], k * 9 + v * 3);
    });
    group.add(translucentMesh(r.triangles, c, opacity));
  }
  if (r.outline.length) {
    const c = new Float32Array(r.outline.length);
    r.outlineRoles.forEach((role, k) => {
      const col = colours.roles[role];
      c.set([col.r, col.g, col.b, col.r, col.g, col.b], k * 6);
    });
    group.add(lineBatch(Float32Array.from(r.outline), { width: outlineWidth, colours: c }));
  }
  return group;
}

export { arrowObjects };

export interface LabelledGroup {
  group: THREE.Group;
  labels: Label[];
}

export function emptyLayer(): LabelledGroup {
  return { group: new THREE.Group(), labels: [] };
}
