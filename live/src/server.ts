// The live server: one HTTP(S) server carrying the WebSocket rooms and /healthz, /readyz,
// /metrics on the same port. Rooms are loaded on first join, unloaded when idle, and flushed
// and closed with 4012 on shutdown.
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from './protocol/close-codes';
import { roomFromUrlPath } from './protocol/room-name';
import type { TokenClaims } from './protocol/payloads';
import type { LiveOptions } from './config';
import { LiveStore } from './persistence';
import { LiveMetrics } from './metrics';
import { createLogger, type Logger } from './logger';
import { Room } from './room';
import { Connection, JoinRefused, type ConnectionHost } from './connection';
import { verifyToken } from './auth';
import { ClusterBus } from './redis';

export interface LiveServerDeps {
  log?: Logger;
  /** Default metrics (process CPU, memory…) are off when several servers share a process (tests). */
  defaultMetrics?: boolean;
  /** Redis lock expiry (tests shorten it). */
  lockTtlMs?: number;
}

export class LiveServer implements ConnectionHost {
  readonly metrics: LiveMetrics;
  readonly log: Logger;
  readonly store: LiveStore;
  readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  readonly connections = new Set<Connection>();
  private readonly http: http.Server;
  private readonly wss: WebSocketServer;
  private readonly cluster: ClusterBus | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private draining = false;
  private listening = false;
  private readonly pidFile: string;

  constructor(
    readonly options: LiveOptions,
    deps: LiveServerDeps = {},
  ) {
    this.log = deps.log ?? createLogger(options.logLevel);
    this.metrics = new LiveMetrics(deps.defaultMetrics ?? true);
    this.store = new LiveStore(options.dataDir);
    const l = options.limits;
    this.wss = new WebSocketServer({
      noServer: true,
      // The largest message type plus framing; anything bigger is cut off by ws with 1009.
      maxPayload: Math.max(l.maxUpdateBytes, l.maxSyncBytes, l.maxAwarenessBytes) + 1024,
      perMessageDeflate: false,
    });
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void this.onRequest(req, res);
    this.http = options.cert && options.key ? https.createServer({ cert: fs.readFileSync(options.cert), key: fs.readFileSync(options.key) }, handler) : http.createServer(handler);
    this.http.on('upgrade', (req, socket, head) => void this.onUpgrade(req, socket, head));
    if (options.redisUrl) this.cluster = new ClusterBus({ url: options.redisUrl, lockTtlMs: deps.lockTtlMs ?? options.redisLockTtlMs }, this.log, this.metrics);
    // Marks the data directory as in use, so `struktur live restore` refuses to run under us.
    this.pidFile = path.join(options.dataDir, 'pids', String(process.pid));
  }

