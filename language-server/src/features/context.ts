// What every LSP feature gets: the workspace (documents, models) and the resource's settings.
import type { Workspace } from '../language/workspace';

export interface StrukturSettings {
  inlayHints: { memberLength: boolean; convertedValues: boolean };
  validation: { maxProblems: number };
  /** When the model is analysed: as you type, on save, or never. */
  analysis: { mode: 'onType' | 'onSave' | 'off'; shearDeformation: boolean; maxMembersOnType: number };
}

export const DEFAULT_SETTINGS: StrukturSettings = {
  inlayHints: { memberLength: true, convertedValues: false },
  validation: { maxProblems: 1000 },
  analysis: { mode: 'onType', shearDeformation: false, maxMembersOnType: 20000 },
};

export interface FeatureContext {
  workspace: Workspace;
}
