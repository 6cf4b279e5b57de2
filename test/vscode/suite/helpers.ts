// Helpers for the suites that run inside the extension host of a real workbench. Nothing here
// sleeps: `until` re-checks a condition when a workbench event fires, and on a short poll, until
// a deadline.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StrukturApi } from '../../../extension/src/extension';

export const EXTENSION_ID = 'struktur.struktur';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the workbench has no folder open');
  return folder.uri.fsPath;
}

export function workspaceUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

export function writeWorkspaceFile(rel: string, text: string): vscode.Uri {
  const file = path.join(workspaceRoot(), rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

export function extension(): vscode.Extension<StrukturApi> {
  const ext = vscode.extensions.getExtension<StrukturApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

export async function api(): Promise<StrukturApi> {
  return extension().activate();
}

/**
 * Resolves with the first truthy value of `check()`, evaluated now, whenever one of `events`
 * fires, and every `pollMs` (for state that has no event); rejects at the deadline with `what`
 * and the last value seen.
 */
export function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, opts: { events?: vscode.Event<unknown>[]; timeoutMs?: number; pollMs?: number } = {}): Promise<T> {
  const { events = [], timeoutMs = 45000, pollMs = 100 } = opts;
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    let settled = false;
    let busy = false;
    let last: unknown;
    const finish = (err: Error | undefined, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(poll);
      for (const s of subs) s.dispose();
      if (err) reject(err);
      else resolve(value as T);
    };
    const evaluate = async () => {
      if (settled || busy) return;
      busy = true;
      try {
        const v = await check();
        last = v;
        if (v) finish(undefined, v as T);
      } catch (err) {
        last = err;
      } finally {
        busy = false;
      }
    };
    const deadline = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`)), timeoutMs);
    const poll = setInterval(() => void evaluate(), pollMs);
    for (const e of events) subs.push(e(() => void evaluate()));
    void evaluate();
  });
}

function describe(v: unknown): string {
  if (v instanceof Error) return v.message;
  try {
    return JSON.stringify(v)?.slice(0, 500) ?? String(v);
  } catch {
    return String(v);
  }
}

export function diagnostics(uri: vscode.Uri, source = 'struktur'): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

/** Waits until the language server's diagnostics of `uri` satisfy `ok`. */
export function diagnosticsWhere(uri: vscode.Uri, what: string, ok: (d: vscode.Diagnostic[]) => boolean, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return until(`diagnostics of ${path.basename(uri.fsPath)}: ${what}`, () => {
    const d = diagnostics(uri);
    return ok(d) ? d : undefined;
  }, { events: [vscode.languages.onDidChangeDiagnostics], timeoutMs });
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Waits for the server's analysis of the model of `uri` to reach `state`. */
export async function analysisState(uri: vscode.Uri, states: string[], timeoutMs?: number) {
  const a = await api();
  return until(`analysis of ${path.basename(uri.fsPath)} in ${states.join('|')}`, () => {
    const s = a.analysisStatus(uri);
    return s && states.includes(s.state) ? s : undefined;
  }, { events: [a.onDidChangeStatus], timeoutMs });
}

/** Waits until the status bar item (as the extension set it) matches. */
export async function statusText(pattern: RegExp, timeoutMs?: number): Promise<string> {
  const a = await api();
  return until(`status bar text ${pattern}`, () => (pattern.test(a.status.text) ? a.status.text : undefined), { events: [a.onDidChangeStatus], timeoutMs });
}

export async function replaceAll(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const ok = await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
  assert.ok(ok, 'edit was not applied');
}

/** The position of the `offset`-th character after the `occurrence`-th `needle` in `doc`. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${i}) not in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(at + offset);
}

export async function closeAllEditors(): Promise<void> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
  if (dirty.length) console.log(`closing editors with dirty documents: ${dirty.join(', ')}`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
