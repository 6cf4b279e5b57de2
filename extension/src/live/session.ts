// One live session in VS Code: the connection (LiveClient), the shared files mapped to documents —
// the host's own files, or a guest's `struktur-live:` copies — a TextBinding per open document,
// an UndoManager per file that undoes only our edits, and our presence (file, selections, visible
// lines, what we edit) sent at most ten times a second.
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as Y from 'yjs';
import { LiveClient, entryFile, fileText, listFiles, seedRoom, addFile, toSharedSelection, readModel3dSelection, type Model3dElement, type Participant, type SeedFile } from '../../../live/src/client';
import { FILES_MAP, SESSION_MAP, isSafeRelativePath } from '../../../live/src/protocol';
import { TextBinding } from './binding/text-binding';
import { TextDocumentPort } from './document-port';
import { LiveFileSystem } from './live-file-system';
import { subjectAt } from './subject';

export type SessionKind = 'host' | 'guest';

interface Bound {
  rel: string;
  document: vscode.TextDocument;
  port: TextDocumentPort;
  binding: TextBinding;
}

/** Another participant's selection in the 3D view of a shared model (model3d-link.ts carries it
 * to the 3D panels; docs/live-sessions.md). */
export interface Model3dSelection {
  participant: Participant;
  /** The shared file (relative path) of the model's root. */
  file: string;
  elements: Model3dElement[];
}

const INCLUDE_RE = /^[ \t]*include[ \t]+"((?:[^"\\\n]|\\.)*)"/gm;

export class LiveSession implements vscode.Disposable {
  readonly files = new Map<string, vscode.Uri>();
  private readonly bound = new Map<string, Bound>();
  private readonly undo = new Map<string, Y.UndoManager>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Fires when participants, their presence or the connection change. */
  readonly onDidChange = this.changedEmitter.event;
  private readonly model3dEmitter = new vscode.EventEmitter<Model3dSelection[]>();
  /** Each participant's selection in the 3D view, whenever one changes. */
  readonly onDidChangeModel3dSelections = this.model3dEmitter.event;
  /** Our edits the server has not confirmed yet: file → relative ranges. */
  readonly unconfirmedRanges = new Map<string, { start: Y.RelativePosition; end: Y.RelativePosition }[]>();
  private disposed = false;
  private ended = false;
  private readonly binding = new Set<string>();
  readonly origin = { live: 'local-editor' };

  constructor(
    readonly kind: SessionKind,
    readonly id: string,
    readonly client: LiveClient,
    readonly label: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly hostFolder?: vscode.Uri,
  ) {
    const doc = client.doc;
    this.disposables.push(this.changedEmitter, this.model3dEmitter);
    client.on('participants', (ps) => {
      this.changedEmitter.fire();
      this.model3dEmitter.fire(this.model3dSelections(ps));
    });
    client.on('state', () => this.changedEmitter.fire());
    client.on('unconfirmed', (n) => {
      if (n === 0) this.unconfirmedRanges.clear();
      this.changedEmitter.fire();
    });
    const filesMap = doc.getMap(FILES_MAP);
    const onFiles = () => void this.syncFiles();
    filesMap.observe(onFiles);
    this.disposables.push(new vscode.Disposable(() => filesMap.unobserve(onFiles)));
    const onEnded = () => {
      if (doc.getMap(SESSION_MAP).get('ended') === true && this.kind === 'guest' && !this.ended) {
        this.ended = true;
        void vscode.window.showInformationMessage(`Struktur: the host ended the live session on ${this.label}. Your copies stay open; Save As keeps one.`);
        void vscode.commands.executeCommand('struktur.live.leave');
      }
    };
    doc.getMap(SESSION_MAP).observe(onEnded);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.bindIfShared(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const b = this.bound.get(e.document.uri.toString());
        if (b) b.binding.onDocumentChange(b.port.changesOf(e));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClosed(d)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.publishPresence(e.textEditor)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.publishPresence(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.publishPresence(e)),
    );
  }

  get role() {
    return this.client.role;
  }

  /** The relative path of a document of the session, if it is one. */
  relOf(uri: vscode.Uri): string | undefined {
    const key = uri.toString();
    for (const [rel, u] of this.files) if (u.toString() === key) return rel;
    return undefined;
  }

  bindingOf(uri: vscode.Uri): TextBinding | undefined {
    return this.bound.get(uri.toString())?.binding;
  }

