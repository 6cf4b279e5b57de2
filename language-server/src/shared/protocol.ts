// Struktur's own LSP messages, defined once for the server, the CLI, the extension and the
// webviews. Methods are namespaced `struktur/…`.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { CaseResult, ResultsDocument } from '../analysis/results';
import type { ModelView } from './model-view';
import type { MemberSeries, ResultsDigest } from './dashboard-messages';
import type { ResultsIndex } from './case-view';

/** Validates every open document now and answers once all their diagnostics are published. */
export const FlushRequest = new RequestType0<{ validated: number }, void>('struktur/flush');

export interface ResultsParams {
  /** Any file of the model (an included file gives its including model's results). */
  uri: string;
}

/** The results document (struktur-results/1) of a model, waiting for an analysis in progress;
 * null when the model has errors or nothing to analyse. */
export const ResultsRequest = new RequestType<ResultsParams, ResultsDocument | null, void>('struktur/results');

/** What the dashboard shows of the results (reactions, equilibrium, per-case peaks, checks) —
 * the results document without its stations, computed where the document is, so a large model's
 * stations never cross the wire; null when `struktur/results` would answer null. */
export const ResultsDigestRequest = new RequestType<ResultsParams, ResultsDigest | null, void>('struktur/resultsDigest');

export interface MemberSeriesParams extends ResultsParams {
  /** The member's name. */
  member: string;
}

/** One member's stations and extremes in every case and combination (the dashboard's member
 * diagrams); null when there are no results or no such member. */
export const MemberSeriesRequest = new RequestType<MemberSeriesParams, MemberSeries | null, void>('struktur/memberSeries');

/** What the 3D view needs of the results for every case (case names and kinds, the checks it
 * colours by, diagnostics) — no node or member data; null when `struktur/results` would answer
 * null. Its `id` names the results document the index was made of. */
export const ResultsIndexRequest = new RequestType<ResultsParams, ResultsIndex | null, void>('struktur/resultsIndex');

export interface CaseResultsParams extends ResultsParams {
  /** The load case or combination. */
  case: string;
  /** The `id` of the index the caller holds: when given, the case comes from the results
   * document that index was made of — while the text has errors too — and is null once a newer
   * index of the model was served, so a case never goes with an index it does not belong to.
   * Without it: the current results (null while the model has errors). */
  id?: string;
}

/** One case or combination of the results (nodes and members) exactly as in the document; null
 * when there are no results, no such case, or (with `id`) that index is no longer the latest. */
export const CaseResultsRequest = new RequestType<CaseResultsParams, CaseResult | null, void>('struktur/caseResults');

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
