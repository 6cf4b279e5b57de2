// The options of `struktur live serve`, from command-line flags and environment variables
// (flags win). Every limit is here, with its default, so docs/live-server.md can list them all.
import fs from 'node:fs';
import path from 'node:path';

export interface LiveLimits {
  /** Largest sync update message (type 0 update), bytes. */
  maxUpdateBytes: number;
  /** Largest sync step 2 (the catch-up a client sends after connecting), bytes. */
  maxSyncBytes: number;
  /** Largest awareness message, bytes. */
  maxAwarenessBytes: number;
  /** Cap on a room's stored size (snapshot + log), bytes. */
  maxDocumentBytes: number;
  /** Messages per second per connection (token bucket; the burst is twice the rate). */
  messagesPerSecond: number;
  /** Awareness messages per second per connection; above it they are dropped. */
  awarenessPerSecond: number;
  /** Messages a connection may send before its AUTH is verified. */
  preAuthMessages: number;
  /** Bytes a connection may send before its AUTH is verified. */
  preAuthBytes: number;
  /** Time allowed for the AUTH message, ms. */
  authTimeoutMs: number;
  /** Send buffer per connection (ws bufferedAmount) above which it is closed, bytes. */
  maxBufferedBytes: number;
  /** Connections per room. */
  maxConnectionsPerRoom: number;
  /** Rooms loaded in this process. */
  maxRooms: number;
  /** Connections to this process. */
  maxConnections: number;
}

export interface LiveOptions {
  host: string;
  port: number;
  dataDir: string;
  /** HMAC key for tokens (the content of the secret file). */
  secret: Uint8Array;
  /** Allowed Origin header values; '*' allows any. Requests without Origin (non-browser) always pass. */
  origins: string[];
  allowUrlToken: boolean;
  cert?: string;
  key?: string;
  redisUrl?: string;
  /** Expiry of a room's log lock in Redis, ms (renewed every third of it). */
  redisLockTtlMs: number;
  logLevel: string;
  limits: LiveLimits;
  /** Unload a room this long after its last client left, ms. */
  idleUnloadMs: number;
  /** Compact a room's log into a snapshot once it holds this many updates. */
  compactAfterUpdates: number;
  /** … or this many bytes. */
  compactAfterBytes: number;
  /** On SIGTERM, wait this long for writes to finish before exiting, ms. */
  shutdownGraceMs: number;
  /** Interval of WebSocket pings; a client that misses one is dropped, ms. */
  pingIntervalMs: number;
}

