import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function prepareRename(_ctx: FeatureContext, _p: PrepareRenameParams): Range | null { return null; }
export function rename(_ctx: FeatureContext, _p: RenameParams): WorkspaceEdit | null { return null; }
