import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { FeatureContext, StrukturSettings } from './context';
export function inlayHints(_ctx: FeatureContext, _p: InlayHintParams, _s: StrukturSettings): InlayHint[] { return []; }
