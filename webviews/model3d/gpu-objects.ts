// three.js objects built from the pure geometry: batched lines (screen-space width, one draw call
// per batch), round node points, instanced solids, and their twins for the id-colour picking
// pass. Every pick twin shares its display object's buffers.
import * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';

/** Above this many segments a batch is drawn as hairlines: wide lines cost 4 vertices each. */
export const WIDE_LINE_LIMIT = 250_000;

export type LineBatch = THREE.LineSegments | LineSegments2;

export interface LineStyle {
  width: number;
  colour?: THREE.Color;
  /** Per-vertex colours (3 floats per vertex, 6 per segment). */
  colours?: Float32Array;
  opacity?: number;
  depthTest?: boolean;
  dashed?: boolean;
}

/** All line materials whose resolution follows the canvas. */
export const lineMaterials = new Set<LineMaterial>();
/** Line materials of the picking pass (their resolution is the pick window). */
export const pickLineMaterials = new Set<LineMaterial>();

export function lineBatch(positions: Float32Array, style: LineStyle): LineBatch {
  const segments = positions.length / 6;
  const transparent = (style.opacity ?? 1) < 1;
  if (segments > WIDE_LINE_LIMIT) {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    if (style.colours) g.setAttribute('color', new THREE.BufferAttribute(style.colours, 3));
    const m = new THREE.LineBasicMaterial({
      color: style.colours ? 0xffffff : style.colour, vertexColors: !!style.colours,
      transparent, opacity: style.opacity ?? 1, depthTest: style.depthTest ?? true,
    });
    return new THREE.LineSegments(g, m);
  }
  const g = new LineSegmentsGeometry();
  g.setPositions(positions);
  if (style.colours) g.setColors(style.colours);
  const m = new LineMaterial({
    color: style.colours ? 0xffffff : (style.colour?.getHex() ?? 0xffffff),
    vertexColors: !!style.colours,
    linewidth: style.width,
    transparent, opacity: style.opacity ?? 1,
    depthTest: style.depthTest ?? true,
    dashed: !!style.dashed,
  });
  if (style.colour && !style.colours) m.color.copy(style.colour);
  lineMaterials.add(m);
  const line = new LineSegments2(g, m);
  if (style.dashed) line.computeLineDistances();
  return line;
}

/** Updates the per-vertex colours of a batch in place (utilisation, highlight). */
export function setLineColours(batch: LineBatch, colours: Float32Array): void {
  if (batch instanceof LineSegments2) {
    const attr = batch.geometry.getAttribute('instanceColorStart') as THREE.InterleavedBufferAttribute | undefined;
    if (attr && attr.data.array.length === colours.length) {
      (attr.data.array as Float32Array).set(colours);
      attr.data.needsUpdate = true;
    } else batch.geometry.setColors(colours);
  } else {
    batch.geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  }
}

/** The picking twin of a line batch: same positions, pick ids as colours, a wider line so a
 * hairline member can be hit a few pixels off. */
export function pickLines(positions: Float32Array, pick: Uint8Array, width: number): LineBatch {
  const colours = new Float32Array(pick.length);
  for (let k = 0; k < pick.length; k++) colours[k] = pick[k] / 255;
  const batch = lineBatch(positions, { width, colours });
  const m = batch.material as THREE.Material;
  m.blending = THREE.NoBlending;
  if (m instanceof LineMaterial) {
    lineMaterials.delete(m);
    pickLineMaterials.add(m);
  }
  return batch;
}

// --- points ----------------------------------------------------------------------------------

const POINT_VERTEX = /* glsl */ `
  uniform float size;
  #ifdef PICK
  attribute vec3 pickColor;
  varying vec3 vPick;
  #endif
  void main() {
    #ifdef PICK
    vPick = pickColor;
    #endif
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    gl_PointSize = size;
  }`;

const POINT_FRAGMENT = /* glsl */ `
  uniform vec3 fill;
  uniform vec3 rim;
  #ifdef PICK
  varying vec3 vPick;
  #endif
  void main() {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    float r = dot(p, p);
    if (r > 1.0) discard;
    #ifdef PICK
    gl_FragColor = vec4(vPick, 1.0);
    #else
    gl_FragColor = vec4(r > 0.45 ? rim : fill, 1.0);
    #include <colorspace_fragment>
    #endif
  }`;

