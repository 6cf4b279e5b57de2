// The live-session client: one WebSocket to one room (docs/live-protocol.md). It authenticates
// with the first message, syncs the Y.Doc by state vector, carries awareness, counts the local
// edits the server has not yet stored, refreshes its token before it expires, and reconnects with
// jittered backoff — resyncing by state vector, so nothing typed offline is lost or doubled.
// Used by the VS Code extension and, unchanged, by tests and scripted participants.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import WebSocket from 'ws';
import {
  CloseCode, MessageType, ProtocolError, closeCodeName, decodeMessage, decodeStateVector, encodeAuth, encodeRefresh, roomUrl, shouldReconnect,
  type AuthOkPayload, type LiveUser, type NoticePayload, type Role,
} from '../protocol';
import { AckTracker } from './ack-tracker';
import { Backoff, type BackoffOptions } from './backoff';
import { Emitter } from './emitter';
import { PresenceThrottle, type Participant, type Presence } from './presence';

export type ConnectionState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; at: number; attempt: number; lastClose?: { code: number; reason: string } }
  | { kind: 'offline'; reason: string; code?: number }
  | { kind: 'closed' };

export interface LiveClientOptions {
  /** ws:// or wss:// URL of the server (the room is appended as the path). */
  serverUrl: string;
  room: string;
  token: string;
  /** Mints a fresh token (the host can; a guest usually cannot). Called before expiry and after 4004. */
  refreshToken?: () => Promise<string>;
  /** Refresh this long before the token expires. */
  refreshMarginMs?: number;
  doc?: Y.Doc;
  backoff?: BackoffOptions;
  /** Presence updates per second at most (default 10). */
  presenceRate?: number;
  /** The Origin header to send (servers with an allow-list check it). */
  origin?: string;
  /** Give up a connection attempt that has not authenticated and synced after this long. */
  connectTimeoutMs?: number;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
}

export interface LiveClientEvents extends Record<string, unknown> {
  state: ConnectionState;
  /** AUTH_OK of each connection. */
  auth: AuthOkPayload;
  /** The first sync with the server of each connection is complete. */
  synced: { seed: boolean };
  /** Local edits not yet durably stored. */
  unconfirmed: number;
  notice: NoticePayload;
  participants: Participant[];
}

export class LiveClient extends Emitter<LiveClientEvents> {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly acks = new AckTracker();
  private readonly presence: PresenceThrottle;
  private readonly backoff: Backoff;
  private ws: WebSocket | undefined;
  private token: string;
  private conn = 0;
  /** Update-carrying sync messages sent on this connection (the server's ACK counts them). */
  private sentUpdates = 0;
  private authenticated = false;
  private synced = false;
  private closedByUser = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private current: ConnectionState = { kind: 'connecting', attempt: 0 };
  private auth: AuthOkPayload | undefined;
  /** The stored state vector of the last ACK. */
  stored = new Map<number, number>();

  constructor(private readonly options: LiveClientOptions) {
    super();
    this.doc = options.doc ?? new Y.Doc();
    this.token = options.token;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState({});
    this.presence = new PresenceThrottle(this.awareness, 1000 / (options.presenceRate ?? 10));
    this.backoff = new Backoff(options.backoff);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.awareness.on('change', this.onAwarenessChange);
    this.acks.onChange((n) => this.emit('unconfirmed', n));
  }

  get state(): ConnectionState {
    return this.current;
  }

  get role(): Role | undefined {
    return this.auth?.role;
  }

  get user(): LiveUser | undefined {
    return this.auth?.user;
  }

  get expiresAt(): number | undefined {
    return this.auth?.expiresAt;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  /** Local edits not yet acknowledged as durably stored. */
  get unconfirmed(): number {
    return this.acks.count;
  }

  /** Opens the connection; resolves after the first sync, rejects if the server refuses us for good. */
  connect(): Promise<{ seed: boolean }> {
    this.closedByUser = false;
    const done = new Promise<{ seed: boolean }>((resolve, reject) => {
      const offSynced = this.on('synced', (s) => {
        offSynced();
        offState();
        resolve(s);
      });
      const offState = this.on('state', (s) => {
        if (s.kind !== 'offline' && s.kind !== 'closed') return;
        offSynced();
        offState();
        reject(new Error(s.kind === 'offline' ? s.reason : 'closed'));
      });
    });
    this.open();
    return done;
  }

  /** Changes our presence (merged; written at most `presenceRate` times a second). */
  setPresence(change: Partial<Presence>): void {
    this.presence.set(change);
  }

  /** Everyone in the room as awareness knows them, us included. */
  participants(): Participant[] {
    const out: Participant[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (!state || Object.keys(state).length === 0) continue;
      const p = state as Presence & { user?: { role?: Role } };
      // The server writes the role of the token into `user`; what a client claims comes second.
      out.push({ ...p, role: p.user?.role ?? p.role, clientId, self: clientId === this.awareness.clientID });
    }
    return out.sort((a, b) => (a.self === b.self ? (a.user?.name ?? '').localeCompare(b.user?.name ?? '') : a.self ? -1 : 1));
  }

  /** Resolves when every local edit so far is acknowledged as stored. */
  whenConfirmed(): Promise<void> {
    if (this.acks.count === 0) return Promise.resolve();
    return this.once('unconfirmed', (n) => n === 0).then(() => undefined);
  }

  /** Resolves when the connection is synced (now or after a reconnection). */
  whenConnected(): Promise<void> {
    if (this.current.kind === 'connected') return Promise.resolve();
    return this.once('state', (s) => s.kind === 'connected').then(() => undefined);
  }

  /** Closes for good (no reconnection). Remote awareness states are dropped. */
  disconnect(): void {
    this.closedByUser = true;
    this.clearTimers();
    this.presence.flush();
    if (this.ws) {
      // Tell the others we left before closing.
      if (this.authenticated) awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'disconnect');
      this.ws.close(CloseCode.normal, 'left');
    }
    this.dropSocket();
    this.setState({ kind: 'closed' });
  }

