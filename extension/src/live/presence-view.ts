// How the others show up: their cursors and selections as decorations in their colour with a name
// label, our own unconfirmed edits marked until the server stores them, a participants tree with
// follow mode, and "who is editing" in hovers.
import * as vscode from 'vscode';
import * as Y from 'yjs';
import { fileText, fromSharedSelection, type Participant } from '../../../live/src/client';
import type { LiveSession } from './session';
import { subjectAt } from './subject';

export class PresenceDecorations implements vscode.Disposable {
  private readonly types = new Map<string, { caret: vscode.TextEditorDecorationType; selection: vscode.TextEditorDecorationType }>();
  private readonly unconfirmed = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** What was drawn last, for tests: editor URI → names shown. */
  readonly drawn = new Map<string, string[]>();

  constructor(private readonly session: LiveSession) {
    const soon = () => this.schedule();
    this.disposables.push(session.onDidChange(soon), vscode.window.onDidChangeVisibleTextEditors(soon), vscode.workspace.onDidChangeTextDocument(soon));
    session.client.doc.on('update', soon);
    this.disposables.push(new vscode.Disposable(() => session.client.doc.off('update', soon)));
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, 50);
  }

  private typeFor(color: string) {
    let t = this.types.get(color);
    if (!t) {
      t = {
        caret: vscode.window.createTextEditorDecorationType({
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          before: { contentText: '', border: `1px solid ${color}`, margin: '0 -1px 0 0', height: '1.2em' },
        }),
        selection: vscode.window.createTextEditorDecorationType({ backgroundColor: `${color}40`, overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Center }),
      };
      this.types.set(color, t);
    }
    return t;
  }

  render(): void {
    const others = this.session.client.participants().filter((p) => !p.self && p.file && p.selections?.length);
    for (const editor of vscode.window.visibleTextEditors) {
      const rel = this.session.relOf(editor.document.uri);
      const binding = this.session.bindingOf(editor.document.uri);
      const carets = new Map<string, vscode.DecorationOptions[]>();
      const selections = new Map<string, vscode.DecorationOptions[]>();
      const names: string[] = [];
      if (rel !== undefined && binding?.idle) {
        const ytext = fileText(this.session.client.doc, rel);
        for (const p of others) {
          if (p.file !== rel) continue;
          const color = safeColor(p.user?.color);
          for (const [i, s] of (p.selections ?? []).entries()) {
            const abs = fromSharedSelection(this.session.client.doc, ytext, s);
            if (!abs) continue;
            const head = positionOf(editor.document, ytext.toString(), abs.head);
            const anchor = positionOf(editor.document, ytext.toString(), abs.anchor);
            const name = p.user?.name ?? 'someone';
            (carets.get(color) ?? carets.set(color, []).get(color)!).push({
              range: new vscode.Range(head, head),
              hoverMessage: `${name}${p.role === 'viewer' ? ' (viewer)' : ''}`,
              renderOptions: i === 0 ? { after: { contentText: ` ${name} `, backgroundColor: color, color: '#ffffff', fontWeight: '600', margin: '0 0 0 1px' } } : undefined,
            });
            if (!head.isEqual(anchor)) (selections.get(color) ?? selections.set(color, []).get(color)!).push({ range: new vscode.Range(anchor, head) });
            if (i === 0) names.push(name);
          }
        }
      }
      for (const [color, t] of this.types) {
        editor.setDecorations(t.caret, carets.get(color) ?? []);
        editor.setDecorations(t.selection, selections.get(color) ?? []);
      }
      for (const [color, list] of carets) {
        const t = this.typeFor(color);
        editor.setDecorations(t.caret, list);
        editor.setDecorations(t.selection, selections.get(color) ?? []);
      }
      this.drawn.set(editor.document.uri.toString(), names);
      // Our own edits the server has not stored yet.
      const marks: vscode.DecorationOptions[] = [];
      if (rel !== undefined && binding?.idle) {
        const ytext = fileText(this.session.client.doc, rel);
        for (const r of this.session.unconfirmedRanges.get(rel) ?? []) {
          const a = Y.createAbsolutePositionFromRelativePosition(r.start, this.session.client.doc);
          const b = Y.createAbsolutePositionFromRelativePosition(r.end, this.session.client.doc);
          if (!a || !b) continue;
          const text = ytext.toString();
          const start = positionOf(editor.document, text, a.index);
          const end = positionOf(editor.document, text, Math.max(a.index, b.index));
          marks.push({ range: new vscode.Range(start, end.isEqual(start) ? start.translate(0, 0) : end), hoverMessage: 'Not yet stored by the live server' });
        }
      }
      editor.setDecorations(this.unconfirmed, marks);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const t of this.types.values()) {
      t.caret.dispose();
      t.selection.dispose();
    }
    this.unconfirmed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function positionOf(doc: vscode.TextDocument, text: string, offset: number): vscode.Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return doc.validatePosition(new vscode.Position(line, offset - start));
}

