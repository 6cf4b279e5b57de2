// One shared model: its Y.Doc, presence, connections and durable log. Updates are broadcast at
// once and appended to the log in batches (one transaction per event-loop turn); a connection is
// acknowledged only after the batch holding its updates is committed. With Redis, the room also
// talks to the same room in other processes (redis.ts); only the process holding the room's lock
// (the owner) appends to the log.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { LiveStore } from './persistence';
import type { LiveMetrics } from './metrics';
import type { Logger } from './logger';
import { encodeAck } from './protocol/messages';
import { awarenessMessage } from './awareness';
import { updateMessage } from './sync';
import type { RoomPeer } from './redis';

/** What a room needs of a connection (connection.ts implements it). */
export interface RoomMember {
  readonly id: string;
  readonly role: 'viewer' | 'editor';
  /** Update-carrying sync messages received from this connection since AUTH_OK. */
  updateCount: number;
  /** The storedCount of the last ACK sent. */
  ackedCount: number;
  /** Non-owner processes: (message count, published sequence number) awaiting the owner's STORED. */
  readonly pendingAcks: { count: number; seq: number }[];
  /** Yjs client ids this connection carries presence for. */
  readonly awarenessIds: Set<number>;
  /** Whether this connection has received an AUTH_OK (stock url-token clients get no ACK). */
  readonly wantsAcks: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Origin of changes that came from another process through Redis. */
export const FROM_CLUSTER = Symbol('cluster');

export interface RoomOptions {
  maxDocumentBytes: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
}

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Set<RoomMember>();
  /** Which member (or FROM_CLUSTER) controls each awareness client id. */
  readonly awarenessOwner = new Map<number, RoomMember | typeof FROM_CLUSTER>();
  /** Stored bytes (snapshot + log) plus bytes waiting to be stored: what the document cap limits. */
  storedBytes = 0;
  /** Whether the store has any state for this room (if not, one editor may seed it). */
  exists = false;
  seedHolder: RoomMember | undefined;
  /** True when this process appends the room's log (always, without Redis). */
  owner = true;
  peer: RoomPeer | undefined;
  private pending: Uint8Array[] = [];
  private pendingSince = 0;
  private flushScheduled = false;
  private logCount = 0;
  private logBytes = 0;
  private compactTimer: NodeJS.Timeout | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  closed = false;
  /** Set when the store failed: the room refuses further work until it is reloaded. */
  failed = false;

