import type { SemanticTokens, SemanticTokensParams, SemanticTokensLegend } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [], tokenModifiers: [] };
export function semanticTokens(_ctx: FeatureContext, _p: SemanticTokensParams): SemanticTokens { return { data: [] }; }
