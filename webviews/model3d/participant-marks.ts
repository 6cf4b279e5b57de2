// What the 3D view draws of the other live-session participants' selections, as pure data (no
// DOM, no three.js): per participant the members and nodes the model has (names it no longer has
// are skipped), the colour made legible on the theme's background, where overlapping marks
// stack, and a name badge on the first element. The three.js layer is participant-layer.ts.
import type { ModelView } from '../../language-server/src/shared/model-view';
import type { ParticipantSelectionView } from '../../language-server/src/shared/model3d-messages';
import type { ElementRef } from '../../language-server/src/shared/panel-messages';
import type { Label } from './glyph-types';
import { local, type ModelFrame } from './model-frame';
import { pointOnMember } from './structure-geometry';

export interface ParticipantMark {
  name: string;
  /** The colour drawn, `#rrggbb`. */
  colour: string;
  /** Member and node indices in the view, each with how many participants before this one
   * marked it too (their marks are drawn wider, one ring outside the other). */
  members: { index: number; layer: number }[];
  nodes: { index: number; layer: number }[];
  /** The elements drawn, in the order they came. */
  elements: ElementRef[];
}

export interface ParticipantMarks {
  participants: ParticipantMark[];
  labels: Label[];
}

/** Name badges are drawn before any other label. */
export const BADGE_PRIORITY = 10;
/** Least contrast of a participant's colour against the background (WCAG ratio; 3 is the
 * guideline's minimum for graphics). */
export const MIN_CONTRAST = 3;

export function participantMarks(view: ModelView, frame: ModelFrame, selections: ParticipantSelectionView[], background: string): ParticipantMarks {
  const memberIndex = new Map(view.members.map((m, k) => [m.name, k]));
  const nodeIndex = new Map(view.nodes.map((n, k) => [n.name, k]));
  const memberLayers = new Map<number, number>();
  const nodeLayers = new Map<number, number>();
  const badgeStack = new Map<string, number>();
  const participants: ParticipantMark[] = [];
  const labels: Label[] = [];
  for (const s of selections) {
    const mark: ParticipantMark = { name: s.name, colour: legibleColour(s.colour, background), members: [], nodes: [], elements: [] };
    const seen = new Set<string>();
    for (const e of s.elements) {
      const key = `${e.kind}:${e.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const index = e.kind === 'member' ? memberIndex.get(e.name) : nodeIndex.get(e.name);
      if (index === undefined) continue; // no longer in the model (or not yet)
      const layers = e.kind === 'member' ? memberLayers : nodeLayers;
      const layer = layers.get(index) ?? 0;
      layers.set(index, layer + 1);
      (e.kind === 'member' ? mark.members : mark.nodes).push({ index, layer });
      mark.elements.push({ kind: e.kind, name: e.name });
    }
    if (!mark.elements.length) continue;
    const first = mark.elements[0];
    const k = first.kind === 'member' ? memberIndex.get(first.name)! : nodeIndex.get(first.name)!;
    const anchor = `${first.kind}:${k}`;
    const stack = badgeStack.get(anchor) ?? 0;
    badgeStack.set(anchor, stack + 1);
    const at = first.kind === 'member' ? pointOnMember(view, frame, k, view.members[k].length / 2) : local(frame, view.nodes[k].xyz);
    labels.push({ at, text: s.name, role: first.kind, priority: BADGE_PRIORITY - participants.length * 0.01, badge: mark.colour, stack });
    participants.push(mark);
  }
  return { participants, labels };
}

/** `#rrggbb` → [r, g, b] in 0…1, or undefined. */
export function parseHex(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const v = parseInt(m[1], 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

function toHex(c: [number, number, number]): string {
  return `#${c.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(c: [number, number, number]): number {
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The participant's colour, mixed towards white (on a dark background) or black (on a light
 * one) just enough to stand out — a dark blue on a high-contrast black theme would vanish. A
 * colour that is not `#rrggbb` becomes a neutral grey. */
export function legibleColour(colour: string, background: string): string {
  const bg = parseHex(background) ?? [0, 0, 0];
  const c = parseHex(colour) ?? [0.54, 0.54, 0.54];
  const towards = luminance(bg) < 0.18 ? 1 : 0;
  let out = c;
  for (let t = 0; t <= 1.0001 && contrast(out, bg) < MIN_CONTRAST; t += 0.05) {
    out = [c[0] + (towards - c[0]) * t, c[1] + (towards - c[1]) * t, c[2] + (towards - c[2]) * t];
  }
  return toHex(out);
}

/** Black or white text, whichever reads better on `fill`. */
export function textOn(fill: string): string {
  const c = parseHex(fill) ?? [0.5, 0.5, 0.5];
  return contrast(c, [0, 0, 0]) >= contrast(c, [1, 1, 1]) ? '#000000' : '#ffffff';
}
