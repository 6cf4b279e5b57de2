// Struktur's own LSP messages, defined once for the server, the CLI, the extension and the
// webviews. Methods are namespaced `struktur/…`.
import { RequestType0 } from 'vscode-languageserver-protocol';

/** Validates every open document now and answers once all their diagnostics are published. */
export const FlushRequest = new RequestType0<{ validated: number }, void>('struktur/flush');
