// The first window's side: asks the harness for a second workbench window (another browser
// context), waits for its agent to connect back over a loopback WebSocket, and sends it requests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { until } from '../suite/helpers';
import { AGENT_URL_ENV, type AgentMessage, type AgentRequest, type AgentState } from './protocol';

/** Writes a request for the harness so that it never sees a half-written file. */
export function harnessRequest(name: string, body: unknown): string {
  const dir = process.env.STRUKTUR_VSCODE_ARTIFACTS;
  assert.ok(dir, 'STRUKTUR_VSCODE_ARTIFACTS is not set');
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(body));
  fs.renameSync(`${file}.tmp`, `${file}.request`);
  return file;
}

export class SecondWindow {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(readonly name: string, private readonly server: WebSocketServer, private readonly socket: WebSocket, readonly folder: string) {
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as AgentMessage;
      if (m.kind !== 'answer') return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m.value);
      else w?.reject(new Error(`${this.name}: ${m.error}`));
    });
    socket.on('close', () => {
      for (const w of this.waiting.values()) w.reject(new Error(`${this.name} closed its connection`));
      this.waiting.clear();
    });
  }

  /** Opens the window and waits for its agent (the workbench and its extension host start cold: up to three minutes on a loaded machine). */
  static async open(name: string): Promise<SecondWindow> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    const { port } = server.address() as AddressInfo;
    const connected = new Promise<{ socket: WebSocket; folder: string }>((resolve) => {
      server.once('connection', (socket) => socket.once('message', (data) => {
        const m = JSON.parse(String(data)) as AgentMessage;
        if (m.kind === 'hello') resolve({ socket, folder: m.folder });
      }));
    });
    const file = harnessRequest(`${name}.window`, { env: { STRUKTUR_VSCODE_SUITE: 'agent', [AGENT_URL_ENV]: `ws://127.0.0.1:${port}` } });
    const answer = await until(`the harness opening ${name}`, () => (fs.existsSync(`${file}.json`) ? JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) : undefined), { timeoutMs: 60000 });
    assert.ok(answer.opened, `the harness did not open ${name}: ${answer.error}`);
    let timer: NodeJS.Timeout | undefined;
    const agent = await Promise.race([
      connected,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the agent of ${name} did not connect within 180 s`)), 180000))),
    ]).finally(() => clearTimeout(timer));
    return new SecondWindow(name, server, agent.socket, agent.folder);
  }

  ask<T = unknown>(request: AgentRequest, timeoutMs = 60000): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name} did not answer ${request.op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.socket.send(JSON.stringify({ id, request }));
    });
  }

  state(uri?: string): Promise<AgentState> {
    return this.ask<AgentState>({ op: 'state', uri });
  }

  /** Asks the harness for a picture of this window. */
  async screenshot(file: string): Promise<{ statusBar: string[]; error?: string }> {
    const dir = process.env.STRUKTUR_VSCODE_ARTIFACTS ?? '';
    fs.rmSync(path.join(dir, `${file}.json`), { force: true });
    const f = harnessRequest(file, { window: this.name });
    return until(`the screenshot ${file}`, () => (fs.existsSync(`${f}.json`) ? JSON.parse(fs.readFileSync(`${f}.json`, 'utf8')) : undefined), { timeoutMs: 30000 });
  }

  async close(): Promise<void> {
    try {
      if (this.socket.readyState === this.socket.OPEN) await this.ask({ op: 'exit' }, 10000);
    } catch {
      // the agent is gone already
    }
    this.socket.terminate();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
