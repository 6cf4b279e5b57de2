import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function formatDocument(_ctx: FeatureContext, _p: DocumentFormattingParams): TextEdit[] { return []; }
export function formatRange(_ctx: FeatureContext, _p: DocumentRangeFormattingParams): TextEdit[] { return []; }
