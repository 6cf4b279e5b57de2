// The results document's types, from the shared protocol (the extension reaches the server's
// types only through language-server/src/shared).
export type { ResultsDocument } from '../../language-server/src/shared/protocol';
