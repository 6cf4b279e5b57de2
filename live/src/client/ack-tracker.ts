// Which local edits the server has durably stored. Every local update is remembered until an ACK
// covers it: by the stored state vector (its items, client C up to clock k, are stored when
// sv[C] >= k) or by the count of this connection's update-carrying messages the server stored
// (the only proof for a pure deletion, which does not advance any clock).
import * as Y from 'yjs';

interface PendingUpdate {
  /** The end clock of each client's items in the update (empty for a pure deletion). */
  readonly sv: Map<number, number>;
  /** Connection and index (1-based, counted from AUTH_OK) of the message that carried it. */
  conn: number;
  msg: number;
}

export class AckTracker {
  private pending: PendingUpdate[] = [];
  private listeners: ((count: number) => void)[] = [];

  /** How many local updates are not known to be stored. */
  get count(): number {
    return this.pending.length;
  }

  onChange(fn: (count: number) => void): () => void {
    this.listeners.push(fn);
    return () => (this.listeners = this.listeners.filter((l) => l !== fn));
  }

  /** A local update; `conn`/`msg` when it was sent at once, 0/0 when it waits for a connection. */
  record(update: Uint8Array, conn = 0, msg = 0): void {
    // Not Y.encodeStateVectorFromUpdate: it only counts clients whose items start at clock 0,
    // which an incremental update's do not.
    this.pending.push({ sv: Y.parseUpdateMeta(update).to, conn, msg });
    this.emit();
  }

  /** Every pending update went (again) in message `msg` of connection `conn` (a sync step 2). */
  resentAll(conn: number, msg: number): void {
    for (const p of this.pending) {
      p.conn = conn;
      p.msg = msg;
    }
  }

  /** An ACK on connection `conn`; `storedCount` < 0 when the server sent no count. */
  ack(conn: number, stored: Map<number, number>, storedCount: number): void {
    const before = this.pending.length;
    this.pending = this.pending.filter((p) => !(covered(p.sv, stored) || (storedCount >= 0 && p.conn === conn && p.msg > 0 && p.msg <= storedCount)));
    if (this.pending.length !== before) this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l(this.pending.length);
  }
}

function covered(sv: Map<number, number>, stored: Map<number, number>): boolean {
  if (sv.size === 0) return false;
  for (const [client, clock] of sv) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}
