// The CSV tables of `Struktur: Export Results`: member end forces, node displacements and check
// outcomes, from a struktur-results/1 document (SI) in the user's display units. No `vscode`
// import, so the unit tests read it directly.
import type { ResultsDocument } from './results-types';

export type ForceUnit = 'N' | 'kN' | 'MN';
export type LengthUnit = 'mm' | 'm';

export interface DisplayUnits {
  force: ForceUnit;
  length: LengthUnit;
  displacement: LengthUnit;
}

export const DEFAULT_DISPLAY_UNITS: DisplayUnits = { force: 'kN', length: 'm', displacement: 'mm' };

const FORCE: Record<ForceUnit, number> = { N: 1, kN: 1e3, MN: 1e6 };
const LENGTH: Record<LengthUnit, number> = { mm: 1e-3, m: 1 };

export interface Table {
  /** File name suffix, e.g. "member-end-forces". */
  name: string;
  header: string[];
  rows: (string | number | boolean)[][];
}

/** A number for a table: at most 6 significant digits, no float noise (−9.09e-13 → 0 at that scale). */
export function round(value: number, scale = 1): number {
  const v = value / scale;
  if (!Number.isFinite(v)) return v;
  if (Math.abs(v) < 1e-9) return 0;
  return Number(v.toPrecision(6));
}

export function memberEndForces(doc: ResultsDocument, units: DisplayUnits): Table {
  const f = FORCE[units.force];
  const m = FORCE[units.force] * LENGTH[units.length];
  const mu = `${units.force}·${units.length}`;
  const header = ['case', 'member', 'end', `Fx [${units.force}]`, `Fy [${units.force}]`, `Fz [${units.force}]`, `Mx [${mu}]`, `My [${mu}]`, `Mz [${mu}]`];
  const rows: Table['rows'] = [];
  for (const c of doc.cases) {
    for (const [member, r] of Object.entries(c.members)) {
      for (const [end, at] of [['i', 0], ['j', 6]] as const) {
        const e = r.end_forces.slice(at, at + 6);
        rows.push([c.name, member, end, round(e[0], f), round(e[1], f), round(e[2], f), round(e[3], m), round(e[4], m), round(e[5], m)]);
      }
    }
  }
  return { name: 'member-end-forces', header, rows };
}

export function nodeDisplacements(doc: ResultsDocument, units: DisplayUnits): Table {
  const d = LENGTH[units.displacement];
  const u = units.displacement;
  const header = ['case', 'node', `ux [${u}]`, `uy [${u}]`, `uz [${u}]`, 'rx [rad]', 'ry [rad]', 'rz [rad]'];
  const rows: Table['rows'] = [];
  for (const c of doc.cases) {
    for (const [node, r] of Object.entries(c.nodes)) {
      rows.push([c.name, node, round(r.u[0], d), round(r.u[1], d), round(r.u[2], d), round(r.u[3]), round(r.u[4]), round(r.u[5])]);
    }
  }
  return { name: 'node-displacements', header, rows };
}

export function checks(doc: ResultsDocument, units: DisplayUnits): Table {
  const header = ['check', 'member', 'combination', 'ratio', 'limit', 'ok', `x [${units.length}]`, 'value', 'allowed', 'value unit'];
  const rows = doc.checks.map((c) => {
    // A stress check's value is in Pa (shown in MPa); a deflection check's in m (display unit).
    const stress = c.check === 'stress';
    const scale = stress ? 1e6 : LENGTH[units.displacement];
    return [
      c.check, c.member, c.combination, round(c.ratio), round(c.limit), c.ok, round(c.x, LENGTH[units.length]),
      c.value === undefined ? '' : round(c.value, scale), c.allowed === undefined ? '' : round(c.allowed, scale),
      c.value === undefined ? '' : stress ? 'MPa' : units.displacement,
    ];
  });
  return { name: 'checks', header, rows };
}

export function allTables(doc: ResultsDocument, units: DisplayUnits): Table[] {
  return [memberEndForces(doc, units), nodeDisplacements(doc, units), checks(doc, units)];
}

function cell(v: string | number | boolean): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with CRLF line ends, as spreadsheet programs expect. */
export function toCsv(table: Table): string {
  return [table.header, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export interface Summary {
  cases: number;
  maxUtilisation?: number;
  maxDisplacement?: { value: number; node: string; case: string };
}

/** The one-line facts `Struktur: Analyze Now` reports. */
export function summarize(doc: ResultsDocument): Summary {
  let maxDisplacement: Summary['maxDisplacement'];
  for (const c of doc.cases) {
    for (const [node, r] of Object.entries(c.nodes)) {
      const v = Math.hypot(r.u[0], r.u[1], r.u[2]);
      if (!maxDisplacement || v > maxDisplacement.value) maxDisplacement = { value: v, node, case: c.name };
    }
  }
  const maxUtilisation = doc.checks.length ? Math.max(...doc.checks.map((c) => c.ratio / (c.limit || 1))) : undefined;
  return { cases: doc.cases.length, maxUtilisation, maxDisplacement };
}

export function formatLength(valueM: number, unit: LengthUnit): string {
  return `${Number(round(valueM, LENGTH[unit]).toPrecision(3))} ${unit}`;
}
