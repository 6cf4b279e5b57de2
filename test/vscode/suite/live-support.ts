// What the workbench suites need to run a live session against a real server: a Node that can
// load better-sqlite3, a `struktur live serve` process (started, killed, restarted on its port),
// tokens minted with the CLI, and the extension's live settings pointed at that server.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as readline from 'node:readline';
import * as vscode from 'vscode';

/** The checkout: the suite bundle lives in <repo>/.cache/vscode-tests. */
export const REPO = path.resolve(__dirname, '..', '..');
export const BIN = path.join(REPO, 'bin', 'struktur.js');

/** A Node on PATH that can load the checkout's better-sqlite3 (the extension host's may not). */
export function findNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const node = path.join(dir, 'node');
    if (!fs.existsSync(node)) continue;
    const r = spawnSync(node, ['-e', `require(${JSON.stringify(path.join(REPO, 'node_modules', 'better-sqlite3'))})`], { encoding: 'utf8' });
    if (r.status === 0) return node;
  }
  throw new Error('no node on PATH can load better-sqlite3');
}

/** A `struktur live serve` process on loopback with a store and a secret of its own. */
export class LiveServerProcess {
  child: ChildProcess | undefined;
  port = 0;
  constructor(readonly node: string, readonly dataDir: string, readonly secretFile: string) {}

  /** A server in a fresh temporary folder. */
  static create(node: string, prefix: string): LiveServerProcess {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const secret = path.join(tmp, 'secret');
    fs.writeFileSync(secret, crypto.randomBytes(48).toString('base64'), { mode: 0o600 });
    return new LiveServerProcess(node, path.join(tmp, 'data'), secret);
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Starts it (on `port`, 0 for any) and resolves with the port once it listens. */
  start(port = 0): Promise<number> {
    const child = spawn(this.node, [BIN, 'live', 'serve', '--host', '127.0.0.1', '--port', String(port), '--data', this.dataDir, '--secret-file', this.secretFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const err: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (l) => err.push(l));
    return new Promise((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`live serve exited with ${code}: ${err.join('\n')}`)));
      readline.createInterface({ input: child.stdout! }).on('line', (l) => {
        try {
          const e = JSON.parse(l);
          if (e.msg === 'live server listening') resolve((this.port = e.port));
        } catch {
          /* not JSON */
        }
      });
    });
  }

  kill9(): Promise<void> {
    const c = this.child!;
    return new Promise((r) => {
      c.once('exit', () => r());
      c.kill('SIGKILL');
    });
  }

  /** Stops it (SIGTERM) and waits for the exit. */
  stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode) return Promise.resolve();
    return new Promise((r) => {
      c.once('exit', () => r());
      c.kill('SIGTERM');
    });
  }

  mint(room: string, role: 'editor' | 'viewer', name: string): string {
    const r = spawnSync(this.node, [BIN, 'live', 'token', '--room', room, '--role', role, '--ttl', '1h', '--name', name, '--secret-file', this.secretFile], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  }
}

const SETTINGS = ['serverUrl', 'secretFile', 'serverCommand', 'userName'] as const;

/** Points the extension's live settings at `server`, the host named `userName`. */
export async function useLiveServer(server: LiveServerProcess, userName: string): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('struktur.live');
  await cfg.update('serverUrl', server.url, vscode.ConfigurationTarget.Global);
  await cfg.update('secretFile', server.secretFile, vscode.ConfigurationTarget.Global);
  await cfg.update('serverCommand', [server.node, BIN], vscode.ConfigurationTarget.Global);
  await cfg.update('userName', userName, vscode.ConfigurationTarget.Global);
}

export async function resetLiveSettings(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('struktur.live');
  for (const k of SETTINGS) await cfg.update(k, undefined, vscode.ConfigurationTarget.Global);
}
