// The renderer, the camera and its controls, picking and the frame loop. Frames are drawn on
// demand (a camera move, a new layer), never continuously, so an idle view costs nothing.
// Orthographic camera with Z up: engineering views without perspective distortion.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { lineMaterials, pickLineMaterials } from './gpu-objects';
import { LabelOverlay } from './label-overlay';
import type { ModelFrame } from './model-frame';
import type { SceneColours } from './theme-colours';
import type { XYZ } from './vec';

export type StandardView = 'iso' | 'xy' | 'xz' | 'yz';

/** Direction from the target to the camera, and the camera's up, for each standard view. */
export const VIEW_DIRECTIONS: Record<StandardView, { dir: XYZ; up: XYZ }> = {
  iso: { dir: [1, -1, 0.82], up: [0, 0, 1] },
  xy: { dir: [0, -1e-5, 1], up: [0, 0, 1] }, // from above, +Y up the screen
  xz: { dir: [0, -1, 0], up: [0, 0, 1] }, // from the front (−Y)
  yz: { dir: [1, 0, 0], up: [0, 0, 1] }, // from the side (+X)
};

export const PICK_RADIUS = 4;

export interface CameraPose {
  position: XYZ;
  target: XYZ;
  up: XYZ;
  zoom: number;
}

export class Viewer {
  readonly renderer: THREE.WebGLRenderer;
  readonly scene = new THREE.Scene();
  readonly pickScene = new THREE.Scene();
  readonly camera: THREE.OrthographicCamera;
  readonly controls: OrbitControls;
  readonly labels: LabelOverlay;
  private readonly pickTarget: THREE.WebGLRenderTarget;
  private readonly pickBuffer: Uint8Array;
  private readonly headlight = new THREE.DirectionalLight(0xffffff, 1.6);
  private readonly hemisphere = new THREE.HemisphereLight(0xffffff, 0x888888, 1.4);
  private frame: ModelFrame | undefined;
  private pending = 0;
  private width = 1;
  private height = 1;
  colours: SceneColours;
  /** Frames drawn so far, and how long the last one took (ms, CPU side). */
  frames = 0;
  lastFrameMs = 0;
  private readonly frameWaiters: (() => void)[] = [];
  /** Called after every frame (the status line, tests). */
  onFrame: (() => void) | undefined;
  /** Called when the user starts and stops moving the camera (large models draw less then). */
  onInteraction: ((active: boolean) => void) | undefined;
  /** Called when the user moved the camera (state is saved then). */
  onCameraChange: (() => void) | undefined;

  constructor(readonly host: HTMLElement, colours: SceneColours) {
    this.colours = colours;
    this.renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.domElement.className = 'scene';
    host.append(this.renderer.domElement);
    this.labels = new LabelOverlay(host);

    this.camera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0.01, 100);
    this.camera.up.set(0, 0, 1);
    this.camera.add(this.headlight);
    this.headlight.position.set(0.3, 0.5, 1);
    this.scene.add(this.camera, this.hemisphere);
    this.hemisphere.position.set(0, 0, 1);

    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.enableDamping = false;
    this.controls.zoomToCursor = true;
    this.controls.screenSpacePanning = true;
    this.controls.addEventListener('change', () => {
      this.requestRender();
    });
    this.controls.addEventListener('start', () => this.onInteraction?.(true));
    this.controls.addEventListener('end', () => {
      this.onInteraction?.(false);
      this.onCameraChange?.();
    });

    this.pickTarget = new THREE.WebGLRenderTarget(2 * PICK_RADIUS + 1, 2 * PICK_RADIUS + 1, { type: THREE.UnsignedByteType, format: THREE.RGBAFormat, depthBuffer: true });
    this.pickBuffer = new Uint8Array((2 * PICK_RADIUS + 1) ** 2 * 4);