export const DEFAULT_LIMITS: LiveLimits = {
  maxUpdateBytes: 256 * 1024,
  maxSyncBytes: 8 * 1024 * 1024,
  maxAwarenessBytes: 16 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  messagesPerSecond: 100,
  awarenessPerSecond: 20,
  preAuthMessages: 16,
  preAuthBytes: 1024 * 1024,
  authTimeoutMs: 10_000,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxConnectionsPerRoom: 200,
  maxRooms: 1000,
  maxConnections: 5000,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface OptionSpec {
  flag: string;
  env: string;
  kind: 'string' | 'int' | 'bool' | 'list';
  help: string;
  apply: (o: PartialOptions, v: string | number | boolean | string[]) => void;
}

type PartialOptions = Omit<LiveOptions, 'secret' | 'limits'> & { secretFile?: string; limits: LiveLimits };

function limit(name: keyof LiveLimits, flag: string, help: string): OptionSpec {
  const env = 'STRUKTUR_LIVE_' + flag.replace(/-/g, '_').toUpperCase();
  return { flag, env, kind: 'int', help, apply: (o, v) => (o.limits[name] = v as number) };
}

/** Every option: flag, environment variable, meaning. The help text and the docs come from here. */
export const OPTION_SPECS: OptionSpec[] = [
  { flag: 'host', env: 'STRUKTUR_LIVE_HOST', kind: 'string', help: 'address to bind (default 127.0.0.1; use TLS or a TLS proxy for anything else)', apply: (o, v) => (o.host = v as string) },
  { flag: 'port', env: 'STRUKTUR_LIVE_PORT', kind: 'int', help: 'port (default 1234; 0 picks a free one)', apply: (o, v) => (o.port = v as number) },
  { flag: 'data', env: 'STRUKTUR_LIVE_DATA', kind: 'string', help: 'data directory (default ./live-data)', apply: (o, v) => (o.dataDir = v as string) },
  { flag: 'secret-file', env: 'STRUKTUR_LIVE_SECRET_FILE', kind: 'string', help: 'file holding the token secret (at least 32 bytes)', apply: (o, v) => (o.secretFile = v as string) },
  { flag: 'origin', env: 'STRUKTUR_LIVE_ORIGINS', kind: 'list', help: 'allowed browser Origin (repeat, or comma-separated); * allows any', apply: (o, v) => o.origins.push(...(v as string[])) },
  { flag: 'allow-url-token', env: 'STRUKTUR_LIVE_ALLOW_URL_TOKEN', kind: 'bool', help: 'also accept ?token= in the URL (stock y-websocket clients; tokens end up in logs)', apply: (o, v) => (o.allowUrlToken = v as boolean) },
  { flag: 'cert', env: 'STRUKTUR_LIVE_CERT', kind: 'string', help: 'TLS certificate (PEM); with --key serves wss://', apply: (o, v) => (o.cert = v as string) },
  { flag: 'key', env: 'STRUKTUR_LIVE_KEY', kind: 'string', help: 'TLS private key (PEM)', apply: (o, v) => (o.key = v as string) },
  { flag: 'redis', env: 'STRUKTUR_LIVE_REDIS', kind: 'string', help: 'Redis URL (redis://host:port) to share rooms between processes', apply: (o, v) => (o.redisUrl = v as string) },
  { flag: 'redis-lock-ttl-ms', env: 'STRUKTUR_LIVE_REDIS_LOCK_TTL_MS', kind: 'int', help: 'expiry of a room log lock in Redis; a dead owner is replaced after it (default 10000)', apply: (o, v) => (o.redisLockTtlMs = v as number) },
  { flag: 'log-level', env: 'STRUKTUR_LIVE_LOG_LEVEL', kind: 'string', help: 'pino level: fatal error warn info debug (default info)', apply: (o, v) => (o.logLevel = v as string) },
  { flag: 'idle-unload-ms', env: 'STRUKTUR_LIVE_IDLE_UNLOAD_MS', kind: 'int', help: 'unload a room this long after its last client left (default 30000)', apply: (o, v) => (o.idleUnloadMs = v as number) },
  { flag: 'compact-after-updates', env: 'STRUKTUR_LIVE_COMPACT_AFTER_UPDATES', kind: 'int', help: 'compact a room log after this many updates (default 500)', apply: (o, v) => (o.compactAfterUpdates = v as number) },
  { flag: 'compact-after-bytes', env: 'STRUKTUR_LIVE_COMPACT_AFTER_BYTES', kind: 'int', help: 'compact a room log after this many bytes (default 4194304)', apply: (o, v) => (o.compactAfterBytes = v as number) },
  { flag: 'shutdown-grace-ms', env: 'STRUKTUR_LIVE_SHUTDOWN_GRACE_MS', kind: 'int', help: 'on SIGTERM, time allowed to flush and close (default 5000)', apply: (o, v) => (o.shutdownGraceMs = v as number) },
  { flag: 'ping-interval-ms', env: 'STRUKTUR_LIVE_PING_INTERVAL_MS', kind: 'int', help: 'WebSocket ping interval; a silent client is dropped after two (default 30000)', apply: (o, v) => (o.pingIntervalMs = v as number) },
  limit('maxUpdateBytes', 'max-update-bytes', 'largest update message (default 262144)'),
  limit('maxSyncBytes', 'max-sync-bytes', 'largest sync step 2 a client sends on joining (default 8388608)'),
  limit('maxAwarenessBytes', 'max-awareness-bytes', 'largest awareness message (default 16384)'),
  limit('maxDocumentBytes', 'max-document-bytes', 'cap on a room\'s stored size (default 67108864)'),
  limit('messagesPerSecond', 'messages-per-second', 'messages per second per connection, burst twice that (default 100)'),
  limit('awarenessPerSecond', 'awareness-per-second', 'awareness messages per second per connection; more are dropped (default 20)'),
  limit('preAuthMessages', 'pre-auth-messages', 'messages queued before AUTH is verified (default 16)'),
  limit('preAuthBytes', 'pre-auth-bytes', 'bytes queued before AUTH is verified (default 1048576)'),
  limit('authTimeoutMs', 'auth-timeout-ms', 'time allowed for the AUTH message (default 10000)'),
  limit('maxBufferedBytes', 'max-buffered-bytes', 'send buffer per connection before it is dropped (default 16777216)'),
  limit('maxConnectionsPerRoom', 'max-connections-per-room', 'connections per room (default 200)'),
  limit('maxRooms', 'max-rooms', 'rooms loaded in this process (default 1000)'),
  limit('maxConnections', 'max-connections', 'connections to this process (default 5000)'),
];

function parseValue(spec: OptionSpec, raw: string | true, source: string): string | number | boolean | string[] {
  switch (spec.kind) {
    case 'bool':
      if (raw === true || raw === '1' || raw === 'true' || raw === 'yes') return true;
      if (raw === '0' || raw === 'false' || raw === 'no' || raw === '') return false;
      throw new ConfigError(`${source}: expected true or false, got "${raw}"`);
    case 'int': {
      if (raw === true || !/^\d+$/.test(raw)) throw new ConfigError(`${source}: expected a non-negative integer, got "${raw === true ? '' : raw}"`);
      return Number(raw);
    }
    case 'list':
      if (raw === true) throw new ConfigError(`${source}: needs a value`);
      return raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    default:
      if (raw === true || raw === '') throw new ConfigError(`${source}: needs a value`);
      return raw;
  }
}

/** Reads and checks the token secret. */
export function readSecretFile(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new ConfigError(`cannot read the secret file ${file}: ${(err as Error).message}`);
  }
  const trimmed = Buffer.from(bytes.toString('utf8').trim(), 'utf8');
  if (trimmed.length < 32) throw new ConfigError(`the secret in ${file} is shorter than 32 bytes; make one with: head -c 48 /dev/urandom | base64 > ${path.basename(file)}`);
  return new Uint8Array(trimmed);
}

