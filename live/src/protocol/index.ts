// The live-session protocol: what the server (live/src) and every client share
// (docs/live-protocol.md). Pure: no Node APIs, no sockets — safe to import from the extension.
export * from './message-types';
export * from './close-codes';
export * from './payloads';
export * from './messages';
export * from './room-name';
export * from './document-layout';
