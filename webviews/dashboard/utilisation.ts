// Utilisation of the members from the design checks: the governing check of each member (over
// all combinations, the envelope, or within one), the histogram in fixed bands and the most
// utilised members. Utilisation is ratio / limit, the same figure the status bar shows, so a
// stress check with limit=0.9 is full at ratio 0.9. Pure: no DOM.
import type { CheckResult } from '../../language-server/src/shared/protocol';

export type UtilisationMode = { kind: 'envelope' } | { kind: 'combination'; combination: string };

export function utilisationOf(c: CheckResult): number {
  return c.ratio / (c.limit || 1);
}

/** The fixed bands every figure colours utilisation by. Upper edges belong to the lower band
 * (1.00 exactly still passes); the last band is "fails". */
export const BANDS = [
  { key: 'low', label: '≤ 0.50', to: 0.5 },
  { key: 'moderate', label: '0.50–0.75', to: 0.75 },
  { key: 'high', label: '0.75–0.90', to: 0.9 },
  { key: 'critical', label: '0.90–1.00', to: 1 },
  { key: 'fails', label: '> 1.00', to: Infinity },
] as const;
export type BandKey = (typeof BANDS)[number]['key'];

export function bandOf(u: number): BandKey {
  for (const b of BANDS) if (u <= b.to) return b.key;
  return 'fails'; // NaN too: a ratio that is not a number is no pass
}

/** One row of the governing-checks table. */
export interface GoverningRow {
  member: string;
  check: CheckResult['check'];
  /** ratio / limit */
  utilisation: number;
  ratio: number;
  limit: number;
  /** m from end i */
  x: number;
  combination: string;
  ok: boolean;
  value?: number;
  allowed?: number;
}

function rowOf(c: CheckResult): GoverningRow {
  const row: GoverningRow = { member: c.member, check: c.check, utilisation: utilisationOf(c), ratio: c.ratio, limit: c.limit, x: c.x, combination: c.combination, ok: c.ok };
  if (c.value !== undefined) row.value = c.value;
  if (c.allowed !== undefined) row.allowed = c.allowed;
  return row;
}

function inMode(c: CheckResult, mode: UtilisationMode): boolean {
  return mode.kind === 'envelope' || c.combination === mode.combination;
}

/** The governing result of each member and check kind (stress and deflection each get a row),
 * in the order the members first appear in the checks. */
export function governingRows(checks: CheckResult[], mode: UtilisationMode = { kind: 'envelope' }): GoverningRow[] {
  const best = new Map<string, CheckResult>();
  for (const c of checks) {
    if (!inMode(c, mode)) continue;
    const key = `${c.member}\u0000${c.check}`;
    const prev = best.get(key);
    if (!prev || utilisationOf(c) > utilisationOf(prev)) best.set(key, c);
  }
  return [...best.values()].map(rowOf);
}

/** The governing result of each member over its check kinds. */
export interface MemberUtilisation {
  member: string;
  utilisation: number;
  check: CheckResult['check'];
  combination: string;
  x: number;
  /** false when any of the member's checks (in the mode) fails */
  ok: boolean;
}

export function memberUtilisation(checks: CheckResult[], mode: UtilisationMode = { kind: 'envelope' }): MemberUtilisation[] {
  const out = new Map<string, MemberUtilisation>();
  for (const c of checks) {
    if (!inMode(c, mode)) continue;
    const u = utilisationOf(c);
    const prev = out.get(c.member);
    if (!prev) out.set(c.member, { member: c.member, utilisation: u, check: c.check, combination: c.combination, x: c.x, ok: c.ok });
    else {
      prev.ok &&= c.ok;
      if (u > prev.utilisation) Object.assign(prev, { utilisation: u, check: c.check, combination: c.combination, x: c.x });
    }
  }
  return [...out.values()];
}

/** The `n` most utilised members, highest first (ties by name, so the order is stable). */
export function topMembers(rows: MemberUtilisation[], n = 20): MemberUtilisation[] {
  return [...rows].sort((a, b) => b.utilisation - a.utilisation || a.member.localeCompare(b.member)).slice(0, n);
}

export interface HistogramBin {
  from: number;
  /** Infinity for the overflow bin */
  to: number;
  count: number;
  band: BandKey;
  members: string[];
}

export const BIN_WIDTH = 0.05;
/** Utilisations above this share one overflow bin, so one absurd ratio cannot flatten the chart. */
export const HISTOGRAM_CAP = 1.5;

/** Counts of members per utilisation bin of width 0.05 from 0 to the cap (edges on every band
 * edge, upper edge inclusive so 1.00 counts as passing), then one overflow bin. Bins past the
 * largest value are left out, but the chart always reaches 1.0. */
export function histogram(rows: MemberUtilisation[]): HistogramBin[] {
  const n = Math.round(HISTOGRAM_CAP / BIN_WIDTH);
  const bins: HistogramBin[] = [];
  for (let k = 0; k < n; k++) {
    const from = k * BIN_WIDTH;
    const to = (k + 1) * BIN_WIDTH;
    bins.push({ from: round(from), to: round(to), count: 0, band: bandOf(to), members: [] });
  }
  bins.push({ from: HISTOGRAM_CAP, to: Infinity, count: 0, band: 'fails', members: [] });
  for (const r of rows) {
    const u = Math.max(0, r.utilisation);
    // Upper edge inclusive: bin k holds (k·w, (k+1)·w]; exact zeros go to the first bin.
    let k = u === 0 ? 0 : Math.ceil(round(u / BIN_WIDTH)) - 1;
    if (u > HISTOGRAM_CAP || !Number.isFinite(u)) k = n;
    const bin = bins[Math.max(0, Math.min(n, k))];
    bin.count++;
    bin.members.push(r.member);
  }
  let last = bins.length - 1;
  while (last > 0 && bins[last].count === 0 && bins[last].to > 1 + 1e-9) last--;
  return bins.slice(0, last + 1);
}

/** Rounds away binary noise (0.15/0.05 = 2.9999999999999996). */
function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

export interface UtilisationSummary {
  /** The governing check of the model (highest utilisation), if there are checks. */
  worst?: GoverningRow;
  checks: number;
  failingChecks: number;
  members: number;
  failingMembers: number;
}

export function summarizeUtilisation(checks: CheckResult[]): UtilisationSummary {
  let worst: CheckResult | undefined;
  const members = new Set<string>();
  const failing = new Set<string>();
  let failingChecks = 0;
  for (const c of checks) {
    members.add(c.member);
    if (!c.ok) {
      failingChecks++;
      failing.add(c.member);
    }
    if (!worst || utilisationOf(c) > utilisationOf(worst)) worst = c;
  }
  const out: UtilisationSummary = { checks: checks.length, failingChecks, members: members.size, failingMembers: failing.size };
  if (worst) out.worst = rowOf(worst);
  return out;
}

/** The combinations that have checks, in order of first appearance. */
export function checkedCombinations(checks: CheckResult[]): string[] {
  return [...new Set(checks.map((c) => c.combination))];
}
