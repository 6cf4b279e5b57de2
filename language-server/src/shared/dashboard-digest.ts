// What the extension sends the results dashboard: the model's figures and a digest of the results
// (reactions, equilibrium, per-case peaks, checks) — everything but the stations, which go one
// member at a time (memberSeries). One pass over the document, no copies of the big arrays, so a
// large model costs the extension host milliseconds and the webview channel kilobytes.
import type { ResultsDocument, Station } from '../analysis/results';
import type { ModelView } from './model-view';
import { DIAGRAM_QUANTITIES, type CaseDigest, type DashboardModel, type MemberSeries, type Peak, type ResultsDigest } from './dashboard-messages';

export function dashboardModel(view: ModelView): DashboardModel {
  let lo = [Infinity, Infinity, Infinity];
  let hi = [-Infinity, -Infinity, -Infinity];
  for (const n of view.nodes) {
    lo = lo.map((v, k) => Math.min(v, n.xyz[k]));
    hi = hi.map((v, k) => Math.max(v, n.xyz[k]));
  }
  const extent = view.nodes.length ? Math.hypot(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) : 0;
  return {
    uri: view.uri,
    title: view.title,
    valid: view.valid,
    errors: view.errors,
    units: view.units,
    counts: {
      nodes: view.nodes.length,
      members: view.members.length,
      supports: view.supports.length,
      sections: view.sections.length,
      loadCases: view.loadCases.length,
      combinations: view.combinations.length,
    },
    extent,
    members: view.members.map((m) => {
      const section = m.section === undefined ? undefined : view.sections[m.section]?.name;
      return section === undefined ? { name: m.name, length: m.length } : { name: m.name, length: m.length, section };
    }),
    supports: view.supports.map((s) => ({ node: view.nodes[s.node]?.name ?? `#${s.node}`, kind: s.kind })),
  };
}

function peakOfStations(stations: Station[], q: (typeof DIAGRAM_QUANTITIES)[number]): { x: number; value: number } | null {
  let best: { x: number; value: number } | null = null;
  for (const s of stations) if (!best || Math.abs(s[q]) > Math.abs(best.value)) best = { x: s.x, value: s[q] };
  return best;
}

export function digestResults(doc: ResultsDocument): ResultsDigest {
  const cases: CaseDigest[] = doc.cases.map((c) => {
    const reactions: Record<string, number[]> = {};
    let maxDisplacement: CaseDigest['maxDisplacement'] = null;
    for (const [name, n] of Object.entries(c.nodes)) {
      if (n.reaction) reactions[name] = n.reaction;
      const value = Math.hypot(n.u[0], n.u[1], n.u[2]);
      if (!maxDisplacement || value > maxDisplacement.value) maxDisplacement = { node: name, value, u: [n.u[0], n.u[1], n.u[2]] };
    }
    const peaks: Partial<Record<(typeof DIAGRAM_QUANTITIES)[number], Peak>> = {};
    for (const [member, m] of Object.entries(c.members)) {
      for (const q of DIAGRAM_QUANTITIES) {
        // The exact extremes when the document has them (a maximum between stations), else the stations.
        const e = m.extremes?.[q];
        const p = e ? (Math.abs(e.max) >= Math.abs(e.min) ? { x: e.xMax, value: e.max } : { x: e.xMin, value: e.min }) : peakOfStations(m.stations, q);
        if (p && (!peaks[q] || Math.abs(p.value) > Math.abs(peaks[q]!.value))) peaks[q] = { member, ...p };
      }
    }
    const out: CaseDigest = { name: c.name, kind: c.kind, reactions, maxDisplacement, peaks };
    if (c.type) out.type = c.type;
    if (c.equilibrium) out.equilibrium = { applied: c.equilibrium.applied, reactions: c.equilibrium.reactions };
    return out;
  });
  return { model: doc.model, source: doc.source, dofs: doc.dofs, cases, checks: doc.checks, diagnostics: doc.diagnostics };
}

/** The stations of `member` in every case that has it; null when no case does. */
export function memberSeries(doc: ResultsDocument, member: string, length?: number): MemberSeries | null {
  const cases: MemberSeries['cases'] = [];
  for (const c of doc.cases) {
    const m = c.members[member];
    if (!m) continue;
    const entry: MemberSeries['cases'][number] = { name: c.name, kind: c.kind, stations: m.stations };
    if (c.type) entry.type = c.type;
    if (m.extremes) entry.extremes = m.extremes;
    cases.push(entry);
  }
  if (!cases.length) return null;
  const last = cases[0].stations[cases[0].stations.length - 1];
  return { member, length: length ?? last?.x ?? 0, cases };
}
