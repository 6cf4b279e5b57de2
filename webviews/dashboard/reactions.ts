// Support reactions of one case, their totals and the applied loads they must balance. Pure: no DOM.
import type { CaseDigest } from '../../language-server/src/shared/dashboard-messages';
import { naturalCompare } from './sorting';

export const COMPONENTS = ['Fx', 'Fy', 'Fz', 'Mx', 'My', 'Mz'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ReactionTable {
  case: string;
  rows: { node: string; values: number[] }[];
  /** Σ of the reactions: forces summed, moments about the global origin (from the analysis'
   * equilibrium record; without it, the moments are unknown: NaN). */
  total: number[];
  /** The applied loads' resultant about the origin, NaN where unknown. */
  applied: number[];
  /** applied + total: what does not balance. */
  difference: number[];
}

export function reactionTable(c: CaseDigest, order?: readonly string[]): ReactionTable {
  const names = Object.keys(c.reactions);
  if (order) {
    const rank = new Map(order.map((n, k) => [n, k]));
    names.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || naturalCompare(a, b));
  } else names.sort(naturalCompare);
  const rows = names.map((node) => ({ node, values: c.reactions[node].slice(0, 6) }));
  const sumF = [0, 1, 2].map((k) => rows.reduce((s, r) => s + (r.values[k] ?? 0), 0));
  const total = c.equilibrium ? c.equilibrium.reactions.slice(0, 6) : [...sumF, NaN, NaN, NaN];
  const applied = c.equilibrium ? c.equilibrium.applied.slice(0, 6) : [NaN, NaN, NaN, NaN, NaN, NaN];
  return { case: c.name, rows, total, applied, difference: applied.map((a, k) => a + total[k]) };
}

/** One component of the reaction at every support in each case, for the grouped bar chart:
 * `values[caseIndex][supportIndex]`. */
export function reactionComponent(cases: CaseDigest[], component: Component, supports: readonly string[]): { supports: string[]; cases: string[]; values: number[][] } {
  const k = COMPONENTS.indexOf(component);
  const present = supports.filter((s) => cases.some((c) => c.reactions[s]));
  return {
    supports: present,
    cases: cases.map((c) => c.name),
    values: cases.map((c) => present.map((s) => c.reactions[s]?.[k] ?? 0)),
  };
}
