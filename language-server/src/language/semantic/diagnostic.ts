// Diagnostics of the language layer, in LSP's shape but without depending on LSP.
import type { Range } from '../syntax/range';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** Data for quick fixes, carried on the diagnostic through LSP. */
export type FixData =
  | { fix: 'replace'; replacement: string }
  | { fix: 'create-node'; name: string }
  | { fix: 'create-section'; name: string; catalog?: string }
  | { fix: 'create-material'; name: string }
  | { fix: 'add-support'; node: string };

export interface Diagnostic {
  uri: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedLocation[];
  data?: FixData[];
}
