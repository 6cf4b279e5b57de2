// The selected element, shared by the panels and the editor: a click in the 3D view selects the
// member in the dashboard, the cursor on a declaration selects it in both. One per extension.
import * as vscode from 'vscode';
import { sameElement, type ElementRef } from '../../../language-server/src/shared/panel-messages';

export interface SelectionChange {
  /** The model's root file. */
  model: string;
  element: ElementRef | null;
  /** Who changed it: 'editor' or the panel's id. */
  source: string;
}

export class SelectionHub implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SelectionChange>();
  private readonly current = new Map<string, ElementRef | null>();
  readonly onDidChange = this.emitter.event;

  get(model: string): ElementRef | null {
    return this.current.get(model) ?? null;
  }

  set(change: SelectionChange): void {
    if (sameElement(this.get(change.model), change.element)) return;
    this.current.set(change.model, change.element);
    this.emitter.fire(change);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
