// Struktur's own LSP messages, defined once for the server, the CLI, the extension and the
// webviews. Methods are namespaced `struktur/…`.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ResultsDocument } from '../analysis/results';
import type { ModelView } from './model-view';

/** Validates every open document now and answers once all their diagnostics are published. */
export const FlushRequest = new RequestType0<{ validated: number }, void>('struktur/flush');

export interface ResultsParams {
  /** Any file of the model (an included file gives its including model's results). */
  uri: string;
}

/** The results document (struktur-results/1) of a model, waiting for an analysis in progress;
 * null when the model has errors or nothing to analyse. */
export const ResultsRequest = new RequestType<ResultsParams, ResultsDocument | null, void>('struktur/results');

/** The model of any of its files as the panels draw it (geometry, loads, source locations); null
 * when the file is not open or known to the server. Answered for models with errors too. */
export const ModelViewRequest = new RequestType<ResultsParams, ModelView | null, void>('struktur/modelView');

export interface AnalysisStatus {
  /** The model's root file. */
  uri: string;
  state: 'running' | 'done' | 'failed' | 'skipped';
  /** Files of the model (so a client can tell which editors it concerns). */
  files: string[];
  cases?: number;
  maxUtilisation?: number;
  /** e.g. "unstable at N7", "2 errors". */
  message?: string;
}

/** Sent whenever the analysis state of a model changes (status bar, panels). */
export const AnalysisStatusNotification = new NotificationType<AnalysisStatus>('struktur/analysisStatus');

// The results format is part of the protocol: clients import its types from here.
export type { ResultsDocument, CaseResult, NodeResult, MemberResult, Station, CheckResult, ResultDiagnostic } from '../analysis/results';
export type * from './model-view';
