// Key analysis results of one node or member, in the units engineers read them (kN, kN·m, mm
// when the file works in kN and m), for hovers and inlay hints.
import type { ResultsDocument, CaseResult } from '../analysis/results';
import type { UnitSystem } from '../language/units/unit-expression';
import { formatNumber } from '../language/units/unit-expression';

const MAX_CASES = 8;

interface DisplayUnits {
  force: { text: string; factor: number };
  moment: { text: string; factor: number };
  displacement: { text: string; factor: number };
}

function displayUnits(units: UnitSystem): DisplayUnits {
  const f = units.force;
  const l = units.length;
  // Deflections read best in mm when the model is written in metres.
  const disp = l.text === 'm' ? { text: 'mm', factor: 1e-3 } : { text: l.text, factor: l.factor };
  return { force: { text: f.text, factor: f.factor }, moment: { text: `${f.text}·${l.text}`, factor: f.factor * l.factor }, displacement: disp };
}

const fmt = (v: number, u: { text: string; factor: number }) => `${formatNumber(Number((v / u.factor).toPrecision(4)))} ${u.text}`;

function casesShown(doc: ResultsDocument, selected: string | undefined): CaseResult[] {
  const pick = selected ? doc.cases.filter((c) => c.name === selected) : [];
  return pick.length ? pick : doc.cases.slice(0, MAX_CASES);
}

/** Markdown lines: displacements (and reactions on supported nodes) per case. */
export function nodeResultLines(doc: ResultsDocument, name: string, units: UnitSystem, selected?: string): string[] {
  const u = displayUnits(units);
  const cases = casesShown(doc, selected).filter((c) => c.nodes[name]);
  if (!cases.length) return [];
  const supported = cases.some((c) => c.nodes[name].reaction);
  const head = ['case', 'ux', 'uy', 'uz', ...(supported ? ['Fx', 'Fy', 'Fz'] : [])];
  const rows = cases.map((c) => {
    const r = c.nodes[name];
    return [c.name, ...r.u.slice(0, 3).map((v) => fmt(v, u.displacement)), ...(supported ? (r.reaction ?? [0, 0, 0]).slice(0, 3).map((v) => fmt(v, u.force)) : [])];
  });
  return ['**Results**' + more(doc, cases.length, selected), table(head, rows)];
}

/** Markdown lines: governing internal forces per case, and the member's checks. */
export function memberResultLines(doc: ResultsDocument, name: string, units: UnitSystem, selected?: string): string[] {
  const u = displayUnits(units);
  const cases = casesShown(doc, selected).filter((c) => c.members[name]);
  const lines: string[] = [];
  if (cases.length) {
    const rows = cases.map((c) => {
      const m = c.members[name];
      const ext = (q: 'N' | 'Vz' | 'My' | 'Mz' | 'dz') => {
        if (m.extremes) {
          const e = m.extremes[q];
          return Math.abs(e.max) >= Math.abs(e.min) ? e.max : e.min;
        }
        return m.stations.reduce((best, s) => (Math.abs(s[q]) > Math.abs(best) ? s[q] : best), 0);
      };
      return [c.name, fmt(ext('N'), u.force), fmt(ext('Vz'), u.force), fmt(ext('My'), u.moment), fmt(ext('Mz'), u.moment), fmt(ext('dz'), u.displacement)];
    });
    lines.push('**Results** (largest along the member)' + more(doc, cases.length, selected), table(['case', 'N', 'Vz', 'My', 'Mz', 'dz'], rows));
  }
  const checks = doc.checks.filter((c) => c.member === name);
  for (const kind of ['stress', 'deflection'] as const) {
    const worst = checks.filter((c) => c.check === kind).sort((a, b) => b.ratio - a.ratio)[0];
    if (worst) lines.push(`${worst.ok ? '✓' : '✗'} ${kind} check: ratio ${worst.ratio.toFixed(3)} (limit ${worst.limit}) under ${worst.combination} at x = ${formatNumber(worst.x / units.length.factor)} ${units.length.text}`);
  }
  return lines;
}

/** The largest check ratio of each member. */
export function utilisationByMember(doc: ResultsDocument): Map<string, { ratio: number; ok: boolean }> {
  const out = new Map<string, { ratio: number; ok: boolean }>();
  for (const c of doc.checks) {
    const u = c.ratio / (c.limit || 1);
    const prev = out.get(c.member);
    if (!prev || u > prev.ratio) out.set(c.member, { ratio: u, ok: c.ok && (prev?.ok ?? true) });
    else if (!c.ok) prev.ok = false;
  }
  return out;
}

function more(doc: ResultsDocument, shown: number, selected: string | undefined): string {
  if (selected && shown) return ` — case ${selected}`;
  return doc.cases.length > shown ? ` — first ${shown} of ${doc.cases.length} cases (set struktur.results.case to pick one)` : '';
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
