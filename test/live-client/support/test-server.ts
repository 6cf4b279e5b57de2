// An in-process live server for the client tests, made from y-protocols and the shared protocol
// module: AUTH first (the "token" is JSON naming room, role and name — no signature, this is not
// the real server), AUTH_OK with the seed right for the first editor of an empty room, sync,
// awareness with the identity of the token, and an ACK after each update it "stores". It can
// drop every connection or close them with a code, as a restarting server would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, MessageType, decodeMessage, encodeAck, encodeAuthOk, roomFromUrlPath, type Role } from '../../../live/src/protocol';

export interface TestToken {
  room: string;
  role: Role;
  name: string;
}

export const testToken = (t: TestToken): string => JSON.stringify(t);

interface Conn {
  ws: WebSocket;
  room: Room;
  role: Role;
  user: { id: string; name: string; color: string };
  clients: Set<number>;
  updates: number;
}

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  conns: Set<Conn>;
  seeded: boolean;
}

export class TestServer {
  readonly rooms = new Map<string, Room>();
  private readonly http = http.createServer();
  private readonly wss = new WebSocketServer({ noServer: true });
  url = '';
  /** Hold ACKs back (a server whose disk is slow). */
  holdAcks = false;
  private held: (() => void)[] = [];

  async start(): Promise<this> {
    this.http.on('upgrade', (req, socket, head) => {
      const room = roomFromUrlPath(req.url ?? '');
      if (!room) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, room));
    });
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r));
    this.url = `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this;
  }

  room(name: string): Room {
    let r = this.rooms.get(name);
    if (!r) {
      const doc = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState(null);
      r = { doc, awareness, conns: new Set(), seeded: false };
      const room = r;
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.writeUpdate(e, update);
        const msg = encoding.toUint8Array(e);
        for (const c of room.conns) if (c !== origin) send(c.ws, msg);
      });
      awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]));
        const msg = encoding.toUint8Array(e);
        for (const c of room.conns) send(c.ws, msg);
      });
      this.rooms.set(name, r);
    }
    return r;
  }

  text(room: string, path: string): string {
    return this.room(room).doc.getText('file:' + path).toString();
  }

  /** Every connection closed with `code` (4012: a restart), as the real server does on SIGTERM. */
  closeAll(code: number = CloseCode.restarting): void {
    for (const r of this.rooms.values()) for (const c of r.conns) c.ws.close(code, 'test');
  }

  /** Every connection cut without a close frame (a crash, a cable pulled). */
  dropAll(): void {
    for (const r of this.rooms.values()) for (const c of r.conns) c.ws.terminate();
  }

  releaseAcks(): void {
    this.holdAcks = false;
    for (const f of this.held.splice(0)) f();
  }

  async stop(): Promise<void> {
    this.dropAll();
    for (const r of this.rooms.values()) r.awareness.destroy();
    this.wss.close();
    await new Promise<void>((r) => this.http.close(() => r()));
  }

  private accept(ws: WebSocket, roomName: string): void {
    let conn: Conn | undefined;
    ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      let msg;
      try {
        msg = decodeMessage(bytes);
      } catch {
        return ws.close(CloseCode.badMessage, 'bad message');
      }
      if (!conn) {
        if (msg.type !== 'AUTH') return ws.close(CloseCode.authRequired, 'auth first');
        let t: TestToken;
        try {
          t = JSON.parse(msg.payload.token);
        } catch {
          return ws.close(CloseCode.forbidden, 'bad token');
        }
        if (t.room !== roomName) return ws.close(CloseCode.forbidden, 'wrong room');
        const room = this.room(roomName);
        const seed = t.role === 'editor' && !room.seeded && room.doc.share.size === 0;
        if (seed) room.seeded = true;
        conn = { ws, room, role: t.role, user: { id: t.name.toLowerCase(), name: t.name, color: '#3366cc' }, clients: new Set(), updates: 0 };
        room.conns.add(conn);
        send(ws, encodeAuthOk({ room: roomName, role: t.role, user: conn.user, expiresAt: Date.now() + 3600e3, seed }));
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.writeSyncStep1(e, room.doc);
        send(ws, encoding.toUint8Array(e));
        const states = [...room.awareness.getStates().keys()];
        if (states.length) {
          const a = encoding.createEncoder();
          encoding.writeVarUint(a, MessageType.awareness);
          encoding.writeVarUint8Array(a, awarenessProtocol.encodeAwarenessUpdate(room.awareness, states));
          send(ws, encoding.toUint8Array(a));
        }
        return;
      }
      const c = conn;
      if (msg.type === 'sync') {
        const d = decoding.createDecoder(msg.body);
        const kind = decoding.peekVarUint(d);
        if (kind !== syncProtocol.messageYjsSyncStep1) {
          c.updates++;
          if (c.role === 'viewer') return;
        }
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.readSyncMessage(d, e, c.room.doc, c);
        if (encoding.length(e) > 1) send(ws, encoding.toUint8Array(e));
        if (kind !== syncProtocol.messageYjsSyncStep1) {
          const n = c.updates;
          const ack = () => send(ws, encodeAck(Y.encodeStateVector(c.room.doc), n));
          if (this.holdAcks) this.held.push(ack);
          else ack();
        }
      } else if (msg.type === 'awareness') {
        const update = decoding.readVarUint8Array(decoding.createDecoder(msg.body));
        // The identity comes from the token, whatever the client wrote.
        const rewritten = awarenessProtocol.modifyAwarenessUpdate(update, (s: Record<string, unknown> | null) => (s ? { ...s, user: c.user, role: c.role } : s));
        const d = decoding.createDecoder(update);
        const n = decoding.readVarUint(d);
        for (let i = 0; i < n; i++) {
          c.clients.add(decoding.readVarUint(d));
          decoding.readVarUint(d);
          decoding.readVarString(d);
        }
        awarenessProtocol.applyAwarenessUpdate(c.room.awareness, rewritten, c);
      }
    });
    ws.on('close', () => {
      if (!conn) return;
      conn.room.conns.delete(conn);
      awarenessProtocol.removeAwarenessStates(conn.room.awareness, [...conn.clients], null);
    });
  }
}

function send(ws: WebSocket, data: Uint8Array): void {
  if (ws.readyState === ws.OPEN) ws.send(data);
}
