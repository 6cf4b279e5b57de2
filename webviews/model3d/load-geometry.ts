// The loads of the selected case (or the factored loads of a combination) as arrows, ribbons
// and value labels. Forces are scaled so the largest is a readable length and the smallest still
// shows; distributed loads get their own scale (a different dimension). Pure: no DOM, no three.
import type { LoadView, MemberView, ModelView } from '../../language-server/src/shared/model-view';
import { convert, formatNumber, type DisplayUnits, type Quantity } from './display-units';
import { emptyRibbons, type Arrow, type Label, type Ribbons } from './glyph-types';
import { clamp, local, type ModelFrame } from './model-frame';
import { pointOnMember } from './structure-geometry';
import { combine, length, normalize, scale, sub, type XYZ } from './vec';

export interface FactoredLoad {
  load: LoadView;
  factor: number;
}

/** The loads a case applies: a load case's own, or a combination's terms times their factors. */
export function loadsOfCase(view: ModelView, name: string | undefined): FactoredLoad[] {
  if (!name) return [];
  const lc = view.loadCases.find((c) => c.name === name);
  if (lc) return lc.loads.map((load) => ({ load, factor: 1 }));
  const combo = view.combinations.find((c) => c.name === name);
  if (!combo) return [];
  const out: FactoredLoad[] = [];
  for (const t of combo.terms) {
    const c = view.loadCases.find((x) => x.name === t.case);
    if (c) for (const load of c.loads) out.push({ load, factor: t.factor });
  }
  return out;
}

export interface LoadGeometry {
  arrows: Arrow[];
  ribbons: Ribbons;
  labels: Label[];
  /** Loads without a place to draw them (self weight): shown in the legend. */
  notes: string[];
}

const FORCE_NAMES = ['Fx', 'Fy', 'Fz'];
const MOMENT_NAMES = ['Mx', 'My', 'Mz'];

export function loadGeometry(view: ModelView, frame: ModelFrame, units: DisplayUnits, loads: FactoredLoad[]): LoadGeometry {
  const out: LoadGeometry = { arrows: [], ribbons: emptyRibbons(), labels: [], notes: [] };
  const g = frame.glyph;
  const forceLength = clamp(0.35 * frame.typicalLength, 3 * g, 0.3 * frame.diagonal);
  const ribbonHeight = clamp(0.22 * frame.typicalLength, 2 * g, 0.15 * frame.diagonal);
  const momentLength = 2.2 * g;

  // One scale per kind of quantity, over every load of the case.
  let maxForce = 0;
  let maxLine = 0;
  for (const { load, factor } of loads) {
    if (load.kind === 'nodal' || load.kind === 'point') maxForce = Math.max(maxForce, Math.abs(factor) * length(load.values.slice(0, 3) as XYZ));
    if (load.kind === 'distributed') {
      maxLine = Math.max(maxLine, Math.abs(factor) * length(load.start.slice(0, 3) as XYZ), Math.abs(factor) * length(load.end.slice(0, 3) as XYZ));
    }
  }
  const forceArrow = (tip: XYZ, F: XYZ, text: string) => {
    const mag = length(F);
    if (!(mag > 0) || !(maxForce > 0)) return;
    const len = forceLength * Math.max(0.3, mag / maxForce);
    const tail = combine(tip, normalize(F), -len);
    out.arrows.push({ tail, tip, double: false, role: 'load', head: 1 });
    out.labels.push({ at: tail, text, role: 'load', priority: 3 + mag / maxForce });
  };
  const momentArrow = (at: XYZ, M: XYZ, text: string) => {
    if (!(length(M) > 0)) return;
    const tip = combine(at, normalize(M), momentLength);
    out.arrows.push({ tail: at, tip, double: true, role: 'load', head: 0.8 });
    out.labels.push({ at: tip, text, role: 'load', priority: 3 });
  };

  for (const { load, factor } of loads) {
    switch (load.kind) {
      case 'nodal': {
        const p = local(frame, view.nodes[load.node].xyz);
        const v = load.values.map((x) => x * factor);
        forceArrow(p, v.slice(0, 3) as XYZ, components(units, v.slice(0, 3), FORCE_NAMES, 'force'));
        momentArrow(p, v.slice(3, 6) as XYZ, components(units, v.slice(3, 6), MOMENT_NAMES, 'moment'));
        break;
      }
      case 'point': {
        const mv = view.members[load.member];
        const p = pointOnMember(view, frame, load.member, clamp(load.at, 0, mv.length));
        const v = load.values.map((x) => x * factor);
        const suffix = load.local ? ' (local)' : '';
        forceArrow(p, toGlobal(mv, v.slice(0, 3), load.local), components(units, v.slice(0, 3), FORCE_NAMES, 'force') + suffix);
        momentArrow(p, toGlobal(mv, v.slice(3, 6), load.local), components(units, v.slice(3, 6), MOMENT_NAMES, 'moment') + suffix);
        break;
      }
      case 'distributed':
        distributed(view, frame, units, load, factor, maxLine > 0 ? ribbonHeight / maxLine : 0, out);
        break;
      case 'displacement': {
        const p = local(frame, view.nodes[load.node].xyz);
        const parts: string[] = [];
        load.values.forEach((v, k) => {
          if (v === null || v === 0) return;
          const value = v * factor;
          if (k < 3) {
            const dir: XYZ = [0, 0, 0];
            dir[k] = Math.sign(value);
            out.arrows.push({ tail: p, tip: combine(p, dir, 0.6 * forceLength), double: false, role: 'settlement', head: 1 });
            parts.push(`δ${'xyz'[k]} = ${formatNumber(convert(units, 'displacement', value).value)} ${units.displacement.symbol}`);
          } else parts.push(`θ${'xyz'[k - 3]} = ${formatNumber(value)} rad`);
        });
        if (parts.length) out.labels.push({ at: p, text: parts.join('  '), role: 'settlement', priority: 4 });
        break;
      }
      case 'selfweight':
        out.notes.push(`Self weight ×${formatNumber(load.factor * factor)} (−Z)`);
        break;
    }
  }
  return out;
}

