// `struktur-live://SESSION/PATH`: a guest's copies of the shared files. Reads answer the room's
// current text, so a document opened (or re-opened) shows what the room holds; the binding then
// keeps it in step. A save is accepted and changes nothing — the text is shared already — and a
// viewer's files are read-only. After the session, the last texts stay readable, so nothing a guest
// had open vanishes; Save As keeps a local copy.
import * as vscode from 'vscode';

export const LIVE_SCHEME = 'struktur-live';

export interface LiveFileSource {
  /** Relative paths of the files. */
  list(): string[];
  read(path: string): string | undefined;
  readonly readOnly: boolean;
}

export class LiveFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly sources = new Map<string, LiveFileSource>();
  private readonly mtimes = new Map<string, number>();

  /** Serves the files of a session under `struktur-live://id/`. */
  attach(id: string, source: LiveFileSource): vscode.Disposable {
    this.sources.set(id, source);
    return new vscode.Disposable(() => {
      // Keep the last texts readable after the session (a snapshot, read-only).
      const snapshot = new Map(source.list().map((p) => [p, source.read(p) ?? '']));
      this.sources.set(id, { list: () => [...snapshot.keys()], read: (p) => snapshot.get(p), readOnly: true });
    });
  }

  static uri(id: string, path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: LIVE_SCHEME, authority: id, path: '/' + path });
  }

  static pathOf(uri: vscode.Uri): string {
    return uri.path.replace(/^\/+/, '');
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const src = this.source(uri);
    const p = LiveFileSystem.pathOf(uri);
    const files = src.list();
    const key = uri.toString();
    if (!this.mtimes.has(key)) this.mtimes.set(key, Date.now());
    const permissions = src.readOnly ? vscode.FilePermission.Readonly : undefined;
    if (files.includes(p)) return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.get(key)!, size: Buffer.byteLength(src.read(p) ?? ''), permissions };
    if (p === '' || files.some((f) => f.startsWith(p + '/'))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const src = this.source(uri);
    const dir = LiveFileSystem.pathOf(uri);
    const prefix = dir ? dir + '/' : '';
    const out = new Map<string, vscode.FileType>();
    for (const f of src.list()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length).split('/');
      out.set(rest[0], rest.length > 1 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...out];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const text = this.source(uri).read(LiveFileSystem.pathOf(uri));
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return Buffer.from(text, 'utf8');
  }

  writeFile(uri: vscode.Uri): void {
    const src = this.source(uri);
    if (src.readOnly) throw vscode.FileSystemError.NoPermissions('this live session is read-only for you');
    if (src.read(LiveFileSystem.pathOf(uri)) === undefined) throw vscode.FileSystemError.NoPermissions('new files cannot be added to a live session from a guest');
    this.mtimes.set(uri.toString(), Date.now());
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private source(uri: vscode.Uri): LiveFileSource {
    const s = this.sources.get(uri.authority);
    if (!s) throw vscode.FileSystemError.Unavailable(`no live session ${uri.authority}`);
    return s;
  }
}
