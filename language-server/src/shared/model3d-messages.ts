// Messages of the 3D model view (webviews/model3d ↔ extension/src/panels/model3d-panel.ts), on
// top of the ones every panel exchanges. Plain types: the webview imports them with `import type`.
import type { ModelView } from './model-view';
import type { ElementRef, HostToPanel, PanelToHost } from './panel-messages';
import type { CaseResult } from './protocol';
import type { ResultsIndex } from './case-view';

/** The webview panel's view type (serializer, activation event `onWebviewPanel:struktur.model3d`). */
export const MODEL3D_VIEW_TYPE = 'struktur.model3d';

/** What the panel draws: the model (the last valid one while the text has errors), the index of
 * its results (every case's name and kind, the checks — no node or member data) and whether
 * either is older than the text. The view asks for the one case it shows (`caseRequest`). */
export interface Model3dUpdate {
  type: 'model';
  /** The model's root file (the panel keeps it in its state so a reload can restore it). */
  model: string;
  view: ModelView | null;
  results: ResultsIndex | null;
  /** The case the view last asked for, of these results, when the host has it already (so a new
   * analysis redraws in one step rather than the model first and its case a round trip later). */
  case?: Model3dCase;
  /** The text has errors now: `view` is the last valid model, not the current text. */
  stale: boolean;
  /** Errors in the current text (0 when valid). */
  errors: number;
  /** `results` belong to an older text (analysis running, failed or not possible). */
  resultsStale: boolean;
  /** Short state of the analysis ("running", "unstable at N7"), for the status line. */
  analysis?: string;
}

/** One case of the results (struktur/caseResults), answering a `caseRequest`: drawn only while
 * the view shows `name` and holds the index `id` (a late answer is dropped). */
export interface Model3dCase {
  type: 'case';
  /** The results index (`ResultsIndex.id`) the case belongs to. */
  id: string;
  name: string;
  /** null: the results have no such case. */
  result: CaseResult | null;
}

/** A live-session participant's selection in this model's 3D view, drawn in their colour. */
export interface ParticipantSelectionView {
  name: string;
  /** `#rrggbb` (the view may lighten or darken it to stand out from the theme's background). */
  colour: string;
  elements: ElementRef[];
}

/** Every other participant's selection in this model (an empty list clears them). */
export interface Model3dParticipants {
  type: 'participants';
  selections: ParticipantSelectionView[];
}

export type HostToModel3d = HostToPanel | Model3dUpdate | Model3dCase | Model3dParticipants;

export type Model3dToHost =
  | PanelToHost
  /** The view now highlights this element, after a `select` from the editor or another panel
   * (the extension records it; its tests read it to follow the round trip). */
  | { type: 'highlighted'; element: ElementRef | null }
  /** The view shows case `name` (the toolbar, its restored state, the first one) and needs its
   * results of index `id` (null: the view has no results yet — the host only notes the name). */
  | { type: 'caseRequest'; name: string; id: string | null }
  /** What the view draws of the participants' selections now (the elements the model has, the
   * colours as drawn); the extension records it for its tests. */
  | { type: 'participantsShown'; selections: ParticipantSelectionView[] };

/** What the webview keeps with getState/setState (and the serializer hands back on reload). */
export interface Model3dState {
  version: 1;
  /** The model's root file URI. */
  model?: string;
  camera?: { position: [number, number, number]; target: [number, number, number]; up: [number, number, number]; zoom: number };
  /** Load case or combination shown. */
  caseName?: string;
  diagram: 'none' | 'N' | 'Vy' | 'Vz' | 'T' | 'My' | 'Mz';
  deformed: boolean;
  /** Multiplier on the automatic deformation scale. */
  deformScale: number;
  utilisation: boolean;
  reactions: boolean;
  loads: boolean;
  sections: boolean;
  localAxes: boolean;
  nodeLabels: boolean;
  memberLabels: boolean;
  values: boolean;
}