/** Ribbon from the axis to the load line, with a few arrows pointing at the member. */
function distributed(view: ModelView, frame: ModelFrame, units: DisplayUnits, load: Extract<LoadView, { kind: 'distributed' }>, factor: number, perUnit: number, out: LoadGeometry): void {
  const mv = view.members[load.member];
  const from = clamp(Math.min(load.from, load.to), 0, mv.length);
  const to = clamp(Math.max(load.from, load.to), 0, mv.length);
  const qs = toGlobal(mv, load.start.slice(0, 3).map((x) => x * factor), load.local);
  const qe = toGlobal(mv, load.end.slice(0, 3).map((x) => x * factor), load.local);
  const suffix = load.local ? ' (local)' : '';
  if (perUnit > 0 && (length(qs) > 0 || length(qe) > 0) && to > from) {
    const A = pointOnMember(view, frame, load.member, from);
    const B = pointOnMember(view, frame, load.member, to);
    const A2 = sub(A, scale(qs, perUnit));
    const B2 = sub(B, scale(qe, perUnit));
    const r = out.ribbons;
    r.triangles.push(...A, ...B, ...B2, ...A, ...B2, ...A2);
    r.triangleRoles.push('load', 'load');
    r.outline.push(...A2, ...B2);
    r.outlineRoles.push('load');
    const n = clamp(Math.round(((to - from) / frame.typicalLength) * 6), 2, 12);
    for (let k = 0; k <= n; k++) {
      const t = k / n;
      const tip = pointOnMember(view, frame, load.member, from + t * (to - from));
      const q: XYZ = [qs[0] + (qe[0] - qs[0]) * t, qs[1] + (qe[1] - qs[1]) * t, qs[2] + (qe[2] - qs[2]) * t];
      if (length(q) * perUnit < 0.2 * frame.glyph) continue;
      out.arrows.push({ tail: sub(tip, scale(q, perUnit)), tip, double: false, role: 'load', head: 0.55 });
    }
    const text = rangeText(units, load.start.slice(0, 3).map((x) => x * factor), load.end.slice(0, 3).map((x) => x * factor));
    const mid: XYZ = scale([A2[0] + B2[0], A2[1] + B2[1], A2[2] + B2[2]], 0.5);
    out.labels.push({ at: mid, text: text + suffix, role: 'load', priority: 2 });
  }
  const ms = load.start.slice(3, 6).map((x) => x * factor);
  const me = load.end.slice(3, 6).map((x) => x * factor);
  if (ms.some((v) => v !== 0) || me.some((v) => v !== 0)) {
    const mid = pointOnMember(view, frame, load.member, (from + to) / 2);
    const M = toGlobal(mv, ms.map((v, k) => (v + me[k]) / 2), load.local);
    const tip = combine(mid, normalize(M), 2 * frame.glyph);
    out.arrows.push({ tail: mid, tip, double: true, role: 'load', head: 0.6 });
    out.labels.push({ at: tip, text: components(units, ms, MOMENT_NAMES, 'momentPerLength') + suffix, role: 'load', priority: 2 });
  }
}

/** Load components in global axes (local ones turned through the member's axes). */
export function toGlobal(mv: MemberView, v: number[], isLocal: boolean): XYZ {
  if (!isLocal) return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0];
  const { x, y, z } = mv.axes;
  return combine(combine([0, 0, 0], x, v[0] ?? 0), y, v[1] ?? 0, z, v[2] ?? 0);
}

/** "Fz = −4 kN/m", or several components joined, in display units. */
export function components(units: DisplayUnits, values: number[], names: string[], q: Quantity): string {
  const parts: string[] = [];
  let unit = '';
  values.forEach((v, k) => {
    if (!v) return;
    const c = convert(units, q, v);
    unit = c.unit;
    parts.push(`${names[k]} = ${formatNumber(c.value)}`);
  });
  return parts.length ? `${parts.join(', ')} ${unit}` : '';
}

/** A linearly varying load: "Fz = −2 … −5 kN/m" (one name per component, start … end). */
export function rangeText(units: DisplayUnits, start: number[], end: number[]): string {
  const parts: string[] = [];
  let unit = '';
  for (let k = 0; k < 3; k++) {
    if (!start[k] && !end[k]) continue;
    const a = convert(units, 'forcePerLength', start[k] ?? 0);
    const b = convert(units, 'forcePerLength', end[k] ?? 0);
    unit = a.unit;
    const fa = formatNumber(a.value), fb = formatNumber(b.value);
    parts.push(`${FORCE_NAMES[k]} = ${fa === fb ? fa : `${fa} … ${fb}`}`);
  }
  return parts.length ? `${parts.join(', ')} ${unit}` : '';
}
