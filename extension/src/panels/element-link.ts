// Between a panel's elements and the text: reveal an element's declaration in the editor, and
// find the element whose declaration is under the cursor. Uses the locations of the model view
// (struktur/modelView), so it needs no request of its own.
import * as vscode from 'vscode';
import type { ModelView } from '../../../language-server/src/shared/model-view';
import type { ElementRef } from '../../../language-server/src/shared/panel-messages';

function locate(view: ModelView, ref: ElementRef) {
  const list = ref.kind === 'member' ? view.members : view.nodes;
  return list.find((e) => e.name === ref.name)?.at;
}

/** Opens the declaring file (in the column it is shown in, else the first), selects the name
 * and reveals it. Returns false when the model has no such element. */
export async function revealElement(view: ModelView, ref: ElementRef, preserveFocus = false): Promise<boolean> {
  const at = locate(view, ref);
  if (!at) return false;
  const uri = vscode.Uri.parse(at.uri);
  const r = at.range;
  const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus, selection });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

// Per view: "uri#line" → element, built once (a 100k-member model is looked up on every cursor move).
const lineIndex = new WeakMap<ModelView, Map<string, ElementRef>>();

function indexOf(view: ModelView): Map<string, ElementRef> {
  let map = lineIndex.get(view);
  if (!map) {
    map = new Map();
    for (const n of view.nodes) map.set(`${n.at.uri}#${n.at.range.start.line}`, { kind: 'node', name: n.name });
    for (const m of view.members) map.set(`${m.at.uri}#${m.at.range.start.line}`, { kind: 'member', name: m.name });
    lineIndex.set(view, map);
  }
  return map;
}

/** The member or node declared on the cursor's line, if any. */
export function elementAt(view: ModelView, uri: vscode.Uri | string, position: vscode.Position | { line: number }): ElementRef | undefined {
  return indexOf(view).get(`${uri.toString()}#${position.line}`);
}
