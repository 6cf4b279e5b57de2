// The other live-session participants' selections as three.js objects: a member is a wide band in
// the participant's colour with the member's own line redrawn on it (ours is a solid line in the
// focus colour, so the two never look alike), a node a ring around it. Drawn over the structure,
// under our own highlight; one batch per participant and stacking layer, not per element.
import * as THREE from 'three';
import type { ModelView } from '../../language-server/src/shared/model-view';
import { lineBatch } from './gpu-objects';
import { local, type ModelFrame } from './model-frame';
import type { ParticipantMark } from './participant-marks';
import { MEMBER_WIDTH } from './scene-layers';
import type { SceneColours } from './theme-colours';

/** Width of a participant's band (px), and how much wider each one under it is. */
export const BAND_WIDTH = MEMBER_WIDTH + 7;
export const BAND_STEP = 5;
/** Diameter of a node's ring (px) and its growth per layer. */
export const RING_SIZE = 20;
export const RING_STEP = 8;
/** Below our own highlight (20, 21). */
const ORDER = 14;

const RING_VERTEX = /* glsl */ `
  uniform float size;
  void main() {
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    gl_PointSize = size;
  }`;

// A ring two and a half pixels thick at any size, with the background just inside it so it reads
// on lines of any colour.
const RING_FRAGMENT = /* glsl */ `
  uniform vec3 colour;
  uniform vec3 inner;
  uniform float size;
  void main() {
    float r = length(gl_PointCoord * 2.0 - 1.0) * size * 0.5;
    float outer = size * 0.5;
    if (r > outer || r < outer - 4.5) discard;
    gl_FragColor = vec4(r > outer - 3.0 ? colour : inner, 1.0);
    #include <colorspace_fragment>
  }`;

function ringBatch(positions: Float32Array, sizePx: number, colour: THREE.Color, inner: THREE.Color): THREE.Points {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  const m = new THREE.ShaderMaterial({
    uniforms: { size: { value: sizePx }, colour: { value: colour.clone() }, inner: { value: inner.clone() } },
    vertexShader: RING_VERTEX,
    fragmentShader: RING_FRAGMENT,
    depthTest: false,
  });
  return new THREE.Points(g, m);
}

function groupByLayer(items: { index: number; layer: number }[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const { index, layer } of items) out.set(layer, [...(out.get(layer) ?? []), index]);
  return out;
}

export function participantObjects(view: ModelView, frame: ModelFrame, marks: ParticipantMark[], colours: SceneColours): THREE.Group {
  const group = new THREE.Group();
  group.name = 'participants';
  marks.forEach((mark, p) => {
    const colour = new THREE.Color(mark.colour);
    for (const [layer, members] of groupByLayer(mark.members)) {
      const positions = new Float32Array(members.length * 6);
      members.forEach((m, k) => positions.set([...local(frame, view.nodes[view.members[m].i].xyz), ...local(frame, view.nodes[view.members[m].j].xyz)], k * 6));
      // Wider bands (of later participants on the same member) first, so every one shows a rim.
      const band = lineBatch(positions, { width: BAND_WIDTH + layer * BAND_STEP, colour, depthTest: false });
      band.renderOrder = ORDER - layer * 0.1 - p * 0.001;
      band.name = `participant ${mark.name} members`;
      const core = lineBatch(positions, { width: MEMBER_WIDTH, colour: colours.member, depthTest: false });
      core.renderOrder = ORDER + 1;
      group.add(band, core);
    }
    for (const [layer, nodes] of groupByLayer(mark.nodes)) {
      const positions = new Float32Array(nodes.length * 3);
      nodes.forEach((n, k) => positions.set(local(frame, view.nodes[n].xyz), k * 3));
      const ring = ringBatch(positions, RING_SIZE + layer * RING_STEP, colour, colours.background);
      ring.renderOrder = ORDER + 2;
      ring.name = `participant ${mark.name} nodes`;
      group.add(ring);
    }
  });
  return group;
}