  constructor(
    readonly name: string,
    private readonly store: LiveStore,
    private readonly opts: RoomOptions,
    private readonly metrics: LiveMetrics,
    private readonly log: Logger,
  ) {
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => this.onAwarenessUpdate(changes, origin));
  }

  /** Loads the stored state. Synchronous (SQLite), so nothing can interleave with it. */
  load(): void {
    const stored = this.store.load(this.name);
    this.exists = stored.exists;
    this.storedBytes = stored.bytes;
    this.logCount = stored.logCount;
    this.logBytes = stored.bytes;
    if (stored.updates.length > 0) {
      // Origin 'load': not broadcast (nobody is connected yet), not stored again.
      Y.applyUpdate(this.doc, stored.updates.length === 1 ? stored.updates[0] : Y.mergeUpdates(stored.updates), 'load');
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === 'load') return;
    const t0 = performance.now();
    const msg = updateMessage(update);
    for (const m of this.members) if (m !== origin) m.send(msg);
    this.metrics.fanout.observe((performance.now() - t0) / 1000);
    if (this.owner) this.enqueue(update);
    else this.storedBytes += update.length;
  }

  private enqueue(update: Uint8Array): void {
    if (this.pending.length === 0) this.pendingSince = performance.now();
    this.pending.push(update);
    this.storedBytes += update.length;
    this.scheduleFlush();
  }

  /** Applies an editor's update (already checked for size, role and cap). */
  applyClientUpdate(member: RoomMember, update: Uint8Array, empty: boolean): void {
    member.updateCount++;
    this.metrics.updates.inc();
    this.metrics.updateBytes.inc(update.length);
    Y.applyUpdate(this.doc, update, member);
    if (this.peer) {
      const seq = empty ? this.peer.lastSeq : this.peer.publishUpdate(update);
      if (!this.owner) member.pendingAcks.push({ count: member.updateCount, seq });
    }
    // Even an update that changed nothing is acknowledged (after the pending batch, which may hold
    // the same items from another client).
    if (this.owner) this.scheduleFlush();
  }

  /** Whether the document cap leaves room for `bytes` more. */
  fits(bytes: number): boolean {
    return this.storedBytes + bytes <= this.opts.maxDocumentBytes;
  }

  scheduleFlush(): void {
    if (this.flushScheduled || this.closed) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /**
   * Appends the pending updates in one durable transaction, then acknowledges every member whose
   * messages are now all stored. Everything applied to the document so far is then stored (all of
   * it went through `pending`), so the document's state vector is the stored one.
   */
  flush(): boolean {
    if (this.failed || !this.owner) return false;
    const batch = this.pending;
    if (batch.length > 0) {
      this.pending = [];
      try {
        this.store.append(this.name, batch);
      } catch (err) {
        this.fail(err as Error);
        return false;
      }
      const bytes = batch.reduce((n, u) => n + u.length, 0);
      this.metrics.storeWrites.inc();
      this.metrics.storeLag.observe((performance.now() - this.pendingSince) / 1000);
      this.exists = true;
      this.seedHolder = undefined;
      this.logCount += batch.length;
      this.logBytes += bytes;
      if (this.logCount >= this.opts.compactAfterUpdates || this.logBytes >= this.opts.compactAfterBytes) this.scheduleCompaction();
    }
    const sv = Y.encodeStateVector(this.doc);
    for (const m of this.members) {
      m.pendingAcks.length = 0;
      if (m.updateCount > m.ackedCount) {
        m.ackedCount = m.updateCount;
        if (m.wantsAcks) m.send(encodeAck(sv, m.updateCount));
      }
    }
    this.peer?.announceStored(sv);
    return true;
  }

  /** The owner elsewhere stored our published updates up to `seq`: acknowledge what that covers. */
  onStoredElsewhere(sv: Uint8Array, seq: number): void {
    if (this.owner) return;
    for (const m of this.members) {
      let count = -1;
      while (m.pendingAcks.length > 0 && m.pendingAcks[0].seq <= seq) count = m.pendingAcks.shift()!.count;
      if (count > m.ackedCount) {
        m.ackedCount = count;
        if (m.wantsAcks) m.send(encodeAck(sv, count));
      }
    }
    this.exists = true;
    this.seedHolder = undefined;
  }

  /**
   * This process just became the owner: append whatever the document has that the store lacks
   * (updates the previous owner never stored), then acknowledge everything.
   */
  takeOwnership(): void {
    this.owner = true;
    try {
      const stored = this.store.load(this.name);
      const storedDoc = new Y.Doc();
      if (stored.updates.length > 0) Y.applyUpdate(storedDoc, Y.mergeUpdates(stored.updates));
      const diff = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(storedDoc));
      storedDoc.destroy();
      this.storedBytes = stored.bytes;
      this.logCount = stored.logCount;
      this.logBytes = stored.bytes;
      this.exists = stored.exists;
      this.pending = [];
      this.enqueue(diff);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    this.flush();
  }

  loseOwnership(): void {
    if (!this.owner) return;
    // Write what we have: duplicates are harmless (Yjs updates are idempotent), losses are not.
    this.flush();
    this.owner = false;
  }

  private scheduleCompaction(): void {
    if (this.compactTimer || this.closed) return;
    // Off the hot path: after the current burst of messages has been handled.
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      this.compact();
    }, 50);
    this.compactTimer.unref();
  }

  compact(): void {
    if (!this.owner || this.failed) return;
    try {
      const t0 = performance.now();
      const size = this.store.compact(this.name);
      if (size === undefined) return;
      this.metrics.compactions.inc();
      this.log.debug({ room: this.name, updates: this.logCount, snapshotBytes: size, ms: Math.round(performance.now() - t0) }, 'room log compacted');
      this.storedBytes = size + this.pending.reduce((n, u) => n + u.length, 0);
      this.logCount = 0;
      this.logBytes = size;
    } catch (err) {
      this.log.error({ room: this.name, err: (err as Error).message }, 'compaction failed (the log is intact)');
    }
  }

  private fail(err: Error): void {
    this.failed = true;
    this.log.error({ room: this.name, err: err.message }, 'durable write failed; closing the room (clients keep their edits and resend them on reconnect)');
    for (const m of [...this.members]) m.close(4014, 'storage unavailable');
  }

  private onAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = added.concat(updated, removed);
    if (this.members.has(origin as RoomMember)) {
      const member = origin as RoomMember;
      for (const id of added) {
        member.awarenessIds.add(id);
        this.awarenessOwner.set(id, member);
      }
    } else if (origin === FROM_CLUSTER) {
      for (const id of added) if (!this.awarenessOwner.has(id)) this.awarenessOwner.set(id, FROM_CLUSTER);
    }
    for (const id of removed) {
      const owner = this.awarenessOwner.get(id);
      if (owner && owner !== FROM_CLUSTER) owner.awarenessIds.delete(id);
      this.awarenessOwner.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const msg = awarenessMessage(update);
    for (const m of this.members) m.send(msg);
    if (origin !== FROM_CLUSTER) this.peer?.publishAwareness(update);
  }

  addMember(m: RoomMember): void {
    this.members.add(m);
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
  }

  removeMember(m: RoomMember): void {
    if (!this.members.delete(m)) return;
    if (this.seedHolder === m) {
      this.seedHolder = undefined;
      this.peer?.releaseSeed();
    }
    if (m.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...m.awarenessIds], null);
  }

  /** Flushes, compacts and frees the room (idle unload and shutdown). */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.compact();
    this.closed = true;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
