// Several server processes share rooms through Redis. Per room, one pub/sub channel carries
// updates, presence, state-vector resyncs and the owner's "stored" announcements; one key is the
// lock (with expiry) naming the process that owns the room's durable log. All processes of a
// cluster use the same data directory (one SQLite database; see docs/live-server.md).
//
// Acknowledgements across processes: each process numbers the updates it publishes per room
// (seq). The owner tracks, per publisher, the highest seq it has received without a gap, and after
// each durable write announces STORED(stateVector, {publisher: seq}); a publisher then acknowledges
// its clients' messages up to that seq. A gap (lost pub/sub message, Redis restart) is repaired
// by a state-vector resync: SYNC1 asks every peer for what the sender lacks, and the DIFF a peer
// sends back carries its current seq, so the owner may count everything up to it as received.
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FROM_CLUSTER, type Room } from './room';
import type { Logger } from './logger';
import type { LiveMetrics } from './metrics';

/** What a room uses of the cluster. */
export interface RoomPeer {
  /** The seq of the last update this process published for the room. */
  readonly lastSeq: number;
  publishUpdate(update: Uint8Array): number;
  publishAwareness(update: Uint8Array): void;
  announceStored(stateVector: Uint8Array): void;
  claimSeed(): Promise<boolean>;
  releaseSeed(): void;
}

const enum Kind {
  update = 1,
  awareness = 2,
  sync1 = 3,
  diff = 4,
  stored = 5,
}

export interface ClusterOptions {
  url: string;
  /** Key and channel prefix, so several clusters can share one Redis. */
  prefix?: string;
  /** Lock expiry, ms; renewed every third of it. */
  lockTtlMs?: number;
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

class Peer implements RoomPeer {
  lastSeq = 0;
  /** Per publisher: highest seq received with nothing missing before it. */
  readonly received = new Map<string, number>();
  lastRenew = 0;
  resyncTimer: NodeJS.Timeout | undefined;
  seedClaimed = false;

  constructor(
    readonly bus: ClusterBus,
    readonly room: Room,
    readonly channel: string,
  ) {}

  publishUpdate(update: Uint8Array): number {
    const seq = ++this.lastSeq;
    this.bus.publish(this.channel, Kind.update, (e) => {
      encoding.writeVarUint(e, seq);
      encoding.writeVarUint8Array(e, update);
    });
    return seq;
  }

  publishAwareness(update: Uint8Array): void {
    this.bus.publish(this.channel, Kind.awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  announceStored(sv: Uint8Array): void {
    if (this.received.size === 0) return;
    this.bus.publish(this.channel, Kind.stored, (e) => {
      encoding.writeVarUint8Array(e, sv);
      encoding.writeVarUint(e, this.received.size);
      for (const [id, seq] of this.received) {
        encoding.writeVarString(e, id);
        encoding.writeVarUint(e, seq);
      }
    });
  }

  /** Asks every peer for what this process lacks (debounced). */
  requestResync(): void {
    if (this.resyncTimer || this.room.closed) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined;
      this.sendSync1();
    }, 20);
    this.resyncTimer.unref();
  }

  /** SYNC1: our state vector, and whether we hold edits not yet stored (then the owner should
   *  pull from us too: pure deletions do not show in a state vector). */
  sendSync1(): void {
    if (this.room.closed) return;
    const sv = Y.encodeStateVector(this.room.doc);
    const unstored = !this.room.owner && [...this.room.members].some((m) => m.pendingAcks.length > 0);
    this.bus.publish(this.channel, Kind.sync1, (e) => {
      encoding.writeVarUint8Array(e, sv);
      encoding.writeVarUint(e, unstored ? 1 : 0);
    });
  }

  async claimSeed(): Promise<boolean> {
    try {
      const ok = await this.bus.pub.set(this.bus.key('seed', this.room.name), this.bus.id, 'PX', 10 * 60_000, 'NX');
      this.seedClaimed = ok === 'OK';
      return this.seedClaimed;
    } catch {
      return false;
    }
  }

  releaseSeed(): void {
    if (!this.seedClaimed) return;
    this.seedClaimed = false;
    this.bus.pub.eval(RELEASE, 1, this.bus.key('seed', this.room.name), this.bus.id).catch(() => undefined);
  }

