// The `struktur live` command line, run by the extension: a local `struktur live serve` when no
// server is configured, and `struktur live token` to mint tokens with a secret the host holds.
// The live server needs better-sqlite3 (a native module), so it runs under a Node of its own —
// `struktur.live.serverCommand`, or `node` with the extension's CLI — not in the extension host.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as readline from 'node:readline';
import type { Role } from '../../../live/src/protocol';

export interface CliCommand {
  /** Program and leading arguments, e.g. ['node', '/x/bin/struktur.js']. */
  command: string[];
}

/** The CLI to run: the setting, else `node` with the bin script (a checkout) or the bundled CLI. */
export function resolveCli(setting: string[] | undefined, extensionPath: string): CliCommand {
  if (setting && setting.length) return { command: setting };
  const bin = path.join(extensionPath, 'bin', 'struktur.js');
  return { command: ['node', fs.existsSync(bin) ? bin : path.join(extensionPath, 'dist', 'cli.js')] };
}

/** A secret of 48 random bytes in a file only the user can read (created once, reused). */
export function ensureSecretFile(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'live-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString('base64') + '\n', { mode: 0o600 });
  return file;
}

export function mintToken(cli: CliCommand, o: { secretFile: string; room: string; role: Role; name: string; sub?: string; ttl?: string }): Promise<string> {
  const [prog, ...lead] = cli.command;
  const args = [...lead, 'live', 'token', '--room', o.room, '--role', o.role, '--ttl', o.ttl ?? '8h', '--name', o.name, '--secret-file', o.secretFile];
  if (o.sub) args.push('--sub', o.sub);
  return new Promise((resolve, reject) => {
    execFile(prog, args, { timeout: 30000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`struktur live token failed: ${(stderr || err.message).trim()}`));
      else resolve(stdout.trim());
    });
  });
}

export interface LocalServer {
  url: string;
  port: number;
  host: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `struktur live serve` and resolves once it listens (its JSON log says where). */
export function startLocalServer(cli: CliCommand, o: { host: string; port?: number; dataDir: string; secretFile: string; log: (line: string) => void }): Promise<LocalServer> {
  const [prog, ...lead] = cli.command;
  const args = [...lead, 'live', 'serve', '--host', o.host, '--port', String(o.port ?? 0), '--data', o.dataDir, '--secret-file', o.secretFile];
  const child = spawn(prog, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  const stderr: string[] = [];
  return new Promise((resolve, reject) => {
    let done = false;
    const fail = (why: string) => {
      if (done) return;
      done = true;
      child.kill();
      reject(new Error(`struktur live serve did not start: ${why}${stderr.length ? `\n${stderr.join('\n')}` : ''}`));
    };
    const timer = setTimeout(() => fail('no "listening" line within 20 s'), 20000);
    child.on('error', (err) => fail(err.message));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(`it exited with ${code}`);
    });
    readline.createInterface({ input: child.stderr! }).on('line', (l) => {
      stderr.push(l);
      o.log(l);
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      o.log(line);
      if (done) return;
      let entry: { msg?: string; port?: number; host?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg !== 'live server listening' || typeof entry.port !== 'number') return;
      done = true;
      clearTimeout(timer);
      const host = o.host.includes(':') ? `[${o.host}]` : o.host;
      resolve({
        url: `ws://${host}:${entry.port}`,
        port: entry.port,
        host: o.host,
        process: child,
        stop: () => new Promise<void>((r) => {
          if (child.exitCode !== null || child.signalCode) return r();
          child.once('exit', () => r());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

/** Addresses to offer for binding: loopback, and each non-internal IPv4 address of the machine. */
export function bindChoices(interfaces: NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>): { label: string; host: string }[] {
  const out = [{ label: 'This machine only', host: '127.0.0.1' }];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) out.push({ label: `Local network (${name})`, host: i.address });
  }
  return out;
}