  undoManagerOf(uri: vscode.Uri): Y.UndoManager | undefined {
    const rel = this.relOf(uri);
    return rel === undefined ? undefined : this.undo.get(rel);
  }

  /** Host: connects, seeds a new room from the model's files, and binds them. */
  async host(entry: vscode.Uri): Promise<void> {
    const folder = vscode.Uri.joinPath(entry, '..');
    const files = await collectModelFiles(entry);
    for (const f of files) this.files.set(f.path, vscode.Uri.joinPath(folder, f.path));
    const { seed } = await this.client.connect();
    if (seed) {
      seedRoom(this.client.doc, files[0].path, files, this.origin);
      this.log.info(`live: seeded room ${this.client.role} with ${files.map((f) => f.path).join(', ')}`);
    } else {
      // The room has a state (a restarted session): it wins; our files show it once bound.
      for (const f of files) if (!listFiles(this.client.doc).includes(f.path)) addFile(this.client.doc, f.path, f.text, this.origin);
      this.log.info('live: the room already had a state; the documents now show it');
    }
    await this.syncFiles();
    this.publishPresence(vscode.window.activeTextEditor);
  }

  /** Guest: connects, waits for the files, opens and binds them, shows the main file. */
  async join(fs: LiveFileSystem): Promise<vscode.Uri> {
    const client = this.client;
    this.disposables.push(fs.attach(this.id, {
      list: () => listFiles(client.doc),
      read: (p) => (listFiles(client.doc).includes(p) ? fileText(client.doc, p).toString() : undefined),
      // Known once authenticated, before any file is opened.
      get readOnly() {
        return client.role === 'viewer';
      },
    }));
    await this.client.connect();
    const deadline = Date.now() + 15000;
    while (!entryFile(this.client.doc)) {
      if (Date.now() > deadline) throw new Error('the room holds no model yet (the host has not shared one)');
      await new Promise<void>((r) => {
        const off = () => {
          this.client.doc.off('update', off);
          clearTimeout(t);
          r();
        };
        const t = setTimeout(off, 500);
        this.client.doc.on('update', off);
      });
    }
    await this.syncFiles();
    const entry = this.files.get(entryFile(this.client.doc)!)!;
    await vscode.window.showTextDocument(entry, { preview: false });
    this.publishPresence(vscode.window.activeTextEditor);
    return entry;
  }

  /** Makes the file list match the room: new files are mapped, opened and bound. */
  private async syncFiles(): Promise<void> {
    if (this.disposed) return;
    for (const rel of listFiles(this.client.doc)) {
      if (!this.files.has(rel)) {
        if (this.kind === 'guest') this.files.set(rel, LiveFileSystem.uri(this.id, rel));
        else if (this.hostFolder && isSafeRelativePath(rel)) this.files.set(rel, vscode.Uri.joinPath(this.hostFolder, rel));
        else continue;
      }
      if (!this.undo.has(rel)) this.undo.set(rel, new Y.UndoManager(fileText(this.client.doc, rel), { trackedOrigins: new Set([this.origin]), captureTimeout: 500 }));
      await this.ensureBound(rel);
    }
  }

  private async ensureBound(rel: string): Promise<void> {
    const uri = this.files.get(rel);
    if (!uri || this.disposed || this.bound.has(uri.toString()) || this.binding.has(rel)) return;
    this.binding.add(rel);
    try {
      // Opening (without showing) keeps the document with the language server, so an included
      // file is analysed with the model, and remote edits land in it.
      const doc = await vscode.workspace.openTextDocument(uri);
      this.bindIfShared(doc);
    } catch (err) {
      this.log.warn(`live: cannot open ${uri.toString()}: ${(err as Error).message}`);
    } finally {
      this.binding.delete(rel);
    }
  }

