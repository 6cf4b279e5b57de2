// Backup and restore of a data directory. Backup uses SQLite's online backup API, so it is
// consistent while servers write to the store. Restore replaces the store and refuses while a
// server uses the directory: clients of a running server would merge their newer state straight
// back into the restored rooms (CRDTs forget nothing), so a restore is stop → restore → start.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE } from './persistence';

export interface BackupManifest {
  format: 'struktur-live-backup/1';
  createdAt: string;
  rooms: string[];
  bytes: number;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Copies the store of `dataDir` into `destDir` (created; must not already hold a backup). */
export async function backupDataDir(dataDir: string, destDir: string): Promise<BackupManifest> {
  const src = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(src)) throw new BackupError(`no live store in ${dataDir} (expected ${DB_FILE})`);
  fs.mkdirSync(destDir, { recursive: true });
  const dest = path.join(destDir, DB_FILE);
  if (fs.existsSync(dest)) throw new BackupError(`${dest} already exists; choose an empty folder`);
  const db = new Database(src, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const tmp = dest + '.partial';
    await db.backup(tmp);
    fs.renameSync(tmp, dest);
  } finally {
    db.close();
  }
  const manifest = { format: 'struktur-live-backup/1' as const, createdAt: new Date().toISOString(), rooms: checkStore(dest), bytes: fs.statSync(dest).size };
  fs.writeFileSync(path.join(destDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** Opens a store read-only, checks its integrity and tables, returns its room names. */
export function checkStore(file: string): string[] {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`${file} is damaged: ${String(ok)}`);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
    if (!tables.includes('rooms') || !tables.includes('updates')) throw new BackupError(`${file} is not a live store (no rooms/updates tables)`);
    return db.prepare<[], { name: string }>('SELECT name FROM rooms ORDER BY name').all().map((r) => r.name);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a readable live store: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

/** Process ids of servers that use `dataDir` now (stale pid files of dead processes are ignored). */
export function runningServers(dataDir: string): number[] {
  const dir = path.join(dataDir, 'pids');
  if (!fs.existsSync(dir)) return [];
  const alive: number[] = [];
  for (const f of fs.readdirSync(dir)) {
    const pid = Number(f);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 0);
      alive.push(pid);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EPERM') alive.push(pid);
      else fs.rmSync(path.join(dir, f), { force: true });
    }
  }
  return alive;
}

/** Replaces the store of `dataDir` by the backup in `srcDir`. */
export function restoreDataDir(srcDir: string, dataDir: string): string[] {
  const src = path.join(srcDir, DB_FILE);
  if (!fs.existsSync(src)) throw new BackupError(`no backup in ${srcDir} (expected ${DB_FILE})`);
  const rooms = checkStore(src);
  const running = runningServers(dataDir);
  if (running.length > 0) throw new BackupError(`a live server (pid ${running.join(', ')}) uses ${dataDir}; stop it first (its clients would merge their state back over the restored one)`);
  fs.mkdirSync(dataDir, { recursive: true });
  const dest = path.join(dataDir, DB_FILE);
  const tmp = dest + '.restoring';
  fs.copyFileSync(src, tmp);
  // The old WAL belongs to the old database: applied to the restored one it would corrupt it.
  for (const ext of ['-wal', '-shm']) fs.rmSync(dest + ext, { force: true });
  fs.renameSync(tmp, dest);
  return rooms;
}
