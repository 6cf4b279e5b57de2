// What the hover tooltip says about a member or a node: name, section, length, and the key
// results of the shown case (extreme resultants, largest displacement, governing utilisation,
// reactions). Pure, so the text is tested without a browser.
import type { ModelView } from '../../language-server/src/shared/model-view';
import type { CaseResult } from '../../language-server/src/shared/protocol';
import { formatNumber, formatQuantity, type DisplayUnits } from './display-units';
import { DIAGRAM_QUANTITIES, QUANTITY_KIND, type CheckSource, type DiagramQuantity } from './result-geometry';

export interface ElementInfo {
  title: string;
  lines: string[];
}

export function memberInfo(view: ModelView, units: DisplayUnits, m: number, result: CaseResult | undefined, results: CheckSource): ElementInfo {
  const mv = view.members[m];
  const section = mv.section !== undefined ? view.sections[mv.section] : undefined;
  const lines: string[] = [];
  const sectionText = section ? `${section.name}${section.catalog && section.catalog !== section.name ? ` (${section.catalog})` : ''}` : 'no section';
  lines.push(`${view.nodes[mv.i].name} → ${view.nodes[mv.j].name} · ${sectionText}${section?.material ? ` · ${section.material}` : ''}`);
  const flags = [mv.truss ? 'truss' : '', mv.roll ? `roll ${formatNumber((mv.roll * 180) / Math.PI)}°` : '', releasesText(mv.releaseI, 'i'), releasesText(mv.releaseJ, 'j')].filter(Boolean);
  lines.push(`L = ${formatQuantity(units, 'length', mv.length)}${flags.length ? ` · ${flags.join(' · ')}` : ''}`);
  const r = result?.members[mv.name];
  if (result && r && r.stations.length) {
    const shown: string[] = [];
    for (const q of DIAGRAM_QUANTITIES) {
      const text = formatQuantity(units, QUANTITY_KIND[q], extreme(r.stations, q, r.extremes?.[q]));
      // Round-off (1e-12 kN) reads as 0 and says nothing: leave it out.
      if (!text.startsWith('0 ')) shown.push(`${q} ${text}`);
    }
    lines.push(`${result.name}: ${shown.length ? shown.join(' · ') : 'no internal forces'}`);
    let d = 0;
    for (const s of r.stations) d = Math.max(d, Math.hypot(s.dy, s.dz));
    if (d > 0) lines.push(`max transverse displacement ${formatQuantity(units, 'displacement', d)}`);
  }
  const checks = (results?.checks ?? []).filter((c) => c.member === mv.name);
  if (checks.length) {
    const worst = checks.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    lines.push(`utilisation ${worst.ratio.toFixed(2)} (${worst.check}, ${worst.combination})${worst.ok ? '' : ' ✗'}`);
  }
  return { title: `Member ${mv.name}`, lines };
}

export function nodeInfo(view: ModelView, units: DisplayUnits, n: number, result: CaseResult | undefined): ElementInfo {
  const nv = view.nodes[n];
  const lines = [`(${nv.xyz.map((v) => formatNumber(v / units.length.factor, 4)).join(', ')}) ${units.length.symbol}`];
  const support = view.supports.find((s) => s.node === n);
  if (support) lines.push(`support: ${support.kind}`);
  const r = result?.nodes[nv.name];
  if (result && r) {
    const u = Math.hypot(r.u[0], r.u[1], r.u[2]);
    lines.push(`${result.name}: u = ${formatQuantity(units, 'displacement', u)} (${r.u.slice(0, 3).map((v) => formatNumber(v / units.displacement.factor)).join(', ')})`);
    if (r.reaction) {
      const f = r.reaction.slice(0, 3).map((v) => formatNumber(v / units.force.factor)).join(', ');
      lines.push(`reaction (${f}) ${units.force.symbol}`);
    }
  }
  return { title: `Node ${nv.name}`, lines };
}

/** The value of largest magnitude, from the exact extremes when the results carry them. */
function extreme(stations: { [k in DiagramQuantity]: number }[], q: DiagramQuantity, exact?: { min: number; max: number }): number {
  if (exact) return Math.abs(exact.min) > Math.abs(exact.max) ? exact.min : exact.max;
  let best = 0;
  for (const s of stations) if (Math.abs(s[q]) > Math.abs(best)) best = s[q];
  return best;
}

const RELEASE_NAMES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'];

function releasesText(r: boolean[], end: string): string {
  const names = RELEASE_NAMES.filter((_, k) => r[k]);
  return names.length ? `released at ${end}: ${names.join(',')}` : '';
}
