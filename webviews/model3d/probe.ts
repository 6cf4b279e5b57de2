// A read-only window onto the live scene for the browser tests and the benchmark: counts of
// objects and draw calls, where an element is on screen, where a node went in the deformed
// shape. It changes nothing and carries no model data the page does not already show.
import * as THREE from 'three';
import type { Model3dApp } from './model3d-app';
import { local } from './model-frame';
import { pointOnMember } from './structure-geometry';
import type { XYZ } from './vec';

export interface Model3dProbe {
  /** Draw calls and triangles of the last frame, objects in the scene, frames drawn. */
  stats(): { drawCalls: number; triangles: number; lines: number; points: number; objects: number; frames: number; frameMs: number; labels: number };
  /** Client (page) coordinates of a member's midpoint or a node. */
  screenOf(kind: 'member' | 'node', name: string, at?: number): [number, number] | undefined;
  /** The deformed position of a node in model coordinates (m), and the factor used. */
  deformed(name: string): { xyz: XYZ; factor: number } | undefined;
  /** The deformed points of a member's stations, model coordinates. */
  deformedMember(name: string): XYZ[] | undefined;
  /** The selected element as the view highlights it. */
  selected(): { kind: string; name: string } | null;
  /** The live-session participants' selections as drawn: colour, elements, and the three.js
   * objects drawing them (bands, rings). */
  participants(): { name: string; colour: string; elements: { kind: string; name: string }[]; objects: number }[];
  /** Resolves after the next frame. */
  nextFrame(): Promise<void>;
  /** Draws `n` frames turning the camera a little each time; mean and worst CPU+GPU time (ms). */
  measureFrames(n: number): { mean: number; worst: number; drawCalls: number };
  /** Waits for the GPU to finish what it was given (a 1-pixel read back); ms waited. */
  finish(): number;
  /** Time from the last model message to its first frame, ms. */
  updateToFrameMs(): number;
  updates(): number;
  /** Case answers drawn and dropped as stale, the case whose results are drawn now (its name and
   * the index it belongs to), if any, and whether the view waits for the shown case's results
   * (its index lists the case, the view holds no answer for it yet), and the frame the last case
   * accepted was first drawn in (0 until then). */
  cases(): { drawn: number; dropped: number; shown: { name: string; id: string } | null; waiting: boolean; frame: number };
  state(): unknown;
}

const Z = new THREE.Vector3(0, 0, 1);

export function installProbe(app: Model3dApp): void {
  const probe: Model3dProbe = {
    stats() {
      const info = app.viewer.renderer.info;
      let objects = 0;
      app.viewer.scene.traverseVisible(() => objects++);
      return {
        drawCalls: info.render.calls, triangles: info.render.triangles, lines: info.render.lines, points: info.render.points,
        objects, frames: app.viewer.frames, frameMs: app.viewer.lastFrameMs, labels: app.viewer.labels.drawn,
      };
    },
    screenOf(kind, name, at = 0.5) {
      const view = app.view, frame = app.frame;
      if (!view || !frame) return undefined;
      let p: XYZ | undefined;
      if (kind === 'member') {
        const k = view.members.findIndex((m) => m.name === name);
        if (k >= 0) p = pointOnMember(view, frame, k, view.members[k].length * at);
      } else {
        const n = view.nodes.find((x) => x.name === name);
        if (n) p = local(frame, n.xyz);
      }
      if (!p) return undefined;
      const [x, y] = app.viewer.toScreen(p);
      const rect = app.viewer.renderer.domElement.getBoundingClientRect();
      return [x + rect.left, y + rect.top];
    },
    deformed(name) {
      const k = app.view?.nodes.findIndex((n) => n.name === name) ?? -1;
      const d = app.deformedData;
      if (k < 0 || !d || !app.frame) return undefined;
      const c = app.frame.centre;
      return { xyz: [d.nodes[k * 3] + c[0], d.nodes[k * 3 + 1] + c[1], d.nodes[k * 3 + 2] + c[2]], factor: app.deformFactor };
    },
    deformedMember(name) {
      const m = app.view?.members.findIndex((x) => x.name === name) ?? -1;
      const d = app.deformedData;
      if (m < 0 || !d || !app.frame) return undefined;
      const c = app.frame.centre;
      const at = (o: number): XYZ => [d.lines[o] + c[0], d.lines[o + 1] + c[1], d.lines[o + 2] + c[2]];
      const out: XYZ[] = [];
      for (let s = d.segments[m]; s < d.segments[m + 1]; s++) {
        if (s === d.segments[m]) out.push(at(s * 6));
        out.push(at(s * 6 + 3));
      }
      return out;
    },
    selected: () => app.selected,
    participants() {
      const objects = (name: string) => {
        let n = 0;
        app.viewer.scene.traverseVisible((o) => void (o.name.startsWith(`participant ${name} `) && n++));
        return n;
      };
      return app.participantsDrawn.map((m) => ({ name: m.name, colour: m.colour, elements: m.elements.map((e) => ({ ...e })), objects: objects(m.name) }));
    },
    nextFrame: () => app.viewer.nextFrame(),
    measureFrames(n) {
      const v = app.viewer;
      const gl = v.renderer.getContext();
      const pixel = new Uint8Array(4);
      let total = 0, worst = 0;
      for (let k = 0; k < n; k++) {
        v.camera.position.sub(v.controls.target).applyAxisAngle(Z, 0.02).add(v.controls.target);
        v.camera.lookAt(v.controls.target);
        const t0 = performance.now();
        v.render();
        // readPixels waits for the GPU, so the time covers the whole frame, not just the submit.
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        const dt = performance.now() - t0;
        total += dt;
        worst = Math.max(worst, dt);
      }
      return { mean: total / n, worst, drawCalls: v.renderer.info.render.calls };
    },
    finish() {
      const gl = app.viewer.renderer.getContext();
      const t0 = performance.now();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return performance.now() - t0;
    },
    updateToFrameMs: () => app.updateToFrameMs,
    updates: () => app.updates,
    cases() {
      const c = app.caseData;
      const shown = c && c.result && c.name === app.state.caseName && c.id === app.results?.id ? { name: c.name, id: c.id } : null;
      const name = app.state.caseName;
      const waiting = !!app.results && app.results.cases.some((x) => x.name === name) && !(c && c.name === name && c.id === app.results.id);
      return { drawn: app.casesDrawn, dropped: app.casesDropped, shown, waiting, frame: app.caseFrame };
    },
    state: () => JSON.parse(JSON.stringify(app.state)),
  };
  (window as unknown as { strukturModel3d: Model3dProbe }).strukturModel3d = probe;
}
