// What every section of the report reads: the flow to write into, the model, its results, the
// number formatter and the options.
import type { Model } from '../language/semantic/model';
import type { CaseResult, ResultsDocument } from '../analysis/results';
import type { Formatter } from './format';
import type { Flow } from './layout/flow';
import type { ResolvedOptions } from './options';
import type { ReportModel } from './report-model';

export interface SourceFile {
  /** Path as shown (relative to the working folder). */
  path: string;
  sha256: string;
  text: string;
}

export interface ReportInput {
  model: Model;
  results: ResultsDocument;
  /** The root file first, then included files. */
  files: SourceFile[];
  options: ResolvedOptions;
  version: string;
  /** The analysis used shear deformation (Timoshenko) where sections give shear areas. */
  shearDeformation?: boolean;
}

export interface ReportContext extends ReportInput {
  flow: Flow;
  rm: ReportModel;
  fmt: Formatter;
  cases: Map<string, CaseResult>;
  /** member + check kind → anchor of its detailed check. */
  detailAnchors: Map<string, string>;
}

export const detailKey = (member: string, check: string) => `${member}\u0000${check}`;

/** Whether the full tables are wanted (full and checker presets). */
export const fullTables = (ctx: ReportContext) => ctx.options.preset !== 'summary';
