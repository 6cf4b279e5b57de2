// Servers for the tests: in-process (fast, inspectable) and as a child process running the real
// CLI (`node bin/struktur.js live serve`, for kill -9, SIGTERM and Redis across processes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import pino from 'pino';
import { LiveServer } from '../../../live/src/server';
import { parseServeOptions, type LiveOptions } from '../../../live/src/config';
import { mintToken } from '../../../live/src/auth';
import type { Role } from '../../../live/src/protocol';
import { waitUntil } from './wait';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SECRET_TEXT = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const SECRET = new Uint8Array(Buffer.from(SECRET_TEXT));

export function tempDir(prefix = 'struktur-live-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function token(room: string, role: Role = 'editor', opts: { ttlSeconds?: number; name?: string; sub?: string; now?: number; secret?: Uint8Array } = {}): Promise<string> {
  return mintToken(opts.secret ?? SECRET, { room, role, ttlSeconds: opts.ttlSeconds ?? 3600, name: opts.name ?? `${role} user`, sub: opts.sub ?? `${role}-user`, now: opts.now });
}

/** Log lines captured from a server, parsed. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    for (const l of chunk.toString().split('\n')) if (l.trim()) this.lines.push(JSON.parse(l));
    cb();
  }
  has(pred: (l: Record<string, unknown>) => boolean): boolean {
    return this.lines.some(pred);
  }
  get text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }
}

export interface InProcess {
  server: LiveServer;
  url: string;
  http: string;
  logs: LogCapture;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(argv: string[] = [], dataDir = tempDir(), lockTtlMs?: number): Promise<InProcess> {
  const options: LiveOptions = parseServeOptions(['--port', '0', '--data', dataDir, '--log-level', 'debug', ...argv], { STRUKTUR_LIVE_SECRET: SECRET_TEXT });
  const logs = new LogCapture();
  const server = new LiveServer(options, { log: pino({ level: 'debug' }, logs), defaultMetrics: false, lockTtlMs });
  const port = await server.listen();
  return { server, url: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}`, logs, dataDir, close: () => server.close() };
}

/** A server as a child process: the built CLI. */
// Every child process the tests start, until it exits. A failed assertion can skip a test's own
// cleanup, and a live child would keep mocha from exiting: the root-level hook below kills what is left.
const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
if (typeof after === 'function') {
  after(() => {
    for (const c of children) c.kill('SIGKILL');
  });
}

export class ServerProcess {
  child!: ChildProcess;
  port = 0;
  stdout = '';
  exitCode: number | null | undefined;
  private exited!: Promise<number | null>;

  constructor(
    readonly dataDir: string,
    readonly extraArgs: string[] = [],
  ) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    const cli = path.join(ROOT, 'bin', 'struktur.js');
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
    this.stdout = '';
    this.exitCode = undefined;
    this.port = 0;
    this.child = track(spawn(process.execPath, [cli, 'live', 'serve', '--port', String(port), '--data', this.dataDir, ...this.extraArgs], {
      env: { ...process.env, STRUKTUR_LIVE_SECRET: SECRET_TEXT, STRUKTUR_LIVE_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }));
    this.child.stdout!.on('data', (d: Buffer) => {
      this.stdout += d.toString();
      const m = /"port":(\d+)[^\n]*"msg":"live server listening"/.exec(this.stdout);
      if (m) this.port = Number(m[1]);
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => {
      this.exitCode = code;
      resolve(code);
    }));
    await waitUntil(() => this.port > 0 || this.exitCode !== undefined, 15000, 'server start');
    if (this.exitCode !== undefined) throw new Error(`server exited with ${this.exitCode}: ${this.stdout}`);
    return this;
  }

  kill9(): Promise<number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  async terminate(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** A throwaway redis-server on a random loopback port with a temp dir, no persistence. */
export class RedisProcess {
  child!: ChildProcess;
  port = 0;
  private exited!: Promise<void>;

  constructor(readonly dir = tempDir('struktur-redis-')) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.port = port || (await freePort());
    let out = '';
    let ready = false;
    let dead = false;
    this.child = track(spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] }));
    this.child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) ready = true;
    });
    this.exited = new Promise((resolve) => this.child.on('exit', () => {
      dead = true;
      resolve();
    }));
    await waitUntil(() => ready || dead, 10000, 'redis start');
    if (dead) throw new Error(`redis-server failed: ${out}`);
    return this;
  }

  async stop(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as { port: number };
      s.close(() => resolve(a.port));
    });
    s.on('error', reject);
  });
}
