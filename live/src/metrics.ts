// Prometheus metrics of one server (own registry, so tests can run several servers in one process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RejectReason =
  | 'auth-required'
  | 'auth-timeout'
  | 'bad-token'
  | 'expired'
  | 'wrong-room'
  | 'origin'
  | 'bad-message'
  | 'viewer-write'
  | 'too-large'
  | 'document-cap'
  | 'rate'
  | 'awareness-rate'
  | 'pre-auth-queue'
  | 'slow-consumer'
  | 'room-full'
  | 'rooms-full'
  | 'connections-full'
  | 'awareness-identity';

export class LiveMetrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'struktur_live_connections', help: 'Open WebSocket connections', registers: [this.registry] });
  readonly rooms = new Gauge({ name: 'struktur_live_rooms', help: 'Rooms loaded in this process', registers: [this.registry] });
  readonly updates = new Counter({ name: 'struktur_live_updates_total', help: 'Document updates received from clients (rate() gives updates/s)', registers: [this.registry] });
  readonly updateBytes = new Counter({ name: 'struktur_live_update_bytes_total', help: 'Bytes of document updates received from clients', registers: [this.registry] });
  readonly fanout = new Histogram({
    name: 'struktur_live_fanout_seconds',
    help: 'Time from receiving an update until it is handed to every other connection of the room',
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  readonly storeLag = new Histogram({
    name: 'struktur_live_store_lag_seconds',
    help: 'Time from receiving an update until it is durably stored (and acknowledged)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly storeWrites = new Counter({ name: 'struktur_live_store_writes_total', help: 'Durable append transactions', registers: [this.registry] });
  readonly compactions = new Counter({ name: 'struktur_live_compactions_total', help: 'Room logs compacted into snapshots', registers: [this.registry] });
  readonly rejected = new Counter({ name: 'struktur_live_rejected_total', help: 'Refused connections and messages by reason', labelNames: ['reason'], registers: [this.registry] });
  readonly redisMessages = new Counter({ name: 'struktur_live_redis_messages_total', help: 'Messages exchanged with other processes through Redis', labelNames: ['direction'], registers: [this.registry] });

  constructor(defaultMetrics = true) {
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'struktur_live_' });
  }

  reject(reason: RejectReason): void {
    this.rejected.inc({ reason });
  }
}
