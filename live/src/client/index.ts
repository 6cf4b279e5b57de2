// The live-session client library (docs/live-sessions.md): a connection to one room, presence,
// acknowledgements and the shared model's files.
export * from './live-client';
export * from './presence';
export * from './backoff';
export * from './ack-tracker';
export * from './room-files';
