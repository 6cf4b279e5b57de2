// The results document, format `struktur-results/1` (docs/results.md). All values SI.
import type { Six } from './model-input';

export interface Station {
  x: number;
  N: number;
  Vy: number;
  Vz: number;
  T: number;
  My: number;
  Mz: number;
  dy: number;
  dz: number;
}

export interface NodeResult {
  u: Six;
  reaction?: Six;
}

export interface ExtremeValue {
  min: number;
  /** Position of the minimum, m from end i. */
  xMin: number;
  max: number;
  xMax: number;
}

export interface MemberResult {
  end_forces: number[];
  stations: Station[];
  /** Added (optional): exact extremes of each station quantity along the member, found on the
   * piecewise polynomials rather than at the stations, so the view, hovers and reports can show
   * max |M| or max deflection where they really occur (e.g. 3L/8 on a propped cantilever). */
  extremes?: Record<'N' | 'Vy' | 'Vz' | 'T' | 'My' | 'Mz' | 'dy' | 'dz', ExtremeValue>;
}

export interface CaseResult {
  name: string;
  kind: 'load' | 'combination';
  type?: 'ULS' | 'SLS';
  nodes: Record<string, NodeResult>;
  members: Record<string, MemberResult>;
  /** Extension: global equilibrium, each ΣFx ΣFy ΣFz (N) ΣMx ΣMy ΣMz (N·m) about the origin. The
   * applied loads and the reactions are computed independently; applied + reactions ≈ 0. */
  equilibrium?: { applied: Six; reactions: Six };
}

export interface CheckResult {
  check: 'stress' | 'deflection';
  member: string;
  combination: string;
  ratio: number;
  limit: number;
  x: number;
  ok: boolean;
  /** Added (optional): the governing value (stress in Pa, or deflection relative to the chord in
   * m) and what is allowed (limit·fy in Pa, or L/ratio or the absolute limit in m). For a
   * deflection check `ratio` is value/allowed and `limit` is 1, so `ok` is always
   * ratio ≤ limit. */
  value?: number;
  allowed?: number;
}

export interface ResultDiagnostic {
  path: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
  related?: { path: string; range: ResultDiagnostic['range']; message: string }[];
}

export interface ResultsDocument {
  format: 'struktur-results/1';
  model: string;
  source: string;
  dofs: number;
  cases: CaseResult[];
  checks: CheckResult[];
  diagnostics: ResultDiagnostic[];
}
