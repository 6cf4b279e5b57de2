// Arrows as two draw calls however many there are: one wide-line batch for the shafts and one
// instanced cone mesh for the heads (a moment gets two heads, the usual double arrow).
import * as THREE from 'three';
import type { Arrow } from './glyph-types';
import { lineBatch } from './gpu-objects';
import type { SceneColours } from './theme-colours';

let cone: THREE.ConeGeometry | undefined;

/** A unit cone with its tip at the origin pointing along +y. */
function headGeometry(): THREE.ConeGeometry {
  if (!cone) {
    cone = new THREE.ConeGeometry(0.32, 1, 14, 1);
    cone.translate(0, -0.5, 0);
  }
  return cone;
}

export function arrowObjects(arrows: Arrow[], colours: SceneColours, glyph: number, width = 2): THREE.Group {
  const group = new THREE.Group();
  if (!arrows.length) return group;
  const shafts = new Float32Array(arrows.length * 6);
  const shaftColours = new Float32Array(arrows.length * 6);
  const heads = arrows.reduce((n, a) => n + (a.double ? 2 : 1), 0);
  const mesh = new THREE.InstancedMesh(headGeometry(), new THREE.MeshLambertMaterial({ color: 0xffffff }), heads);
  const m = new THREE.Matrix4();
  const q = new THREE.Quaternion();
  const up = new THREE.Vector3(0, 1, 0);
  const d = new THREE.Vector3();
  const tip = new THREE.Vector3();
  const s = new THREE.Vector3();
  let h = 0;
  arrows.forEach((a, k) => {
    const c = colours.roles[a.role];
    tip.set(a.tip[0], a.tip[1], a.tip[2]);
    d.set(a.tip[0] - a.tail[0], a.tip[1] - a.tail[1], a.tip[2] - a.tail[2]);
    const len = d.length();
    d.normalize();
    const headLength = Math.min(0.9 * glyph * a.head, 0.45 * len);
    q.setFromUnitVectors(up, d);
    s.set(headLength * 0.9, headLength, headLength * 0.9);
    mesh.setMatrixAt(h, m.compose(tip, q, s));
    mesh.setColorAt(h++, c);
    let shaftEnd = headLength * 0.8;
    if (a.double) {
      const second = tip.clone().addScaledVector(d, -headLength * 0.85);
      mesh.setMatrixAt(h, m.compose(second, q, s));
      mesh.setColorAt(h++, c);
      shaftEnd += headLength * 0.85;
    }
    shafts.set(a.tail, k * 6);
    shafts.set([a.tip[0] - d.x * shaftEnd, a.tip[1] - d.y * shaftEnd, a.tip[2] - d.z * shaftEnd], k * 6 + 3);
    shaftColours.set([c.r, c.g, c.b, c.r, c.g, c.b], k * 6);
  });
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  mesh.computeBoundingSphere();
  group.add(lineBatch(shafts, { width, colours: shaftColours }), mesh);
  return group;
}
