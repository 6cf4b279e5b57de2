// A minimal client of the live protocol for the server's tests (the real client is
// live/src/client, issue 10): AUTH first, then y-protocols sync and awareness over one Y.Doc,
// recording ACKs, notices and the close code.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType, decodeMessage, decodeStateVector, encodeAuth, encodeRefresh, type AuthOkPayload, type NoticePayload } from '../../../live/src/protocol';
import { waitUntil } from './wait';

export interface ClientOptions {
  token?: string;
  /** Skip AUTH (to test refusals). */
  noAuth?: boolean;
  origin?: string;
  /** Send the first message raw instead of AUTH. */
  firstMessage?: Uint8Array;
  doc?: Y.Doc;
  /** Start syncing only after AUTH_OK (true) or send step 1 right away, before AUTH_OK is seen. */
  awaitAuthOk?: boolean;
}

export class TestClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly ws: WebSocket;
  authOk: AuthOkPayload | undefined;
  readonly notices: NoticePayload[] = [];
  readonly permissionDenied: string[] = [];
  /** Latest ACK. */
  ackSv = new Map<number, number>();
  ackCount = 0;
  acks = 0;
  /** Update messages sent (the count ACK refers to). */
  sentUpdates = 0;
  synced = false;
  closeCode: number | undefined;
  closeReason = '';
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  private readonly onUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(url: string, opts: ClientOptions = {}) {
    this.doc = opts.doc ?? new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.ws = new WebSocket(url, opts.origin ? { origin: opts.origin } : {});
    this.ws.binaryType = 'arraybuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => {
        // The awareness' outdated-state timer would keep the process alive.
        this.awareness.destroy();
        this.closeCode = code;
        this.closeReason = reason.toString();
        resolve(code);
      });
    });
    this.ws.on('error', () => undefined);
    this.ws.on('open', () => {
      if (opts.firstMessage) this.ws.send(opts.firstMessage);
      else if (!opts.noAuth) this.ws.send(encodeAuth({ token: opts.token ?? '' }));
      if (opts.awaitAuthOk === false) this.startSync();
    });
    this.ws.on('message', (data: ArrayBuffer) => this.onMessage(new Uint8Array(data), opts.awaitAuthOk !== false));
    this.onUpdate = (update, origin) => {
      if (origin === this || this.ws.readyState !== WebSocket.OPEN) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
      this.sentUpdates++;
      this.ws.send(encoding.toUint8Array(e));
    };
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === this || this.ws.readyState !== WebSocket.OPEN || !this.authOk) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, added.concat(updated, removed)));
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  private startSync(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.ws.send(encoding.toUint8Array(e));
  }

  private onMessage(data: Uint8Array, syncOnAuthOk: boolean): void {
    const m = decodeMessage(data);
    switch (m.type) {
      case 'AUTH_OK':
        this.authOk = m.payload;
        if (syncOnAuthOk) this.startSync();
        return;
      case 'ACK':
        this.ackSv = decodeStateVector(m.stateVector);
        this.ackCount = m.storedCount;
        this.acks++;
        return;
      case 'NOTICE':
        this.notices.push(m.payload);
        return;
      case 'auth': {
        const d = decoding.createDecoder(m.body);
        decoding.readVarUint(d);
        this.permissionDenied.push(decoding.readVarString(d));
        return;
      }
      case 'sync': {
        const d = decoding.createDecoder(m.body);
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        const kind = syncProtocol.readSyncMessage(d, e, this.doc, this);
        if (kind === syncProtocol.messageYjsSyncStep1 && encoding.length(e) > 1) {
          // Our step 2 carries updates: it counts among the messages ACK counts.
          this.sentUpdates++;
          this.ws.send(encoding.toUint8Array(e));
        }
        if (kind === syncProtocol.messageYjsSyncStep2) this.synced = true;
        return;
      }
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoding.createDecoder(m.body)), this);
        return;
      default:
        return;
    }
  }

  text(name = 'file:main.struct'): string {
    return this.doc.getText(name).toString();
  }

  insert(text: string, index?: number, name = 'file:main.struct'): void {
    const t = this.doc.getText(name);
    t.insert(index ?? t.length, text);
  }

  /** Whether every message sent so far is acknowledged as stored. */
  get allAcked(): boolean {
    return this.ackCount >= this.sentUpdates;
  }

  refresh(token: string): void {
    this.ws.send(encodeRefresh({ token }));
  }

  send(data: Uint8Array): void {
    this.ws.send(data);
  }

  async ready(timeoutMs = 5000): Promise<this> {
    await waitUntil(() => (this.authOk !== undefined && this.synced) || this.closeCode !== undefined, timeoutMs, 'client sync');
    if (this.closeCode !== undefined) throw new Error(`closed with ${this.closeCode} ${this.closeReason}`);
    return this;
  }

  async waitAcked(timeoutMs = 5000): Promise<void> {
    await waitUntil(() => this.allAcked || this.closeCode !== undefined, timeoutMs, `acks (${this.ackCount}/${this.sentUpdates})`);
  }

  close(): Promise<number> {
    this.doc.off('update', this.onUpdate);
    this.awareness.destroy();
    this.ws.resume();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    // A peer that does not complete the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 1000).unref();
    return this.closed;
  }
}
