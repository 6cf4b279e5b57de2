// The results document's type, taken from the struktur/results request in the shared protocol:
// the extension reaches the server's types only through language-server/src/shared.
import type { RequestType } from 'vscode-languageclient';
import type { ResultsRequest } from '../../language-server/src/shared/protocol';

export type ResultsDocument = NonNullable<typeof ResultsRequest extends RequestType<any, infer R, any> ? R : never>;