  onMessage(kind: number, sender: string, d: decoding.Decoder): void {
    const room = this.room;
    if (room.closed) return;
    switch (kind) {
      case Kind.update: {
        const seq = decoding.readVarUint(d);
        const update = decoding.readVarUint8Array(d);
        Y.applyUpdate(room.doc, update, FROM_CLUSTER);
        const have = this.received.get(sender);
        // seq 1 has nothing before it; otherwise only a contiguous seq proves nothing was missed.
        if (seq === (have ?? 0) + 1) this.received.set(sender, seq);
        else if (have === undefined || seq > have + 1) this.requestResync();
        break;
      }
      case Kind.awareness:
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(d), FROM_CLUSTER);
        break;
      case Kind.sync1: {
        const sv = decoding.readVarUint8Array(d);
        const pullMe = decoding.hasContent(d) && decoding.readVarUint(d) === 1;
        const diff = Y.encodeStateAsUpdate(room.doc, sv);
        // The sender has something we lack (or unstored edits, if we own the log): pull from it
        // too. Resyncs are thus symmetric even when our own SYNC1 went out before the sender had
        // (re)subscribed after a Redis restart.
        const mine = Y.decodeStateVector(Y.encodeStateVector(room.doc));
        const ahead = [...Y.decodeStateVector(sv)].some(([client, clock]) => clock > (mine.get(client) ?? 0));
        if (ahead || (pullMe && room.owner)) this.requestResync();
        const seq = this.lastSeq;
        this.bus.publish(this.channel, Kind.diff, (e) => {
          encoding.writeVarString(e, sender);
          encoding.writeVarUint(e, seq);
          encoding.writeVarUint8Array(e, diff);
        });
        // A late joiner also needs the presence of our clients.
        const ours = [...room.awarenessOwner].filter(([, o]) => o !== FROM_CLUSTER).map(([id]) => id);
        if (ours.length > 0) this.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, ours));
        break;
      }
      case Kind.diff: {
        const target = decoding.readVarString(d);
        const seq = decoding.readVarUint(d);
        Y.applyUpdate(room.doc, decoding.readVarUint8Array(d), FROM_CLUSTER);
        // Only a diff computed against our own state vector covers everything the sender had.
        if (target === this.bus.id && seq >= (this.received.get(sender) ?? 0)) this.received.set(sender, seq);
        if (target === this.bus.id && room.owner) room.scheduleFlush();
        break;
      }
      case Kind.stored: {
        const sv = decoding.readVarUint8Array(d);
        const n = decoding.readVarUint(d);
        for (let i = 0; i < n; i++) {
          const id = decoding.readVarString(d);
          const seq = decoding.readVarUint(d);
          if (id === this.bus.id) room.onStoredElsewhere(sv, seq);
        }
        break;
      }
    }
  }
}

export class ClusterBus {
  readonly id = randomUUID();
  readonly pub: Redis;
  readonly sub: Redis;
  private readonly peers = new Map<string, Peer>();
  private readonly prefix: string;
  private readonly lockTtlMs: number;
  private tick: NodeJS.Timeout | undefined;

