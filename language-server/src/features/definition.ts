import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export function definition(_ctx: FeatureContext, _p: DefinitionParams): Location | null { return null; }
