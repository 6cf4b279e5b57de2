// The live-session server package: the server, its commands, and the shared protocol.
export { LiveServer, type LiveServerDeps } from './server';
export { runLive, LIVE_HELP } from './commands';
export { parseServeOptions, DEFAULT_LIMITS, type LiveOptions, type LiveLimits } from './config';
export { mintToken, verifyToken, parseTtl } from './auth';
export { backupDataDir, restoreDataDir } from './backup';
export * as protocol from './protocol';