  private bindIfShared(document: vscode.TextDocument): void {
    if (this.disposed) return;
    const rel = this.relOf(document.uri);
    const key = document.uri.toString();
    if (rel === undefined || this.bound.has(key) || !listFiles(this.client.doc).includes(rel)) return;
    const ytext = fileText(this.client.doc, rel);
    const port = new TextDocumentPort(document);
    const binding = new TextBinding(ytext, port, {
      origin: this.origin,
      readOnly: this.client.role === 'viewer',
      log: (level, message) => this.log[level](`live ${rel}: ${message}`),
    });
    const marks = (e: Y.YTextEvent, tr: Y.Transaction) => {
      if (tr.origin !== this.origin || this.client.unconfirmed === 0) return;
      let at = 0;
      const list = this.unconfirmedRanges.get(rel) ?? [];
      for (const op of e.delta) {
        if (op.retain) at += op.retain;
        else if (typeof op.insert === 'string') {
          list.push({ start: Y.createRelativePositionFromTypeIndex(ytext, at), end: Y.createRelativePositionFromTypeIndex(ytext, at + op.insert.length, -1) });
          at += op.insert.length;
        } else if (op.delete) list.push({ start: Y.createRelativePositionFromTypeIndex(ytext, at), end: Y.createRelativePositionFromTypeIndex(ytext, at, -1) });
      }
      this.unconfirmedRanges.set(rel, list.slice(-200));
    };
    ytext.observe(marks);
    this.bound.set(key, { rel, document, port, binding });
    this.disposables.push(new vscode.Disposable(() => ytext.unobserve(marks)));
    this.changedEmitter.fire();
  }

  private onClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const b = this.bound.get(key);
    if (!b) return;
    b.binding.dispose();
    this.bound.delete(key);
    // VS Code lets go of documents no editor shows; a shared one is opened again, so remote edits
    // keep landing and the language server keeps seeing every file of the model.
    if (!this.disposed) setTimeout(() => void this.ensureBound(b.rel), 0);
  }

  /** Our presence from an editor: its file, selections and visible lines, and what the cursor is in. */
  publishPresence(editor: vscode.TextEditor | undefined): void {
    if (this.disposed || !editor) return;
    const b = this.bound.get(editor.document.uri.toString());
    if (!b) {
      this.client.setPresence({ file: null, selections: [], visible: null, editing: null });
      return;
    }
    const ytext = fileText(this.client.doc, b.rel);
    if (ytext.toString() !== b.port.getText()) return; // a remote edit is on its way; positions would be off
    const selections = editor.selections.map((s) => toSharedSelection(ytext, b.port.offsetAt(s.anchor), b.port.offsetAt(s.active)));
    const visible = editor.visibleRanges[0];
    const lines = b.port.getText().split('\n');
    this.client.setPresence({
      file: b.rel,
      selections,
      visible: visible ? [visible.start.line, visible.end.line] : null,
      editing: subjectAt(lines, editor.selection.active.line),
    });
  }

  /** The others' selections in 3D views (well-formed ones only: presence comes from peers). */
  model3dSelections(ps: Participant[] = this.client.participants()): Model3dSelection[] {
    const out: Model3dSelection[] = [];
    for (const p of ps) {
      const s = p.self ? undefined : readModel3dSelection(p);
      if (s) out.push({ participant: p, ...s });
    }
    return out;
  }

  /** For the 3D view: what we selected there, in the model whose root is the shared `file`
   * (null: our 3D view shows no shared model, or nothing). */
  setModel3dSelection(file: string | null, elements: Model3dElement[]): void {
    this.client.setPresence({ model3dFile: elements.length ? file : null, model3dSelection: file ? elements : [] });
  }

  /** Waits until every bound document shows the room's text. */
  async whenIdle(): Promise<void> {
    await Promise.all([...this.bound.values()].map((b) => b.binding.whenIdle()));
  }

  /** Host: marks the room as ended for the guests (before leaving). */
  markEnded(): void {
    this.client.doc.transact(() => this.client.doc.getMap(SESSION_MAP).set('ended', true), this.origin);
  }

  boundDocuments(): vscode.TextDocument[] {
    return [...this.bound.values()].map((b) => b.document);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const b of this.bound.values()) b.binding.dispose();
    this.bound.clear();
    for (const u of this.undo.values()) u.destroy();
    this.undo.clear();
    this.client.destroy();
    for (const d of this.disposables) d.dispose();
  }
}

/** The model's main file and the files it includes (transitively), inside the main file's folder. */
export async function collectModelFiles(entry: vscode.Uri): Promise<SeedFile[]> {
  const folder = vscode.Uri.joinPath(entry, '..');
  const out: SeedFile[] = [];
  const seen = new Set<string>();
  const queue = [path.posix.basename(entry.path)];
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const uri = vscode.Uri.joinPath(folder, rel);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      if (out.length === 0) throw new Error(`cannot read ${uri.fsPath}`);
      continue; // a missing include: the language server reports it
    }
    out.push({ path: rel, text });
    for (const m of text.matchAll(INCLUDE_RE)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1].replace(/\\(["\\])/g, '$1').replace(/\\/g, '/')));
      if (isSafeRelativePath(target)) queue.push(target);
    }
  }
  return out;
}
