// Placeholder until the completion worker lands it.
import type { CompletionItem, CompletionParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export const COMPLETION_TRIGGERS = ['=', ',', ' '];
export function completion(_ctx: FeatureContext, _p: CompletionParams): CompletionItem[] { return []; }
