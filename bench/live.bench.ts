// Benchmark of the live-session server against the stock Yjs server (@y/websocket-server 0.1.1,
// yjs 13) in the same run.
//
//   npx tsx bench/live.bench.ts [--clients 10,50,100] [--inserts 20] [--rate 5]
//
// For each client count, N clients join one room and each makes 20 small inserts at 5 per second
// (staggered). Latency of an insert = time until every other client has applied it. Reported:
// p50, p95, max latency, throughput (deliveries per second), peak server RSS — for ours (durable
// SQLite append, ACKs, auth) and for the stock server (memory only, no auth), with the ratio.
// Both servers run as child processes; the clients run here, so client CPU is the same for both.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, decodeMessage, encodeAuth } from '../live/src/protocol';
import { mintToken } from '../live/src/auth';

const ROOT = process.env.STRUKTUR_ROOT ?? path.resolve(__dirname, '..');
const SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const COUNTS = arg('clients', '10,50,100').split(',').map(Number);
const INSERTS = Number(arg('inserts', '20'));
const RATE = Number(arg('rate', '5'));

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  auth: boolean;
}

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function startOurs(): Promise<Server> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'live-bench-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'struktur.js'), 'live', 'serve', '--port', '0', '--data', data, '--max-connections-per-room', '1000', '--messages-per-second', '1000'], {
    env: { ...process.env, STRUKTUR_LIVE_SECRET: SECRET, STRUKTUR_LIVE_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let port = 0;
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /"port":(\d+)/.exec(out);
    if (m) port = Number(m[1]);
  });
  await waitFor(() => port > 0, 20000, 'our server');
  return { name: 'struktur live', child, port, auth: true };
}

async function startStock(): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', '@y', 'websocket-server', 'src', 'server.js')], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let ready = false;
  child.stdout!.on('data', (d: Buffer) => {
    if (d.toString().includes('running')) ready = true;
  });
  await waitFor(() => ready, 20000, 'stock server');
  return { name: 'stock y-websocket', child, port, auth: false };
}

function rssKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

interface Sent {
  at: number;
  remaining: number;
  done?: number;
}

class BenchClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  synced = false;
  acks = 0;

  constructor(url: string, tokenText: string | undefined, private readonly sent: Map<string, Sent>) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'arraybuffer';
    this.ws.on('open', () => {
      if (tokenText) this.ws.send(encodeAuth({ token: tokenText }));
      else this.step1();
    });
    this.ws.on('message', (data: ArrayBuffer) => this.onMessage(new Uint8Array(data), !!tokenText));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  private step1(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.ws.send(encoding.toUint8Array(e));
  }

  private onMessage(data: Uint8Array, ours: boolean): void {
    const type = data[0];
    if (ours && type >= 100) {
      const m = decodeMessage(data);
      if (m.type === 'AUTH_OK') this.step1();
      else if (m.type === 'ACK') this.acks++;
      return;
    }
    if (type !== MessageType.sync) return;
    const d = decoding.createDecoder(data);
    decoding.readVarUint(d);
    if (this.synced && data[1] === 2) {
      // A broadcast update: note which inserts it delivers without applying it, so the clients
      // (all in this one process) cost little and the figures are the server's.
      decoding.readVarUint(d);
      const { from } = Y.parseUpdateMeta(decoding.readVarUint8Array(d));
      const now = performance.now();
      for (const [client, clock] of from) {
        const x = this.sent.get(`${client}:${clock}`);
        if (x && --x.remaining === 0) x.done = now;
      }
      return;
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    const kind = syncProtocol.readSyncMessage(d, e, this.doc, this);
    if (encoding.length(e) > 1) this.ws.send(encoding.toUint8Array(e));
    if (kind === syncProtocol.messageYjsSyncStep2) this.synced = true;
  }

  insert(n: number, sent: Map<string, Sent>, others: number): void {
    const t = this.doc.getText('file:main.struct');
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    const text = `n${n};`;
    sent.set(`${this.doc.clientID}:${clock}`, { at: performance.now(), remaining: others });
    t.insert(Math.min(t.length, 3), text);
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

interface Result {
  p50: number;
  p95: number;
  max: number;
  throughput: number;
  peakRssMb: number;
  lost: number;
}

async function run(server: Server, n: number): Promise<Result> {
  const room = `bench/r${n}`;
  const sent = new Map<string, Sent>();
  const token = server.auth ? await mintToken(new Uint8Array(Buffer.from(SECRET)), { room, role: 'editor', ttlSeconds: 3600 }) : undefined;
  const clients = Array.from({ length: n }, () => new BenchClient(`ws://127.0.0.1:${server.port}/${room}`, token, sent));
  await waitFor(() => clients.every((c) => c.synced), 30000, 'clients synced');
  const t0 = performance.now();
  const period = 1000 / RATE;
  // Each client inserts every `period` ms, clients staggered evenly over the period.
  await Promise.all(
    clients.map(
      (c, i) =>
        new Promise<void>((resolve) => {
          let k = 0;
          const tick = () => {
            c.insert(k, sent, n - 1);
            if (++k === INSERTS) return resolve();
            setTimeout(tick, t0 + (i / n) * period + k * period - performance.now());
          };
          setTimeout(tick, (i / n) * period);
        }),
    ),
  );
  await waitFor(() => [...sent.values()].every((x) => x.done !== undefined), 30000, 'all delivered').catch(() => undefined);
  const t1 = performance.now();
  const lat = [...sent.values()].filter((x) => x.done !== undefined).map((x) => x.done! - x.at);
  const lost = sent.size - lat.length;
  const peakRssMb = rssKb(server.child.pid!, 'VmHWM') / 1024;
  for (const c of clients) c.ws.close();
  return { p50: pct(lat, 50), p95: pct(lat, 95), max: Math.max(...lat), throughput: (lat.length * (n - 1)) / ((t1 - t0) / 1000), peakRssMb, lost };
}

async function main(): Promise<void> {
  console.log(`live server benchmark: ${COUNTS.join('/')} clients × ${INSERTS} inserts at ${RATE}/s, one room; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
  const rows: string[] = [];
  for (const n of COUNTS) {
    const res: Record<string, Result> = {};
    // A fresh process of each server per size, so peak memory is per size.
    for (const start of [startStock, startOurs]) {
      const s = await start();
      try {
        res[s.name] = await run(s, n);
      } finally {
        s.child.kill('SIGTERM');
        await new Promise((r) => s.child.once('exit', r));
      }
    }
    const ours = res['struktur live'];
    const stock = res['stock y-websocket'];
    for (const [name, r] of Object.entries(res)) {
      rows.push(`${String(n).padStart(4)}  ${name.padEnd(18)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(7)} ms  ${r.throughput.toFixed(0).padStart(7)} deliveries/s  peak RSS ${r.peakRssMb.toFixed(0).padStart(4)} MB${r.lost ? `  LOST ${r.lost}` : ''}`);
    }
    rows.push(`      ratio ours/stock   p50 ${(ours.p50 / stock.p50).toFixed(2)}×  p95 ${(ours.p95 / stock.p95).toFixed(2)}×  max ${(ours.max / stock.max).toFixed(2)}×  throughput ${(ours.throughput / stock.throughput).toFixed(2)}×  memory ${(ours.peakRssMb / stock.peakRssMb).toFixed(2)}×`);
    console.log(rows.slice(-3).join('\n'));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
