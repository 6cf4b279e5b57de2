// What every LSP feature gets: the workspace (documents, models) and the resource's settings.
import type { Workspace } from '../language/workspace';

export interface StrukturSettings {
  inlayHints: { memberLength: boolean; convertedValues: boolean };
  validation: { maxProblems: number };
}

export const DEFAULT_SETTINGS: StrukturSettings = {
  inlayHints: { memberLength: true, convertedValues: false },
  validation: { maxProblems: 1000 },
};

export interface FeatureContext {
  workspace: Workspace;
}
