import type { SignatureHelp, SignatureHelpParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
export const SIGNATURE_TRIGGERS = [' '];
export function signatureHelp(_ctx: FeatureContext, _p: SignatureHelpParams): SignatureHelp | null { return null; }
