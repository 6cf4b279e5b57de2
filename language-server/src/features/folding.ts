import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function foldingRanges(_ctx: FeatureContext, _p: FoldingRangeParams): FoldingRange[] { return []; }
