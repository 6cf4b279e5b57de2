// Messages between the results dashboard (webviews/dashboard) and the extension
// (extension/src/panels/dashboard-panel.ts), extending the common panel messages. The host sends
// a digest of the results rather than the whole document: a 10k-member model's stations are tens
// of megabytes, and the dashboard needs them for one member at a time (the `member` message).
// Plain types: the webview imports them with `import type`.
import type { CheckResult, ExtremeValue, ResultDiagnostic, Station } from '../analysis/results';
import type { ElementRef, HostToPanel, PanelToHost } from './panel-messages';

export const DASHBOARD_VIEW_TYPE = 'struktur.dashboard';

/** The station quantities the dashboard draws as member diagrams. */
export const DIAGRAM_QUANTITIES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'] as const;
export type DiagramQuantity = (typeof DIAGRAM_QUANTITIES)[number];

/** The largest |value| of a quantity in one case, where it occurs, with its sign. */
export interface Peak {
  member: string;
  /** m from end i */
  x: number;
  value: number;
}

export interface CaseDigest {
  name: string;
  kind: 'load' | 'combination';
  type?: 'ULS' | 'SLS';
  /** ΣF (N) and ΣM about the origin (N·m) of the applied loads and of the reactions. */
  equilibrium?: { applied: number[]; reactions: number[] };
  /** Reaction of every supported node: Fx Fy Fz Mx My Mz, global. */
  reactions: Record<string, number[]>;
  /** The node that moves most (translation, m). */
  maxDisplacement: { node: string; value: number; u: [number, number, number] } | null;
  peaks: Partial<Record<DiagramQuantity, Peak>>;
}

/** What the dashboard knows of the model besides its results. */
export interface DashboardModel {
  uri: string;
  title: string;
  valid: boolean;
  errors: number;
  units: { force: string; length: string };
  counts: { nodes: number; members: number; supports: number; sections: number; loadCases: number; combinations: number };
  /** Diagonal of the nodes' bounding box, m (the lever arm that scales moment errors). */
  extent: number;
  /** Every member with its length (m) and section name, in declaration order. */
  members: { name: string; length: number; section?: string }[];
  /** Nodes that carry a support, with the support kind. */
  supports: { node: string; kind: string }[];
}

export interface ResultsDigest {
  model: string;
  source: string;
  dofs: number;
  cases: CaseDigest[];
  checks: CheckResult[];
  diagnostics: ResultDiagnostic[];
}

/** Where the dashboard's numbers stand against the text. */
export interface DashboardStatus {
  /** false when the results are older than the text (model invalid, analysis running or failed). */
  resultsCurrent: boolean;
  analysis?: 'running' | 'done' | 'failed' | 'skipped';
  /** The server's explanation ("2 errors", "unstable at N7"). */
  message?: string;
}

/** The stations of one member in every case (the member diagrams and their envelope). */
export interface MemberSeries {
  member: string;
  /** m */
  length: number;
  cases: { name: string; kind: 'load' | 'combination'; type?: 'ULS' | 'SLS'; stations: Station[]; extremes?: Record<string, ExtremeValue> }[];
}

/** extension → dashboard */
export type HostToDashboard =
  | HostToPanel
  /** New data for the whole dashboard (model edited, analysis finished, panel (re)opened). */
  | { type: 'update'; model: DashboardModel | null; results: ResultsDigest | null; status: DashboardStatus }
  /** The stations of the selected member (null: it has none, e.g. the model has no results). */
  | { type: 'member'; series: MemberSeries | null }
  /** A figure was saved (or the save was cancelled: path undefined). */
  | { type: 'exported'; name: string; path?: string };

/** dashboard → extension */
export type DashboardToHost = PanelToHost | { type: 'memberRequest'; element: ElementRef };

/** What the webview keeps across hide/show and reloads (vscode.setState); the serializer reads
 * `model` to reopen the dashboard of the same model after a restart. */
export interface DashboardState {
  model?: string;
  selected?: ElementRef | null;
  utilisationMode?: 'envelope' | 'combination';
  combination?: string;
  diagramCase?: string;
  reactionCase?: string;
  compareQuantity?: string;
  sort?: { key: string; descending: boolean };
  rows?: number;
}