/** Round dots of a fixed pixel size with a rim (the rim keeps them visible on any line). */
export function pointBatch(positions: Float32Array, sizePx: number, fill: THREE.Color, rim: THREE.Color): THREE.Points {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  const m = new THREE.ShaderMaterial({
    uniforms: { size: { value: sizePx }, fill: { value: fill.clone() }, rim: { value: rim.clone() } },
    vertexShader: POINT_VERTEX,
    fragmentShader: POINT_FRAGMENT,
  });
  return new THREE.Points(g, m);
}

export function pickPoints(source: THREE.Points, pick: Uint8Array, sizePx: number): THREE.Points {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', source.geometry.getAttribute('position'));
  g.setAttribute('pickColor', new THREE.BufferAttribute(pick, 3, true));
  const m = new THREE.ShaderMaterial({
    defines: { PICK: '' },
    uniforms: { size: { value: sizePx }, fill: { value: new THREE.Color() }, rim: { value: new THREE.Color() } },
    vertexShader: POINT_VERTEX,
    fragmentShader: POINT_FRAGMENT,
    depthTest: false,
    blending: THREE.NoBlending,
  });
  const p = new THREE.Points(g, m);
  p.renderOrder = 10;
  return p;
}

// --- instanced solids --------------------------------------------------------------------------

const PICK_INSTANCED_VERTEX = /* glsl */ `
  attribute vec3 pickColor;
  varying vec3 vPick;
  void main() {
    vPick = pickColor;
    gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
  }`;

const PICK_FRAGMENT = /* glsl */ `
  varying vec3 vPick;
  void main() { gl_FragColor = vec4(vPick, 1.0); }`;

export function instancedSolid(geometry: THREE.BufferGeometry, matrices: Float32Array, material: THREE.Material): THREE.InstancedMesh {
  const count = matrices.length / 16;
  const mesh = new THREE.InstancedMesh(geometry, material, count);
  mesh.instanceMatrix.array.set(matrices);
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingSphere();
  return mesh;
}

/** The picking twin of an instanced mesh: same geometry and instance matrices, id per instance. */
export function pickInstanced(source: THREE.InstancedMesh, ids: ArrayLike<number>): THREE.InstancedMesh {
  const g = new THREE.BufferGeometry();
  for (const [name, attr] of Object.entries(source.geometry.attributes)) if (name === 'position') g.setAttribute(name, attr);
  if (source.geometry.index) g.setIndex(source.geometry.index);
  const pick = new Uint8Array(ids.length * 3);
  for (let k = 0; k < ids.length; k++) {
    pick[k * 3] = (ids[k] >> 16) & 255;
    pick[k * 3 + 1] = (ids[k] >> 8) & 255;
    pick[k * 3 + 2] = ids[k] & 255;
  }
  g.setAttribute('pickColor', new THREE.InstancedBufferAttribute(pick, 3, true));
  const m = new THREE.ShaderMaterial({ vertexShader: PICK_INSTANCED_VERTEX, fragmentShader: PICK_FRAGMENT, blending: THREE.NoBlending, side: THREE.DoubleSide });
  const mesh = new THREE.InstancedMesh(g, m, source.count);
  mesh.instanceMatrix = source.instanceMatrix;
  mesh.boundingSphere = source.boundingSphere;
  return mesh;
}

/** Flat triangles with per-triangle colours, translucent (load ribbons, diagram fills). */
export function translucentMesh(triangles: number[], colours: Float32Array, opacity: number): THREE.Mesh {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(Float32Array.from(triangles), 3));
  g.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  const m = new THREE.MeshBasicMaterial({ vertexColors: true, transparent: true, opacity, side: THREE.DoubleSide, depthWrite: false });
  return new THREE.Mesh(g, m);
}

/** Disposes geometries and materials below `root` (textures are not used). */
export function disposeTree(root: THREE.Object3D): void {
  root.traverse((o) => {
    const obj = o as THREE.Mesh;
    if (obj.geometry) obj.geometry.dispose();
    const mat = obj.material as THREE.Material | THREE.Material[] | undefined;
    for (const m of Array.isArray(mat) ? mat : mat ? [mat] : []) {
      if (m instanceof LineMaterial) {
        lineMaterials.delete(m);
        pickLineMaterials.delete(m);
      }
      m.dispose();
    }
  });
}
