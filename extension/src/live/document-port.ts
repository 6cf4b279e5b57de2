// The DocumentPort of a VS Code TextDocument: the binding works on text with `\n` line breaks;
// a CRLF document's offsets differ by one per line break before them, and VS Code keeps every
// document's line breaks uniform, so the conversion is exact. Remote edits go through
// WorkspaceEdits, which VS Code refuses when the document changed since (version-checked).
import * as vscode from 'vscode';
import { normalizeEol, type DocumentPort } from './binding/text-binding';
import type { TextChange } from './binding/text-delta';

export class TextDocumentPort implements DocumentPort {
  constructor(readonly document: vscode.TextDocument) {}

  getText(): string {
    return normalizeEol(this.document.getText());
  }

  applyEdits(changes: TextChange[]): Promise<boolean> {
    const text = this.getText();
    const starts = lineStarts(text);
    const at = (offset: number) => {
      const line = lineOf(starts, offset);
      return new vscode.Position(line, offset - starts[line]);
    };
    const edit = new vscode.WorkspaceEdit();
    for (const c of changes) edit.replace(this.document.uri, new vscode.Range(at(c.offset), at(c.offset + c.length)), c.text);
    return Promise.resolve(vscode.workspace.applyEdit(edit));
  }

  /** A change event's changes as offsets into the normalised text before it. */
  changesOf(e: vscode.TextDocumentChangeEvent): TextChange[] {
    const crlf = this.document.eol === vscode.EndOfLine.CRLF;
    return e.contentChanges.map((c) => ({
      offset: c.rangeOffset - (crlf ? c.range.start.line : 0),
      length: c.rangeLength - (crlf ? c.range.end.line - c.range.start.line : 0),
      text: c.text,
    }));
  }

  /** The normalised offset of a position of the document now. */
  offsetAt(p: vscode.Position): number {
    return this.document.offsetAt(p) - (this.document.eol === vscode.EndOfLine.CRLF ? p.line : 0);
  }

  /** The position of a normalised offset in the document now. */
  positionAt(offset: number): vscode.Position {
    const text = this.getText();
    const starts = lineStarts(text);
    const o = Math.max(0, Math.min(offset, text.length));
    const line = lineOf(starts, o);
    return new vscode.Position(line, o - starts[line]);
  }
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
