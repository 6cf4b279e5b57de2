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

export interface MemberResult {
  end_forces: number[];
  stations: Station[];
}

export interface CaseResult {
  name: string;
  kind: 'load' | 'combination';
  type?: 'ULS' | 'SLS';
  nodes: Record<string, NodeResult>;
  members: Record<string, MemberResult>;
}

export interface CheckResult {
  check: 'stress' | 'deflection';
  member: string;
  combination: string;
  ratio: number;
  limit: number;
  x: number;
  ok: boolean;
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
