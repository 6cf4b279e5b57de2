// Values at the cursor on the member diagrams: every quantity of the shown case at x, with the
// envelope's range there, and the exact extremes of the case. Pure: no DOM.
import type { DiagramQuantity, MemberSeries } from '../../language-server/src/shared/dashboard-messages';
import { QUANTITIES } from './quantities';
import { diagramOf, valueAt, type Envelope } from './envelope';

export interface Readout {
  member: string;
  case: string;
  /** m from end i, clamped to the member */
  x: number;
  values: Record<DiagramQuantity, { value: number; min: number; max: number }>;
  /** the case's largest |value| of each quantity and where (exact when the results give it) */
  peaks: Record<DiagramQuantity, { value: number; x: number }>;
}

export function readoutAt(series: MemberSeries, caseName: string, envelopes: Record<DiagramQuantity, Envelope>, x: number): Readout | null {
  const c = series.cases.find((k) => k.name === caseName);
  if (!c) return null;
  const at = Math.min(Math.max(x, 0), series.length);
  const values = {} as Readout['values'];
  const peaks = {} as Readout['peaks'];
  for (const q of QUANTITIES) {
    const line = diagramOf(c.stations, q);
    values[q] = { value: valueAt(line, at, -1), min: valueAt(envelopes[q].min, at, -1), max: valueAt(envelopes[q].max, at, -1) };
    const e = c.extremes?.[q];
    if (e) peaks[q] = Math.abs(e.max) >= Math.abs(e.min) ? { value: e.max, x: e.xMax } : { value: e.min, x: e.xMin };
    else {
      let best = line[0] ?? { x: 0, y: 0 };
      for (const p of line) if (Math.abs(p.y) > Math.abs(best.y)) best = p;
      peaks[q] = { value: best.y, x: best.x };
    }
  }
  return { member: series.member, case: c.name, x: at, values, peaks };
}
