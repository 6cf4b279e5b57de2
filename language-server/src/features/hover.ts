import type { Hover, HoverParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function hover(_ctx: FeatureContext, _p: HoverParams): Hover | null { return null; }
