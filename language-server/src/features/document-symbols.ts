import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function documentSymbols(_ctx: FeatureContext, _p: DocumentSymbolParams): DocumentSymbol[] { return []; }
