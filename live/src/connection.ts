// One client connection: authentication first (nothing else is processed before it), then the
// message loop with per-message limits, role checks and presence identity. Every refusal closes
// with a documented code (protocol/close-codes.ts), counts a metric and writes one log line.
import type { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import { MessageType } from './protocol/message-types';
import { CloseCode, closeCodeName } from './protocol/close-codes';
import { ProtocolError, decodeMessage, encodeAuthOk, encodeNotice, messageTypeOf } from './protocol/messages';
import type { LiveUser, Role, TokenClaims } from './protocol/payloads';
import { verifyToken, colorFor } from './auth';
import { TokenBucket } from './limits';
import { readSyncMessage, syncStep1Message, syncStep2Message, decodeUpdateChecked, wouldChange } from './sync';
import { applyIdentity, decodeAwarenessUpdate, fullAwarenessMessage, readAwarenessBody } from './awareness';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Room, RoomMember } from './room';
import type { LiveOptions } from './config';
import type { LiveMetrics, RejectReason } from './metrics';
import type { Logger } from './logger';

/** What a connection needs from the server. */
export interface ConnectionHost {
  readonly options: LiveOptions;
  readonly metrics: LiveMetrics;
  readonly log: Logger;
  /** Loads (or finds) the room and adds the connection; throws JoinRefused. */
  join(conn: Connection): Promise<{ room: Room; seed: boolean }>;
  leave(conn: Connection): void;
  closed(conn: Connection): void;
}

export class JoinRefused extends Error {
  constructor(
    readonly code: number,
    readonly reason: RejectReason,
    message: string,
  ) {
    super(message);
  }
}

type State = 'awaiting-auth' | 'authenticating' | 'open' | 'closed';

let nextId = 1;

/** Largest delay setTimeout accepts (~24.8 days); longer expiries are re-armed. */
const MAX_TIMER = 2 ** 31 - 1;

export class Connection implements RoomMember {
  readonly id = `c${nextId++}`;
  role: Role = 'viewer';
  user: LiveUser | undefined;
  claims: TokenClaims | undefined;
  room: Room | undefined;
  updateCount = 0;
  ackedCount = 0;
  readonly pendingAcks: { count: number; seq: number }[] = [];
  readonly awarenessIds = new Set<number>();
  wantsAcks = true;
  alive = true;
  private state: State = 'awaiting-auth';
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private readonly messages: TokenBucket;
  private readonly awarenessRate: TokenBucket;
  private authTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private warnTimer: NodeJS.Timeout | undefined;
  private terminateTimer: NodeJS.Timeout | undefined;
  private lastAwarenessNotice = 0;
  private refusedWrites = 0;

