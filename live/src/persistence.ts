// The durable log of every room: SQLite (better-sqlite3) in WAL mode with synchronous=FULL, so a
// committed append survives kill -9 and power loss. Updates are appended as they come (one
// transaction per batch) and merged into a snapshot in the background (compact), which never
// needs the in-memory document: it merges what is stored, so it is safe even when another process
// appended to the same room meanwhile.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';

export const DB_FILE = 'live.sqlite';

export interface StoredRoom {
  /** False when the room has never stored anything (it is new: it may be seeded). */
  exists: boolean;
  /** Snapshot and log in order; applying all gives the stored document. */
  updates: Uint8Array[];
  /** Snapshot + log bytes. */
  bytes: number;
  logCount: number;
}

export interface RoomStats {
  logCount: number;
  logBytes: number;
  snapshotBytes: number;
}

export class LiveStore {
  readonly db: Database.Database;
  private readonly stmts;

  constructor(readonly dataDir: string, readonly file = path.join(dataDir, DB_FILE)) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit, so an acknowledged append survives a crash of the
    // machine, not only of the process.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        name TEXT PRIMARY KEY,
        snapshot BLOB,
        snapshot_bytes INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_room ON updates (room, id);
    `);
    this.stmts = {
      room: this.db.prepare<[string], { snapshot: Buffer | null; snapshot_bytes: number }>('SELECT snapshot, snapshot_bytes FROM rooms WHERE name = ?'),
      log: this.db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE room = ? ORDER BY id'),
      logStats: this.db.prepare<[string], { n: number; bytes: number | null }>('SELECT count(*) AS n, sum(length(data)) AS bytes FROM updates WHERE room = ?'),
      touch: this.db.prepare<[string, number, number]>('INSERT INTO rooms (name, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET updated_at = excluded.updated_at'),
      append: this.db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)'),
      setSnapshot: this.db.prepare<[Uint8Array, number, number, string]>('UPDATE rooms SET snapshot = ?, snapshot_bytes = ?, updated_at = ? WHERE name = ?'),
      deleteUpTo: this.db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND id <= ?'),
      names: this.db.prepare<[], { name: string }>('SELECT name FROM rooms ORDER BY name'),
    };
  }

  load(room: string): StoredRoom {
    return this.db.transaction(() => {
      const row = this.stmts.room.get(room);
      const updates: Uint8Array[] = [];
      let bytes = 0;
      if (row?.snapshot) {
        updates.push(new Uint8Array(row.snapshot));
        bytes += row.snapshot.length;
      }
      const log = this.stmts.log.all(room);
      for (const r of log) {
        updates.push(new Uint8Array(r.data));
        bytes += r.data.length;
      }
      return { exists: row !== undefined, updates, bytes, logCount: log.length };
    })();
  }

  /** Appends updates in one synchronous, durable transaction (returns once fsynced). */
  append(room: string, updates: readonly Uint8Array[]): void {
    if (updates.length === 0) return;
    const now = Date.now();
    this.db.transaction(() => {
      this.stmts.touch.run(room, now, now);
      for (const u of updates) this.stmts.append.run(room, u);
    })();
  }

  stats(room: string): RoomStats {
    const log = this.stmts.logStats.get(room)!;
    const row = this.stmts.room.get(room);
    return { logCount: log.n, logBytes: log.bytes ?? 0, snapshotBytes: row?.snapshot_bytes ?? 0 };
  }

  /**
   * Merges the snapshot and the whole log of a room into a new snapshot, in one immediate
   * transaction (no other writer can slip an update in between the read and the delete).
   * Returns the snapshot size, or undefined when there was nothing to compact.
   */
  compact(room: string): number | undefined {
    return this.db.transaction(() => {
      const row = this.stmts.room.get(room);
      const log = this.stmts.log.all(room);
      if (!row || log.length === 0) return undefined;
      const parts = row.snapshot ? [new Uint8Array(row.snapshot)] : [];
      for (const r of log) parts.push(new Uint8Array(r.data));
      const merged = Y.mergeUpdates(parts);
      this.stmts.setSnapshot.run(merged, merged.length, Date.now(), room);
      this.stmts.deleteUpTo.run(room, log[log.length - 1].id);
      return merged.length;
    }).immediate();
  }

  roomNames(): string[] {
    return this.stmts.names.all().map((r) => r.name);
  }

  /** A consistent copy of the whole store while it is in use (SQLite online backup). */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