/** Where the secret comes from: --secret-file, STRUKTUR_LIVE_SECRET_FILE, or STRUKTUR_LIVE_SECRET (the value itself). */
export function resolveSecret(secretFile: string | undefined, env: NodeJS.ProcessEnv): Uint8Array {
  if (secretFile) return readSecretFile(secretFile);
  const inline = env.STRUKTUR_LIVE_SECRET;
  if (inline !== undefined) {
    if (Buffer.byteLength(inline.trim()) < 32) throw new ConfigError('STRUKTUR_LIVE_SECRET is shorter than 32 bytes');
    return new Uint8Array(Buffer.from(inline.trim(), 'utf8'));
  }
  throw new ConfigError('no token secret: pass --secret-file F (or set STRUKTUR_LIVE_SECRET_FILE / STRUKTUR_LIVE_SECRET)');
}

/** Options from flags (`--port 1234`, `--port=1234`, `--allow-url-token`) over environment variables. */
export function parseServeOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): LiveOptions {
  const o: PartialOptions = {
    host: '127.0.0.1',
    port: 1234,
    dataDir: 'live-data',
    origins: [],
    allowUrlToken: false,
    logLevel: 'info',
    redisLockTtlMs: 10_000,
    limits: { ...DEFAULT_LIMITS },
    idleUnloadMs: 30_000,
    compactAfterUpdates: 500,
    compactAfterBytes: 4 * 1024 * 1024,
    shutdownGraceMs: 5000,
    pingIntervalMs: 30_000,
  };
  for (const spec of OPTION_SPECS) {
    const v = env[spec.env];
    if (v !== undefined) spec.apply(o, parseValue(spec, v, spec.env));
  }
  const fromFlags: PartialOptions['origins'] = [];
  let originsFromFlags = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const spec = OPTION_SPECS.find((s) => s.flag === name);
    if (!spec) throw new ConfigError(`unknown option --${name} (see struktur live serve --help)`);
    let raw: string | true;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (spec.kind === 'bool') raw = true;
    else {
      if (i + 1 >= argv.length) throw new ConfigError(`--${name} needs a value`);
      raw = argv[++i];
    }
    const value = parseValue(spec, raw, `--${name}`);
    if (spec.kind === 'list') {
      originsFromFlags = true;
      fromFlags.push(...(value as string[]));
    } else spec.apply(o, value);
  }
  if (originsFromFlags) o.origins = fromFlags;
  if (o.port > 65535) throw new ConfigError(`--port ${o.port} is out of range`);
  if ((o.cert === undefined) !== (o.key === undefined)) throw new ConfigError('--cert and --key go together');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(o.logLevel)) throw new ConfigError(`--log-level ${o.logLevel}: expected fatal, error, warn, info, debug, trace or silent`);
  const { secretFile, ...rest } = o;
  return { ...rest, dataDir: path.resolve(o.dataDir), secret: resolveSecret(secretFile, env) };
}

/** The help text of `struktur live serve`, built from OPTION_SPECS. */
export function serveHelp(): string {
  return OPTION_SPECS.map((s) => `  --${s.flag}${s.kind === 'bool' ? '' : ' ' + (s.kind === 'int' ? 'N' : 'VALUE')}`.padEnd(34) + `${s.help}  [${s.env}]`).join('\n');
}