  constructor(
    readonly ws: WebSocket,
    readonly roomName: string,
    private readonly host: ConnectionHost,
    /** Claims already verified at the upgrade (--allow-url-token). */
    urlClaims?: TokenClaims,
  ) {
    const limits = host.options.limits;
    this.messages = new TokenBucket(limits.messagesPerSecond);
    this.awarenessRate = new TokenBucket(limits.awarenessPerSecond);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onRaw(data, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', (err) => host.log.debug({ conn: this.id, err: err.message }, 'socket error'));
    ws.on('pong', () => (this.alive = true));
    if (urlClaims) {
      // A stock y-websocket client: authenticated at the upgrade, knows no AUTH_OK/ACK/NOTICE.
      this.wantsAcks = false;
      this.state = 'authenticating';
      void this.start(urlClaims);
    } else {
      this.authTimer = setTimeout(() => this.refuse(CloseCode.authRequired, 'auth-timeout', 'no AUTH within the auth timeout'), limits.authTimeoutMs);
    }
  }

  private get logFields(): Record<string, unknown> {
    return { conn: this.id, room: this.roomName, user: this.claims?.sub };
  }

  private onRaw(data: Buffer, isBinary: boolean): void {
    if (this.state === 'closed') return;
    if (!isBinary) return this.refuse(CloseCode.badMessage, 'bad-message', 'text frame (the protocol is binary)');
    if (!this.messages.take()) return this.refuse(CloseCode.rateLimited, 'rate', `more than ${this.host.options.limits.messagesPerSecond} messages per second`);
    const msg = new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (this.state === 'open') return this.handle(msg);
    if (this.state === 'awaiting-auth') {
      let type: number;
      try {
        type = messageTypeOf(msg);
      } catch {
        return this.refuse(CloseCode.authRequired, 'auth-required', 'the first message must be AUTH');
      }
      if (type !== MessageType.AUTH) return this.refuse(CloseCode.authRequired, 'auth-required', `the first message must be AUTH (got type ${type})`);
      this.state = 'authenticating';
      clearTimeout(this.authTimer);
      void this.authenticate(msg);
      return;
    }
    // Authenticating or joining: keep the message, bounded, until the room is ready.
    const limits = this.host.options.limits;
    if (this.queue.length >= limits.preAuthMessages || this.queuedBytes + msg.length > limits.preAuthBytes) {
      return this.refuse(CloseCode.rateLimited, 'pre-auth-queue', `more than ${limits.preAuthMessages} messages or ${limits.preAuthBytes} bytes before authentication completed`);
    }
    this.queue.push(msg);
    this.queuedBytes += msg.length;
  }

  private async authenticate(msg: Uint8Array): Promise<void> {
    let token: string;
    try {
      const m = decodeMessage(msg);
      if (m.type !== 'AUTH') throw new ProtocolError('expected AUTH');
      token = m.payload.token;
    } catch (err) {
      return this.refuse(CloseCode.authRequired, 'auth-required', `unreadable AUTH: ${(err as Error).message}`);
    }
    const check = await verifyToken(token, this.host.options.secret, this.roomName);
    if (this.state === 'closed') return;
    if (!check.ok) return this.refuse(check.code, check.code === CloseCode.expired ? 'expired' : check.reason === 'token is for another room' ? 'wrong-room' : 'bad-token', check.reason);
    await this.start(check.claims);
  }

  /** Authenticated: join the room (its stored state loaded), then AUTH_OK, sync and queued messages. */
  private async start(claims: TokenClaims): Promise<void> {
    this.setClaims(claims);
    let joined: { room: Room; seed: boolean };
    try {
      joined = await this.host.join(this);
    } catch (err) {
      if (err instanceof JoinRefused) return this.refuse(err.code, err.reason, err.message);
      this.host.log.error({ ...this.logFields, err: (err as Error).message }, 'joining the room failed');
      return this.close(CloseCode.storageUnavailable, 'room unavailable');
    }
    this.room = joined.room;
    if (this.state === 'closed') {
      this.host.leave(this);
      return;
    }
    this.state = 'open';
    if (this.wantsAcks) {
      this.send(encodeAuthOk({ room: this.roomName, role: this.role, user: this.user!, expiresAt: claims.exp * 1000, ...(joined.seed ? { seed: true } : {}) }));
    }
    this.send(syncStep1Message(this.room.doc));
    const aw = fullAwarenessMessage(this.room.awareness);
    if (aw) this.send(aw);
    this.host.log.info({ ...this.logFields, role: this.role, seed: joined.seed || undefined, urlToken: !this.wantsAcks || undefined }, 'client joined');
    const queued = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const m of queued) {
      if (this.state !== 'open') break;
      this.handle(m);
    }
  }

  private setClaims(claims: TokenClaims): void {
    this.claims = claims;
    this.role = claims.role;
    this.user = { id: claims.sub, name: claims.name, color: colorFor(claims.sub) };
    clearTimeout(this.expiryTimer);
    clearTimeout(this.warnTimer);
    const armExpiry = () => {
      const left = claims.exp * 1000 - Date.now();
      if (left <= 0) return this.refuse(CloseCode.expired, 'expired', 'token expired without a refresh');
      this.expiryTimer = setTimeout(armExpiry, Math.min(left, MAX_TIMER));
    };
    armExpiry();
    const warnIn = claims.exp * 1000 - Date.now() - 60_000;
    if (warnIn > 0 && warnIn < MAX_TIMER && this.wantsAcks) {
      this.warnTimer = setTimeout(() => this.send(encodeNotice({ code: 'expiring', message: 'the session token expires in a minute; send REFRESH', expiresAt: claims.exp * 1000 })), warnIn);
    }
  }

