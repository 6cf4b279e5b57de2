// Text over the 3D scene on a 2D canvas: node and member names, load values, diagram extremes,
// reactions. Drawn after each frame from the projected anchor points, most important first, and
// skipped where it would overlap a label already drawn — so a dense model shows what fits,
// legibly, instead of a smear. A halo in the background colour keeps text readable over lines.
import * as THREE from 'three';
import type { Label } from './glyph-types';
import type { SceneColours } from './theme-colours';
import { textOn } from './participant-marks';

export const MAX_LABELS = 400;
const CELL = 8;

export class LabelOverlay {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private labels: Label[] = [];
  private readonly v = new THREE.Vector3();
  /** Labels drawn in the last frame (for tests). */
  drawn = 0;

  constructor(parent: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'labels';
    parent.append(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
  }

  /** Replaces the labels (sorted once here, not every frame). */
  set(labels: Label[]): void {
    this.labels = labels.slice().sort((a, b) => b.priority - a.priority);
  }

  resize(width: number, height: number, ratio: number): void {
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  draw(camera: THREE.Camera, width: number, height: number, colours: SceneColours): void {
    const ctx = this.ctx;
    ctx.clearRect(0, 0, width, height);
    this.drawn = 0;
    if (!this.labels.length) return;
    ctx.font = colours.css.font;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.css.halo;
    const cols = Math.ceil(width / CELL);
    const rows = Math.ceil(height / CELL);
    const used = new Uint8Array(cols * rows);
    const lineHeight = parseFloat(colours.css.font) || 12;
    for (const l of this.labels) {
      if (this.drawn >= MAX_LABELS) break;
      this.v.set(l.at[0], l.at[1], l.at[2]).project(camera);
      if (this.v.z < -1 || this.v.z > 1) continue;
      // A badge (a participant's name) sits above and right of its element, stacked when several.
      const pad = l.badge ? 4 : 0;
      const x = (this.v.x * 0.5 + 0.5) * width + 6 + pad;
      const y = (-this.v.y * 0.5 + 0.5) * height - 8 - (l.badge ? 6 + (l.stack ?? 0) * (lineHeight + 2 * pad + 2) : 0);
      const w = ctx.measureText(l.text).width + pad;
      if (x + w < 0 || x - pad > width || y < -lineHeight || y > height + lineHeight) continue;
      const c0 = Math.max(0, Math.floor((x - 2 - pad) / CELL)), c1 = Math.min(cols - 1, Math.floor((x + w + 2) / CELL));
      const r0 = Math.max(0, Math.floor((y - lineHeight / 2 - pad) / CELL)), r1 = Math.min(rows - 1, Math.floor((y + lineHeight / 2 + pad) / CELL));
      // A stacked badge is placed on purpose, just above the one before it on the same element.
      let free = true;
      for (let r = r0; r <= r1 && free && !l.stack; r++) for (let c = c0; c <= c1; c++) if (used[r * cols + c]) { free = false; break; }
      if (!free) continue;
      for (let r = r0; r <= r1; r++) used.fill(1, r * cols + c0, r * cols + c1 + 1);
      if (l.badge) this.badge(l.text, l.badge, x, y, w - pad, lineHeight, pad);
      else {
        ctx.fillStyle = colours.css.roles[l.role];
        ctx.strokeText(l.text, x, y);
        ctx.fillText(l.text, x, y);
      }
      this.drawn++;
    }
  }

  /** A rounded tag in the participant's colour with the name in black or white on it. */
  private badge(text: string, fill: string, x: number, y: number, w: number, h: number, pad: number): void {
    const ctx = this.ctx;
    const [left, top, bw, bh, r] = [x - pad, y - h / 2 - pad / 2, w + 2 * pad, h + pad, 3];
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(left + r, top);
    ctx.arcTo(left + bw, top, left + bw, top + bh, r);
    ctx.arcTo(left + bw, top + bh, left, top + bh, r);
    ctx.arcTo(left, top + bh, left, top, r);
    ctx.arcTo(left, top, left + bw, top, r);
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.fillStyle = textOn(fill);
    ctx.fillText(text, x, y);
    ctx.restore();
  }
}