  /** Closes and releases everything; the doc stays (it belongs to the caller). */
  destroy(): void {
    this.disconnect();
    this.presence.dispose();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.off('change', this.onAwarenessChange);
    this.awareness.destroy();
    this.removeAllListeners();
  }

  /** Drops the socket as a network failure would (tests and "reconnect now"). */
  dropConnection(): void {
    this.ws?.terminate();
  }

  /** Skips the wait of a scheduled reconnection. */
  reconnectNow(): void {
    if (this.current.kind !== 'reconnecting' && this.current.kind !== 'offline') return;
    this.clearTimers();
    this.open();
  }

  /** Replaces the token: sent as REFRESH on a live connection, used by the next connection. */
  async refresh(token?: string): Promise<void> {
    const next = token ?? (await this.options.refreshToken?.());
    if (!next) return;
    this.token = next;
    if (this.authenticated) this.send(encodeRefresh({ token: next }));
  }

  private open(): void {
    this.dropSocket();
    this.conn++;
    this.sentUpdates = 0;
    this.authenticated = false;
    this.synced = false;
    this.setState({ kind: 'connecting', attempt: this.backoff.attempts });
    const url = roomUrl(this.options.serverUrl, this.options.room);
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, { headers: this.options.origin ? { Origin: this.options.origin } : undefined, perMessageDeflate: false });
    } catch (err) {
      this.setState({ kind: 'offline', reason: `bad server URL ${url}: ${(err as Error).message}` });
      return;
    }
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    const conn = this.conn;
    this.connectTimer = setTimeout(() => {
      if (this.conn === conn && !this.synced) {
        this.log('warn', `no sync within ${this.options.connectTimeoutMs ?? 15000} ms; retrying`);
        ws.terminate();
      }
    }, this.options.connectTimeoutMs ?? 15000);
    ws.on('open', () => this.send(encodeAuth({ token: this.token })));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.ws !== ws) return;
      if (!isBinary) return;
      this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('error', (err) => this.log('debug', `socket error: ${err.message}`));
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.ws !== ws) return;
      this.onClose(code, reason.toString('utf8'));
    });
  }

  private onMessage(data: Uint8Array): void {
    let msg;
    try {
      msg = decodeMessage(data);
    } catch (err) {
      this.log('warn', `undecodable message from the server: ${(err as ProtocolError).message}`);
      return;
    }
    switch (msg.type) {
      case 'AUTH_OK':
        return this.onAuthOk(msg.payload);
      case 'NOTICE':
        if (msg.payload.code === 'expiring') void this.refresh().catch((e) => this.log('warn', `token refresh failed: ${e?.message ?? e}`));
        if (msg.payload.code === 'refreshed' && msg.payload.expiresAt && this.auth) {
          this.auth = { ...this.auth, expiresAt: msg.payload.expiresAt };
          this.scheduleRefresh();
        }
        this.emit('notice', msg.payload);
        return;
      case 'ACK':
        this.stored = decodeStateVector(msg.stateVector);
        this.acks.ack(this.conn, this.stored, msg.storedCount);
        return;
      case 'auth': {
        // y-protocols/auth: permission denied.
        const d = decoding.createDecoder(msg.body);
        const reason = decoding.hasContent(d) && decoding.readVarUint(d) === 0 && decoding.hasContent(d) ? decoding.readVarString(d) : 'permission denied';
        this.log('warn', `permission denied: ${reason}`);
        return;
      }
      default:
        break;
    }
    if (!this.authenticated) return; // nothing but AUTH_OK and notices before authentication
    if (msg.type === 'sync') {
      const decoder = decoding.createDecoder(msg.body);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (kind === syncProtocol.messageYjsSyncStep1) {
        // Our step 2 answers with everything the server lacks: the offline edits among them.
        this.sentUpdates++;
        this.acks.resentAll(this.conn, this.sentUpdates);
        this.send(encoding.toUint8Array(encoder));
      } else if (kind === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        clearTimeout(this.connectTimer);
        this.backoff.reset();
        this.setState({ kind: 'connected' });
        this.emit('synced', { seed: this.auth?.seed === true });
      }
    } else if (msg.type === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoding.createDecoder(msg.body)), this);
    } else if (msg.type === 'queryAwareness') {
      this.sendAwareness([...this.awareness.getStates().keys()]);
    }
  }

  private onAuthOk(auth: AuthOkPayload): void {
    this.auth = auth;
    this.authenticated = true;
    // Our own entry shows the identity the server gives us (it overwrites `user` for the others).
    this.awareness.setLocalState({ ...(this.awareness.getLocalState() ?? {}), user: auth.user, role: auth.role });
    this.emit('auth', auth);
    this.scheduleRefresh();
    // Our state vector: the server answers with what we miss (and its own step 1).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    this.sendAwareness([this.doc.clientID]);
  }

  private onClose(code: number, reason: string): void {
    const wasAuthenticated = this.authenticated;
    this.dropSocket();
    // The others' presence is unknown while we are away.
    const others = [...this.awareness.getStates().keys()].filter((c) => c !== this.doc.clientID);
    if (others.length) awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    if (this.closedByUser) return;
    const why = `${closeCodeName(code)}${reason ? `: ${reason}` : ''}`;
    if (code === CloseCode.expired && this.options.refreshToken) {
      this.log('info', 'token expired; fetching a new one');
      void this.options.refreshToken().then(
        (t) => {
          this.token = t;
          this.scheduleReconnect(code, reason);
        },
        (err) => this.setState({ kind: 'offline', reason: `token expired and could not be renewed: ${err?.message ?? err}`, code }),
      );
      return;
    }
    if (!shouldReconnect(code)) {
      this.log('warn', `closed by the server (${code} ${why}); not reconnecting`);
      this.setState({ kind: 'offline', reason: describeClose(code, reason), code });
      return;
    }
    this.log(wasAuthenticated ? 'info' : 'debug', `connection closed (${code} ${why}); reconnecting`);
    if (code === CloseCode.restarting) this.backoff.reset();
    this.scheduleReconnect(code, reason);
  }

  private scheduleReconnect(code: number, reason: string): void {
    const delay = this.backoff.next();
    this.setState({ kind: 'reconnecting', at: Date.now() + delay, attempt: this.backoff.attempts, lastClose: { code, reason } });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    if (!this.auth || !this.options.refreshToken) return;
    const margin = this.options.refreshMarginMs ?? 5 * 60 * 1000;
    const wait = Math.max(0, Math.min(this.auth.expiresAt - Date.now() - margin, 2 ** 31 - 1));
    this.refreshTimer = setTimeout(() => {
      void this.refresh().catch((e) => this.log('warn', `token refresh failed: ${e?.message ?? e}`));
    }, wait);
    (this.refreshTimer as { unref?: () => void }).unref?.();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return; // from the server
    if (this.auth?.role === 'viewer') return; // refused by the server anyway; the binding keeps the text
    if (this.authenticated && this.ws?.readyState === WebSocket.OPEN) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.sentUpdates++;
      this.acks.record(update, this.conn, this.sentUpdates);
      this.send(encoding.toUint8Array(encoder));
    } else {
      // Goes with the sync step 2 of the next connection.
      this.acks.record(update);
    }
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === this) return;
    this.sendAwareness([...added, ...updated, ...removed]);
  };

  private readonly onAwarenessChange = (): void => {
    this.emit('participants', this.participants());
  };

  private sendAwareness(clients: number[]): void {
    if (!this.authenticated || clients.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.send(encoding.toUint8Array(encoder));
  }

  private send(data: Uint8Array): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(data, (err) => err && this.log('debug', `send failed: ${err.message}`));
  }

  private dropSocket(): void {
    clearTimeout(this.connectTimer);
    const ws = this.ws;
    this.ws = undefined;
    this.authenticated = false;
    this.synced = false;
    if (ws) {
      ws.removeAllListeners('message');
      ws.removeAllListeners('close');
      ws.on('error', () => undefined);
      if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.terminate();
    }
  }

  private clearTimers(): void {
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.connectTimer);
  }

  private setState(s: ConnectionState): void {
    this.current = s;
    this.emit('state', s);
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void {
    this.options.log?.(level, message);
  }
}

/** A sentence for the user about a close the client will not retry. */
export function describeClose(code: number, reason: string): string {
  const tail = reason ? ` (${reason})` : '';
  switch (code) {
    case CloseCode.authRequired:
      return `the server wants a token first${tail}`;
    case CloseCode.forbidden:
      return `the server refused the invitation: wrong room, bad signature or origin${tail}`;
    case CloseCode.expired:
      return `the invitation expired; ask the host for a new one${tail}`;
    case CloseCode.tooLarge:
      return `an edit was larger than the server accepts${tail}`;
    case CloseCode.badMessage:
      return `the server could not read a message${tail}`;
    default:
      return `${closeCodeName(code)}${tail}`;
  }
}
