// What every LSP feature gets: the workspace (documents, models) and the resource's settings.
import type { Workspace } from '../language/workspace';
import type { ResultsDocument } from '../analysis/results';

export interface StrukturSettings {
  inlayHints: { memberLength: boolean; convertedValues: boolean; utilisation: boolean };
  /** The case or combination whose results hovers show (empty: the first few). */
  results: { case: string };
  validation: { maxProblems: number };
  /** When the model is analysed: as you type, on save, or never. */
  analysis: { mode: 'onType' | 'onSave' | 'off'; shearDeformation: boolean; maxMembersOnType: number };
}

export const DEFAULT_SETTINGS: StrukturSettings = {
  inlayHints: { memberLength: true, convertedValues: false, utilisation: true },
  results: { case: '' },
  validation: { maxProblems: 1000 },
  analysis: { mode: 'onType', shearDeformation: false, maxMembersOnType: 20000 },
};

export interface FeatureContext {
  workspace: Workspace;
  /** The current analysis results of the model a file belongs to, when there are any. */
  results?(uri: string): ResultsDocument | undefined;
}
