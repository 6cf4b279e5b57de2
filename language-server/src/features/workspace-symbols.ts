import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function workspaceSymbols(_ctx: FeatureContext, _p: WorkspaceSymbolParams): SymbolInformation[] { return []; }
