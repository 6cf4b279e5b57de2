import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export const CODE_ACTION_KINDS = ['quickfix'];
export function codeActions(_ctx: FeatureContext, _p: CodeActionParams): CodeAction[] { return []; }