  constructor(
    opts: ClusterOptions,
    private readonly log: Logger,
    private readonly metrics: LiveMetrics,
  ) {
    this.prefix = opts.prefix ?? 'struktur-live:';
    this.lockTtlMs = opts.lockTtlMs ?? 10_000;
    // No offline queue: while Redis is away, publishes fail fast and are made good by the
    // state-vector resync when it is back, instead of piling up in memory.
    const common = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(50 * n, 1000) };
    this.pub = new Redis(opts.url, common);
    this.sub = new Redis(opts.url, { ...common, enableOfflineQueue: true });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    for (const [name, client] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      client.on('error', (err: Error) => this.log.warn({ redis: name, err: err.message }, 'redis connection error'));
      client.on('ready', () => {
        this.log.info({ redis: name }, 'redis connected');
        // After a restart of Redis (or of our link to it) messages may be lost and locks gone:
        // resync every room by state vector and take the locks again.
        if (this.pub.status === 'ready' && this.sub.status === 'ready') void this.afterReconnect();
      });
    }
  }

  get ready(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  key(kind: string, room: string): string {
    return `${this.prefix}${kind}:${room}`;
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.tick = setInterval(() => void this.renewAll(), Math.max(50, Math.floor(this.lockTtlMs / 3)));
    this.tick.unref();
  }

  publish(channel: string, kind: Kind, body: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, kind);
    encoding.writeVarString(e, this.id);
    body(e);
    this.metrics.redisMessages.inc({ direction: 'out' });
    this.pub.publish(channel, Buffer.from(encoding.toUint8Array(e))).catch(() => undefined);
  }

  private onMessage(channel: string, message: Buffer): void {
    const peer = this.peers.get(channel);
    if (!peer) return;
    try {
      const d = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.length));
      const kind = decoding.readVarUint(d);
      const sender = decoding.readVarString(d);
      if (sender === this.id) return;
      this.metrics.redisMessages.inc({ direction: 'in' });
      peer.onMessage(kind, sender, d);
    } catch (err) {
      this.log.warn({ room: peer.room.name, err: (err as Error).message }, 'undecodable message from redis dropped');
    }
  }

  /** Joins a room: subscribe, try to take the log lock, ask peers for what we lack. */
  async join(room: Room): Promise<RoomPeer> {
    const channel = this.key('room', room.name);
    const peer = new Peer(this, room, channel);
    this.peers.set(channel, peer);
    room.peer = peer;
    room.owner = false;
    if (this.ready) {
      await this.sub.subscribe(channel);
      await this.tryAcquire(peer);
      peer.sendSync1();
    }
    return peer;
  }

  async leave(room: Room): Promise<void> {
    const channel = this.key('room', room.name);
    const peer = this.peers.get(channel);
    if (!peer || peer.room !== room) return;
    this.peers.delete(channel);
    if (peer.resyncTimer) clearTimeout(peer.resyncTimer);
    peer.releaseSeed();
    const wasOwner = room.owner;
    room.owner = false;
    await Promise.allSettled([
      this.sub.unsubscribe(channel),
      wasOwner ? this.pub.eval(RELEASE, 1, this.key('lock', room.name), this.id) : Promise.resolve(),
    ]);
  }

  private async tryAcquire(peer: Peer): Promise<void> {
    try {
      const ok = await this.pub.set(this.key('lock', peer.room.name), this.id, 'PX', this.lockTtlMs, 'NX');
      if (ok === 'OK' && !peer.room.closed) {
        peer.lastRenew = Date.now();
        this.log.info({ room: peer.room.name }, 'room log lock taken');
        peer.room.takeOwnership();
      }
    } catch {
      // Redis unavailable: stay as we are; the next tick tries again.
    }
  }

  private async renewAll(): Promise<void> {
    for (const peer of [...this.peers.values()]) {
      const room = peer.room;
      if (room.closed) continue;
      if (!room.owner) {
        await this.tryAcquire(peer);
        // Waiting for acknowledgements that have not come: something was lost, resync.
        if (!room.owner && [...room.members].some((m) => m.pendingAcks.length > 0)) peer.requestResync();
        continue;
      }
      try {
        const r = await this.pub.eval(RENEW, 1, this.key('lock', room.name), this.id, String(this.lockTtlMs));
        if (r === 1) peer.lastRenew = Date.now();
        else {
          // The key is gone (Redis restarted without persistence) or another process holds it.
          const again = await this.pub.set(this.key('lock', room.name), this.id, 'PX', this.lockTtlMs, 'NX');
          if (again === 'OK') {
            peer.lastRenew = Date.now();
            this.log.info({ room: room.name }, 'room log lock taken again after it vanished');
          } else {
            this.log.warn({ room: room.name }, 'room log lock lost to another process');
            room.loseOwnership();
          }
        }
      } catch {
        if (Date.now() - peer.lastRenew > this.lockTtlMs) {
          this.log.warn({ room: room.name }, 'room log lock expired while redis was unreachable');
          room.loseOwnership();
        }
      }
    }
  }

  private async afterReconnect(): Promise<void> {
    const peers = [...this.peers.values()];
    if (peers.length === 0) return;
    try {
      await this.sub.subscribe(...peers.map((p) => p.channel));
    } catch {
      return;
    }
    for (const peer of peers) {
      if (peer.room.closed) continue;
      peer.sendSync1();
      if (!peer.room.owner) await this.tryAcquire(peer);
    }
  }

  async close(): Promise<void> {
    if (this.tick) clearInterval(this.tick);
    for (const peer of this.peers.values()) if (peer.resyncTimer) clearTimeout(peer.resyncTimer);
    this.peers.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
