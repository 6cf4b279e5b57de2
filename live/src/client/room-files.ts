// The shared model in its Y.Doc, as the protocol lays it out (live/src/protocol/document-layout):
// the `files` map lists relative paths, `file:PATH` holds each text, `session.entry` names the
// main file. Seeding happens once, by the one client the server allows, in one transaction.
import * as Y from 'yjs';
import { FILES_MAP, SESSION_MAP, fileTextName, isSafeRelativePath, type FileEntry } from '../protocol';

export interface SeedFile {
  path: string;
  text: string;
}

/** The relative paths of the shared files, sorted. */
export function listFiles(doc: Y.Doc): string[] {
  return [...doc.getMap<FileEntry>(FILES_MAP).keys()].filter(isSafeRelativePath).sort();
}

/** The main model file's relative path, if the room has one. */
export function entryFile(doc: Y.Doc): string | undefined {
  const e = doc.getMap<string>(SESSION_MAP).get('entry');
  return typeof e === 'string' && isSafeRelativePath(e) ? e : undefined;
}

export function fileText(doc: Y.Doc, path: string): Y.Text {
  return doc.getText(fileTextName(path));
}

/**
 * Fills an empty room with the model's files. Only for the client whose AUTH_OK said `seed`:
 * every other client takes the room's state as it is. Throws on a path that is not a safe
 * relative path, and when the room already has files (never seed over a state).
 */
export function seedRoom(doc: Y.Doc, entry: string, files: SeedFile[], origin?: unknown): void {
  for (const f of files) if (!isSafeRelativePath(f.path)) throw new Error(`cannot share "${f.path}": not a relative path inside the model's folder`);
  if (!files.some((f) => f.path === entry)) throw new Error(`the main file ${entry} is not among the shared files`);
  if (listFiles(doc).length > 0) throw new Error('the room already holds a model; it is not seeded again');
  doc.transact(() => {
    const map = doc.getMap<FileEntry>(FILES_MAP);
    for (const f of files) {
      fileText(doc, f.path).insert(0, f.text.replace(/\r\n?/g, '\n'));
      map.set(f.path, { kind: 'text' });
    }
    doc.getMap<string>(SESSION_MAP).set('entry', entry);
  }, origin);
}

/** Adds one file to a room already in use (a host who opens another included file). */
export function addFile(doc: Y.Doc, path: string, text: string, origin?: unknown): boolean {
  if (!isSafeRelativePath(path)) throw new Error(`cannot share "${path}": not a relative path inside the model's folder`);
  const map = doc.getMap<FileEntry>(FILES_MAP);
  if (map.has(path)) return false;
  doc.transact(() => {
    fileText(doc, path).insert(0, text.replace(/\r\n?/g, '\n'));
    map.set(path, { kind: 'text' });
  }, origin);
  return true;
}