  private handle(msg: Uint8Array): void {
    const room = this.room!;
    const limits = this.host.options.limits;
    try {
      const m = decodeMessage(msg);
      switch (m.type) {
        case 'sync': {
          const s = readSyncMessage(m.body);
          if (s.kind === 'step1') {
            this.send(syncStep2Message(room.doc, s.stateVector));
            return;
          }
          const max = s.kind === 'update' ? limits.maxUpdateBytes : limits.maxSyncBytes;
          if (s.update.length > max) return this.refuse(CloseCode.tooLarge, 'too-large', `${s.kind} of ${s.update.length} bytes exceeds ${max}`);
          const { structs, ds } = decodeUpdateChecked(s.update);
          const empty = structs.length === 0 && ds.clients.size === 0;
          if (this.role === 'viewer') {
            if (!empty && wouldChange(room.doc, s.update)) this.refuseWrite();
            return;
          }
          if (!empty && !room.fits(s.update.length)) return this.refuse(CloseCode.tooLarge, 'document-cap', `the document would exceed ${limits.maxDocumentBytes} bytes`);
          room.applyClientUpdate(this, s.update, empty);
          return;
        }
        case 'awareness': {
          if (m.body.length > limits.maxAwarenessBytes) return this.refuse(CloseCode.tooLarge, 'too-large', `awareness of ${m.body.length} bytes exceeds ${limits.maxAwarenessBytes}`);
          if (!this.awarenessRate.take()) {
            this.host.metrics.reject('awareness-rate');
            const now = Date.now();
            if (now - this.lastAwarenessNotice > 1000) {
              this.lastAwarenessNotice = now;
              this.host.log.warn({ ...this.logFields, limit: limits.awarenessPerSecond }, 'awareness over its rate dropped');
              if (this.wantsAcks) this.send(encodeNotice({ code: 'awareness-dropped', message: `more than ${limits.awarenessPerSecond} awareness messages per second; some were dropped` }));
            }
            return;
          }
          const entries = decodeAwarenessUpdate(readAwarenessBody(m.body));
          const r = applyIdentity(entries, this, this.awarenessIds, (id) => room.awarenessOwner.get(id) as object | undefined, this.user!, this.role);
          if (r.dropped > 0) {
            this.host.metrics.reject('awareness-identity');
            this.host.log.warn({ ...this.logFields, dropped: r.dropped }, 'awareness for client ids this connection does not own dropped');
          }
          if (r.update) awarenessProtocol.applyAwarenessUpdate(room.awareness, r.update, this);
          return;
        }
        case 'queryAwareness': {
          const aw = fullAwarenessMessage(room.awareness);
          if (aw) this.send(aw);
          return;
        }
        case 'auth':
        case 'AUTH':
          return; // harmless repetition; the session is already authenticated
        case 'REFRESH':
          void this.refresh(m.payload.token);
          return;
        default:
          throw new ProtocolError(`message type ${m.type} is not sent by clients`);
      }
    } catch (err) {
      if (err instanceof ProtocolError) return this.refuse(CloseCode.badMessage, 'bad-message', err.message);
      this.host.log.error({ ...this.logFields, err: (err as Error).stack }, 'message handling failed');
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  private refuseWrite(): void {
    this.host.metrics.reject('viewer-write');
    if (this.refusedWrites++ === 0) this.host.log.warn({ ...this.logFields }, 'update from a viewer refused (read-only)');
    // y-protocols/auth permission denied: what a stock y-websocket client understands.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'read-only: viewers cannot edit');
    this.send(encoding.toUint8Array(e));
    if (this.wantsAcks) this.send(encodeNotice({ code: 'read-only', message: 'your role is viewer: the update was dropped' }));
  }

  private async refresh(token: string): Promise<void> {
    const check = await verifyToken(token, this.host.options.secret, this.roomName);
    if (this.state !== 'open') return;
    if (!check.ok) return this.refuse(check.code === CloseCode.expired ? CloseCode.expired : CloseCode.forbidden, check.code === CloseCode.expired ? 'expired' : 'bad-token', `refresh refused: ${check.reason}`);
    this.setClaims(check.claims);
    this.host.log.info({ ...this.logFields, role: this.role, expiresAt: check.claims.exp * 1000 }, 'token refreshed');
    if (this.wantsAcks) this.send(encodeNotice({ code: 'refreshed', message: 'token refreshed', expiresAt: check.claims.exp * 1000 }));
  }

  send(message: Uint8Array): void {
    if (this.state === 'closed' || this.ws.readyState !== 1) return;
    if (this.ws.bufferedAmount + message.length > this.host.options.limits.maxBufferedBytes) {
      return this.refuse(CloseCode.slowConsumer, 'slow-consumer', `send buffer above ${this.host.options.limits.maxBufferedBytes} bytes`);
    }
    this.ws.send(message);
  }

  /** Closes for crossing a limit or failing a check: metric, log line, notice, close code. */
  refuse(code: number, reason: RejectReason, detail: string): void {
    if (this.state === 'closed') return;
    this.host.metrics.reject(reason);
    this.host.log.warn({ ...this.logFields, code, reason, detail }, `connection refused: ${closeCodeName(code)}`);
    this.close(code, detail);
  }

  close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    const authed = this.state === 'open';
    // The notice says why even where close reasons are lost; not for stock clients.
    if (authed && this.wantsAcks && code >= 4000) this.send(encodeNotice({ code: 'closing', message: reason, closeCode: code }));
    this.cleanup();
    // Close reasons are limited to 123 bytes.
    const r = Buffer.from(reason).length > 120 ? reason.slice(0, 100) + '…' : reason;
    try {
      this.ws.close(code, r);
    } catch {
      this.ws.terminate();
    }
    // A client that does not answer the close handshake is cut off.
    this.terminateTimer = setTimeout(() => this.ws.terminate(), 2000);
    this.terminateTimer.unref();
  }

  private cleanup(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    clearTimeout(this.warnTimer);
    this.queue = [];
    if (this.room) this.host.leave(this);
    this.host.closed(this);
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }
}
