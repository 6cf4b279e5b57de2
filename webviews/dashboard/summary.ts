// The summary tiles' figures and the banner that says whether the numbers are current. Pure: no DOM.
import type { DashboardModel, DashboardStatus, ResultsDigest } from '../../language-server/src/shared/dashboard-messages';
import type { ResultDiagnostic } from '../../language-server/src/shared/protocol';
import { deflectionRows, largestDisplacement, type DeflectionRow, type DisplacementPeak } from './deflection';
import { equilibriumRows, worstEquilibrium, type EquilibriumRow } from './equilibrium';
import { summarizeUtilisation, type UtilisationSummary } from './utilisation';

export type Freshness = 'current' | 'running' | 'stale' | 'invalid' | 'failed' | 'empty';

export interface Banner {
  state: Freshness;
  /** What to tell the engineer; empty when the results are current. */
  text: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function banner(model: DashboardModel | null, results: ResultsDigest | null, status: DashboardStatus): Banner {
  const kept = results ? ' The figures below are from the last analysis.' : '';
  if (model && !model.valid) {
    return { state: 'invalid', text: `The model has ${plural(model.errors, 'error')}: results are out of date.${kept || ' Fix the errors to analyse it.'}` };
  }
  if (status.analysis === 'running') return { state: 'running', text: `Analysing…${kept}` };
  if (status.analysis === 'failed') return { state: 'failed', text: `The analysis failed${status.message ? `: ${status.message}` : ''}.${kept}` };
  if (!results) {
    if (!model) return { state: 'empty', text: 'Waiting for the model…' };
    return { state: 'empty', text: status.message ? `No results: ${status.message}.` : 'No results: the model has nothing to analyse.' };
  }
  if (!status.resultsCurrent) return { state: 'stale', text: `Results are out of date.${kept}` };
  return { state: 'current', text: '' };
}

export interface DiagnosticsSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** errors and warnings first, at most `limit` of them */
  shown: ResultDiagnostic[];
}

const SEVERITY_RANK: Record<ResultDiagnostic['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function summarizeDiagnostics(diagnostics: ResultDiagnostic[], limit = 5): DiagnosticsSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  const shown = diagnostics
    .map((d, k) => ({ d, k }))
    .sort((a, b) => SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] || a.k - b.k)
    .slice(0, limit)
    .map((e) => e.d);
  return { errors, warnings, infos, shown };
}

export interface Summary {
  utilisation: UtilisationSummary;
  deflection?: DeflectionRow;
  /** the largest displacement (shown when there is no deflection check) */
  displacement?: DisplacementPeak;
  equilibrium: EquilibriumRow[];
  worstEquilibrium?: EquilibriumRow;
  diagnostics: DiagnosticsSummary;
  statistics: { nodes: number; members: number; supports: number; dofs: number; loadCases: number; combinations: number };
}

export function memberLengths(model: DashboardModel | null): Map<string, number> {
  return new Map((model?.members ?? []).map((m) => [m.name, m.length]));
}

export function summarize(model: DashboardModel | null, results: ResultsDigest): Summary {
  const deflections = deflectionRows(results.checks, memberLengths(model));
  const equilibrium = equilibriumRows(results.cases, model?.extent ?? 0);
  const counts = model?.counts;
  const out: Summary = {
    utilisation: summarizeUtilisation(results.checks),
    equilibrium,
    diagnostics: summarizeDiagnostics(results.diagnostics),
    statistics: {
      nodes: counts?.nodes ?? 0,
      members: counts?.members ?? 0,
      supports: counts?.supports ?? 0,
      dofs: results.dofs,
      loadCases: results.cases.filter((c) => c.kind === 'load').length,
      combinations: results.cases.filter((c) => c.kind === 'combination').length,
    },
  };
  if (deflections[0]) out.deflection = deflections[0];
  const displacement = largestDisplacement(results.cases);
  if (displacement) out.displacement = displacement;
  const worst = worstEquilibrium(equilibrium);
  if (worst) out.worstEquilibrium = worst;
  return out;
}