/** The 1-based line of a participant's cursor in their file now (their selections are relative
 * positions, so this follows everyone's edits). */
function cursorLine(session: LiveSession, p: Participant): number | undefined {
  const s = p.file ? p.selections?.[0] : undefined;
  if (!s || !session.files.has(p.file!)) return undefined;
  const ytext = fileText(session.client.doc, p.file!);
  const abs = fromSharedSelection(session.client.doc, ytext, s);
  if (!abs) return undefined;
  const text = ytext.toString();
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < abs.head; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function safeColor(c: string | undefined): string {
  return c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#3b82f6';
}

type Item = { participant: Participant };

export class ParticipantsView implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private session: LiveSession | undefined;
  private sub: vscode.Disposable | undefined;
  /** The awareness client id we follow, if any. */
  following: number | undefined;

  setSession(s: LiveSession | undefined): void {
    this.sub?.dispose();
    this.session = s;
    this.following = undefined;
    this.sub = s?.onDidChange(() => {
      this.changed.fire();
      void this.follow();
    });
    this.changed.fire();
  }

  getChildren(): Item[] {
    return this.session?.client.participants().filter((p) => p.user).map((participant) => ({ participant })) ?? [];
  }

  getTreeItem({ participant: p }: Item): vscode.TreeItem {
    const item = new vscode.TreeItem(`${p.user?.name ?? '?'}${p.self ? ' (you)' : ''}`);
    const line = this.session ? cursorLine(this.session, p) : undefined;
    const where = p.file ? `${p.file}${line !== undefined ? `:${line}` : p.visible ? `:${p.visible[0] + 1}` : ''}` : 'not in a shared file';
    item.description = [p.role ?? (p.self ? this.session?.role : undefined), where, p.editing ? `${p.editing.kind} ${p.editing.name}` : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.following === p.clientId ? 'eye' : 'account', new vscode.ThemeColor(p.self ? 'foreground' : 'charts.blue'));
    item.tooltip = `${p.user?.name} — ${item.description}`;
    item.contextValue = p.self ? 'self' : 'participant';
    if (!p.self) item.command = { command: 'struktur.live.follow', title: 'Follow', arguments: [p.clientId] };
    return item;
  }

  /** Follow mode: show what the followed participant looks at. */
  async follow(clientId?: number): Promise<void> {
    if (clientId !== undefined) {
      this.following = this.following === clientId ? undefined : clientId;
      this.changed.fire();
    }
    const s = this.session;
    if (!s || this.following === undefined) return;
    const p = s.client.participants().find((x) => x.clientId === this.following);
    if (!p) {
      this.following = undefined;
      return;
    }
    const uri = p.file ? s.files.get(p.file) : undefined;
    if (!uri) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) ?? (await vscode.window.showTextDocument(uri, { preserveFocus: true, preview: false }));
    if (p.visible) editor.revealRange(new vscode.Range(p.visible[0], 0, p.visible[1], 0), vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    this.sub?.dispose();
    this.changed.dispose();
  }
}

/** "Ada is editing member B1" on the line of that member or load case. */
export function whoIsEditing(session: LiveSession, document: vscode.TextDocument, line: number): string | undefined {
  const rel = session.relOf(document.uri);
  if (rel === undefined) return undefined;
  const subject = subjectAt(document.getText().split(/\r?\n/), line);
  if (!subject) return undefined;
  const who = session.client.participants().filter((p) => !p.self && p.file === rel && p.editing?.kind === subject.kind && p.editing?.name === subject.name);
  if (!who.length) return undefined;
  return `${who.map((p) => p.user?.name ?? 'someone').join(', ')} ${who.length === 1 ? 'is' : 'are'} editing ${subject.kind} ${subject.name}`;
}