  /** Starts listening; resolves with the bound port. */
  async listen(): Promise<number> {
    if (this.cluster) await this.cluster.connect();
    fs.mkdirSync(path.dirname(this.pidFile), { recursive: true });
    fs.writeFileSync(this.pidFile, String(process.pid));
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => resolve());
    });
    this.listening = true;
    this.heartbeat = setInterval(() => this.ping(), this.options.pingIntervalMs);
    this.heartbeat.unref();
    const port = this.port;
    this.log.info({ host: this.options.host, port, tls: !!this.options.cert, data: this.options.dataDir, redis: !!this.options.redisUrl, allowUrlToken: this.options.allowUrlToken || undefined }, 'live server listening');
    return port;
  }

  get port(): number {
    const a = this.http.address();
    return typeof a === 'object' && a ? a.port : this.options.port;
  }

  get ready(): boolean {
    return this.listening && !this.draining && (!this.cluster || this.cluster.ready);
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
    } else if (url === '/readyz') {
      const ready = this.ready;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ready' : this.draining ? 'draining' : 'not ready', rooms: this.rooms.size, connections: this.connections.size }));
    } else if (url === '/metrics') {
      this.metrics.rooms.set(this.rooms.size);
      this.metrics.connections.set(this.connections.size);
      res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(await this.metrics.registry.metrics());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('struktur live server: connect with a WebSocket to /<room>\n');
    }
  }

  private originAllowed(origin: string | undefined): boolean {
    // Non-browser clients (VS Code, Node) send no Origin; browsers always do, and only listed
    // origins may open a session from a web page.
    if (origin === undefined) return true;
    return this.options.origins.includes('*') || this.options.origins.includes(origin);
  }

  private async onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined);
    if (this.draining || this.connections.size >= this.options.limits.maxConnections) {
      this.metrics.reject(this.draining ? 'connections-full' : 'connections-full');
      if (!this.draining) this.log.warn({ limit: this.options.limits.maxConnections }, 'connection refused: process connection cap');
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\nretry-after: 2\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const rawUrl = req.url ?? '/';
    const room = roomFromUrlPath(rawUrl);
    let refusal: { code: number; reason: 'bad-message' | 'origin' | 'bad-token' | 'expired' | 'wrong-room'; detail: string } | undefined;
    let urlClaims: TokenClaims | undefined;
    if (room === undefined) refusal = { code: CloseCode.badMessage, reason: 'bad-message', detail: 'invalid room name in the URL' };
    else if (!this.originAllowed(req.headers.origin)) refusal = { code: CloseCode.forbidden, reason: 'origin', detail: `origin ${JSON.stringify(req.headers.origin).slice(0, 100)} not allowed` };
    else if (this.options.allowUrlToken) {
      const token = new URL(rawUrl, 'http://x').searchParams.get('token');
      if (token) {
        const check = await verifyToken(token, this.options.secret, room);
        if (check.ok) urlClaims = check.claims;
        else refusal = { code: check.code, reason: check.code === CloseCode.expired ? 'expired' : check.reason === 'token is for another room' ? 'wrong-room' : 'bad-token', detail: check.reason };
      }
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if (refusal) {
        this.metrics.reject(refusal.reason);
        this.log.warn({ room, code: refusal.code, reason: refusal.reason, detail: refusal.detail }, 'connection refused at upgrade');
        ws.close(refusal.code, refusal.detail);
        setTimeout(() => ws.terminate(), 2000).unref();
        return;
      }
      const conn = new Connection(ws, room!, this, urlClaims);
      this.connections.add(conn);
      this.metrics.connections.set(this.connections.size);
    });
  }

  private ping(): void {
    for (const c of this.connections) {
      if (!c.alive) {
        this.log.info({ conn: c.id, room: c.roomName }, 'client missed a ping; dropped');
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      try {
        c.ws.ping();
      } catch {
        c.ws.terminate();
      }
    }
  }

  private async loadRoom(name: string): Promise<Room> {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const pending = this.loading.get(name);
    if (pending) return pending;
    if (this.rooms.size + this.loading.size >= this.options.limits.maxRooms) throw new JoinRefused(CloseCode.full, 'rooms-full', `the process has ${this.options.limits.maxRooms} rooms loaded`);
    const p = (async () => {
      const room = new Room(name, this.store, { maxDocumentBytes: this.options.limits.maxDocumentBytes, compactAfterUpdates: this.options.compactAfterUpdates, compactAfterBytes: this.options.compactAfterBytes }, this.metrics, this.log);
      try {
        room.load();
      } catch (err) {
        this.log.error({ room: name, err: (err as Error).message }, 'loading the room from the store failed');
        room.close();
        throw new JoinRefused(CloseCode.storageUnavailable, 'bad-message', 'the room could not be loaded');
      }
      if (this.cluster) await this.cluster.join(room);
      this.rooms.set(name, room);
      this.metrics.rooms.set(this.rooms.size);
      this.log.info({ room: name, bytes: room.storedBytes, isNew: !room.exists || undefined }, 'room loaded');
      return room;
    })();
    this.loading.set(name, p);
    try {
      return await p;
    } finally {
      this.loading.delete(name);
    }
  }

  async join(conn: Connection): Promise<{ room: Room; seed: boolean }> {
    if (this.draining) throw new JoinRefused(CloseCode.restarting, 'connections-full', 'the server is shutting down');
    const room = await this.loadRoom(conn.roomName);
    if (room.failed) throw new JoinRefused(CloseCode.storageUnavailable, 'bad-message', 'the room store failed');
    if (room.members.size >= this.options.limits.maxConnectionsPerRoom) throw new JoinRefused(CloseCode.full, 'room-full', `the room has ${this.options.limits.maxConnectionsPerRoom} connections`);
    room.addMember(conn);
    let seed = false;
    // Only an editor, only when nothing is stored and the document is empty, only one at a time.
    if (conn.role === 'editor' && !room.exists && room.seedHolder === undefined && room.doc.store.clients.size === 0 && conn.wantsAcks) {
      room.seedHolder = conn;
      seed = room.peer ? await room.peer.claimSeed() : true;
      if (!seed && room.seedHolder === conn) room.seedHolder = undefined;
    }
    return { room, seed };
  }

  leave(conn: Connection): void {
    const room = conn.room;
    if (!room || this.rooms.get(room.name) !== room) return;
    room.removeMember(conn);
    if (room.members.size === 0 && !room.idleTimer && !this.draining) {
      room.idleTimer = setTimeout(() => void this.unload(room), this.options.idleUnloadMs);
      room.idleTimer.unref();
    }
  }

  closed(conn: Connection): void {
    this.connections.delete(conn);
    this.metrics.connections.set(this.connections.size);
  }

  private async unload(room: Room): Promise<void> {
    if (room.members.size > 0 || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    room.close();
    this.metrics.rooms.set(this.rooms.size);
    this.log.info({ room: room.name }, 'idle room unloaded');
    if (this.cluster) await this.cluster.leave(room);
  }

  /** Graceful shutdown: stop accepting, flush, close clients with 4012 (they reconnect). */
  async close(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    this.log.info({ rooms: this.rooms.size, connections: this.connections.size }, 'shutting down');
    clearInterval(this.heartbeat);
    const httpClosed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    for (const room of this.rooms.values()) room.flush();
    const sockets = [...this.connections].map((c) => new Promise<void>((resolve) => {
      if (c.ws.readyState === 3) return resolve();
      c.ws.once('close', () => resolve());
    }));
    for (const c of [...this.connections]) c.close(CloseCode.restarting, 'server restarting');
    for (const ws of this.wss.clients) if (ws.readyState === 1) ws.close(CloseCode.restarting, 'server restarting');
    await Promise.race([Promise.all(sockets), new Promise((r) => setTimeout(r, this.options.shutdownGraceMs).unref())]);
    for (const ws of this.wss.clients) ws.terminate();
    for (const room of [...this.rooms.values()]) {
      room.close();
      if (this.cluster) await this.cluster.leave(room);
    }
    this.rooms.clear();
    if (this.cluster) await this.cluster.close();
    this.http.closeAllConnections?.();
    await httpClosed;
    this.store.close();
    fs.rmSync(this.pidFile, { force: true });
    this.log.info('shut down');
  }
}