    new ResizeObserver(() => this.resize()).observe(host);
    this.resize();
    this.applyColours(colours);
  }

  applyColours(colours: SceneColours): void {
    this.colours = colours;
    this.scene.background = colours.background.clone();
    this.requestRender();
  }

  resize(): void {
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    this.width = w;
    this.height = h;
    this.renderer.setSize(w, h, true);
    this.labels.resize(w, h, this.renderer.getPixelRatio());
    this.updateFrustum();
    this.requestRender();
  }

  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** The model changed size or place: the camera's clipping range and frustum follow. */
  setFrame(frame: ModelFrame): void {
    this.frame = frame;
    this.camera.near = 0.001 * frame.diagonal;
    this.camera.far = 20 * frame.diagonal;
    this.controls.minZoom = 0.02;
    this.controls.maxZoom = 5000;
    this.updateFrustum();
  }

  private updateFrustum(): void {
    const half = (this.frame?.diagonal ?? 1) * 0.6;
    const aspect = this.width / this.height;
    this.camera.left = -half * aspect;
    this.camera.right = half * aspect;
    this.camera.top = half;
    this.camera.bottom = -half;
    this.camera.updateProjectionMatrix();
    for (const m of lineMaterials) m.resolution.set(this.width, this.height);
  }

  /** Looks along a standard direction at the whole model. */
  setView(view: StandardView): void {
    const { dir, up } = VIEW_DIRECTIONS[view];
    this.lookAlong(dir, up);
  }

  lookAlong(dir: XYZ, up: XYZ = [0, 0, 1]): void {
    const d = new THREE.Vector3(...dir).normalize();
    const distance = 5 * (this.frame?.diagonal ?? 1);
    this.controls.target.set(0, 0, 0);
    this.camera.up.set(...up);
    this.camera.position.copy(d.multiplyScalar(distance));
    this.camera.lookAt(this.controls.target);
    this.fit();
  }

  /** Zooms and centres so the model's box (plus a symbol margin) fills the view. */
  fit(): void {
    const f = this.frame;
    if (!f) return;
    this.camera.updateMatrixWorld();
    const margin = 2.5 * f.glyph;
    const lo = new THREE.Vector3(f.min[0] - f.centre[0] - margin, f.min[1] - f.centre[1] - margin, f.min[2] - f.centre[2] - margin);
    const hi = new THREE.Vector3(f.max[0] - f.centre[0] + margin, f.max[1] - f.centre[1] + margin, f.max[2] - f.centre[2] + margin);
    const right = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 0);
    const upv = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 1);
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    const p = new THREE.Vector3();
    for (let k = 0; k < 8; k++) {
      p.set(k & 1 ? hi.x : lo.x, k & 2 ? hi.y : lo.y, k & 4 ? hi.z : lo.z);
      const x = p.dot(right), y = p.dot(upv);
      x0 = Math.min(x0, x); x1 = Math.max(x1, x);
      y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    const w = Math.max(x1 - x0, 1e-6), h = Math.max(y1 - y0, 1e-6);
    const viewW = this.camera.right - this.camera.left;
    const viewH = this.camera.top - this.camera.bottom;
    this.camera.zoom = Math.min(viewW / w, viewH / h) * 0.92;
    const shift = right.multiplyScalar((x0 + x1) / 2).add(upv.multiplyScalar((y0 + y1) / 2));
    const offset = this.camera.position.clone().sub(this.controls.target);
    const along = offset.clone().normalize();
    // Keep the target on the model's centre plane, moved sideways to centre the box.
    this.controls.target.copy(shift.sub(along.multiplyScalar(shift.dot(along))));
    this.camera.position.copy(this.controls.target).add(offset);
    this.camera.updateProjectionMatrix();
    this.controls.update();
    this.requestRender();
  }

  /** Camera pose in model coordinates (absolute, so it survives a model that moved its centre). */
  pose(): CameraPose {
    const c = this.frame?.centre ?? [0, 0, 0];
    const p = this.camera.position, t = this.controls.target, u = this.camera.up;
    return { position: [p.x + c[0], p.y + c[1], p.z + c[2]], target: [t.x + c[0], t.y + c[1], t.z + c[2]], up: [u.x, u.y, u.z], zoom: this.camera.zoom };
  }

  setPose(pose: CameraPose): void {
    const c = this.frame?.centre ?? [0, 0, 0];
    this.camera.up.set(...pose.up);
    this.camera.position.set(pose.position[0] - c[0], pose.position[1] - c[1], pose.position[2] - c[2]);
    this.controls.target.set(pose.target[0] - c[0], pose.target[1] - c[1], pose.target[2] - c[2]);
    this.camera.zoom = pose.zoom;
    this.camera.updateProjectionMatrix();
    this.controls.update();
    this.requestRender();
  }

  requestRender(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.render();
    });
  }

  /** Resolves after the next frame has been drawn. */
  nextFrame(): Promise<void> {
    this.requestRender();
    return new Promise((resolve) => this.frameWaiters.push(resolve));
  }

  render(): void {
    const t0 = performance.now();
    this.renderer.render(this.scene, this.camera);
    this.labels.draw(this.camera, this.width, this.height, this.colours);
    this.lastFrameMs = performance.now() - t0;
    this.frames++;
    this.onFrame?.();
    for (const w of this.frameWaiters.splice(0)) w();
  }

  /** The pick id under (x, y) in CSS pixels of the canvas, looking a few pixels around and taking
   * the hit nearest the pointer: a 2 px line is easy to hit. 0 when there is nothing. */
  pick(x: number, y: number): number {
    const r = PICK_RADIUS;
    const size = 2 * r + 1;
    const renderer = this.renderer;
    this.camera.setViewOffset(this.width, this.height, Math.round(x) - r, Math.round(y) - r, size, size);
    for (const m of pickLineMaterials) m.resolution.set(size, size);
    const clear = renderer.getClearColor(new THREE.Color());
    const alpha = renderer.getClearAlpha();
    renderer.setRenderTarget(this.pickTarget);
    renderer.setClearColor(0x000000, 0);
    renderer.clear();
    renderer.render(this.pickScene, this.camera);
    renderer.readRenderTargetPixels(this.pickTarget, 0, 0, size, size, this.pickBuffer);
    renderer.setRenderTarget(null);
    renderer.setClearColor(clear, alpha);
    this.camera.clearViewOffset();
    let best = 0, bestDistance = Infinity;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const o = (row * size + col) * 4;
        const id = (this.pickBuffer[o] << 16) | (this.pickBuffer[o + 1] << 8) | this.pickBuffer[o + 2];
        if (!id) continue;
        const d = (row - r) ** 2 + (col - r) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = id;
        }
      }
    }
    return best;
  }

  /** Screen position (CSS pixels in the canvas) of a point in frame coordinates. */
  toScreen(p: XYZ): [number, number] {
    const v = new THREE.Vector3(...p).project(this.camera);
    return [(v.x * 0.5 + 0.5) * this.width, (-v.y * 0.5 + 0.5) * this.height];
  }

  dispose(): void {
    this.controls.dispose();
    this.pickTarget.dispose();
    this.renderer.dispose();
  }
}
