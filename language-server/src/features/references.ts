import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function references(_ctx: FeatureContext, _p: ReferenceParams): Location[] { return []; }
