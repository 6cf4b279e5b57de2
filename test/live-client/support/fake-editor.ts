// An editor document as VS Code presents one to an extension, for the binding tests: edits from
// the extension are asynchronous and version-checked (a WorkspaceEdit computed on an older
// version is refused), the change event fires before the edit's promise settles, and the user
// can type at any moment in between.
import type { DocumentPort } from '../../../extension/src/live/binding/text-binding';
import type { TextChange } from '../../../extension/src/live/binding/text-delta';

export class FakeEditor implements DocumentPort {
  version = 1;
  private listeners: ((changes: TextChange[]) => void)[] = [];
  /** Edits the extension asked for that the "main thread" has not applied yet. */
  private readonly queued: { changes: TextChange[]; version: number; resolve: (ok: boolean) => void }[] = [];
  /** When set, an edit is applied even if the document changed (an editor without version checks). */
  ignoreVersions = false;
  /** When set, the next applied edit is silently lost (drift for the repair to find). */
  loseNextEdit = false;
  applied = 0;

  constructor(private text: string) {}

  getText(): string {
    return this.text;
  }

  onDidChange(fn: (changes: TextChange[]) => void): void {
    this.listeners.push(fn);
  }

  applyEdits(changes: TextChange[]): Promise<boolean> {
    return new Promise((resolve) => this.queued.push({ changes, version: this.version, resolve }));
  }

  /** How many extension edits wait for the main thread. */
  get backlog(): number {
    return this.queued.length;
  }

  /** The main thread applies the oldest waiting edit (or refuses it). */
  processOne(): boolean {
    const e = this.queued.shift();
    if (!e) return false;
    if (e.version !== this.version && !this.ignoreVersions) {
      e.resolve(false);
      return true;
    }
    if (this.loseNextEdit) {
      this.loseNextEdit = false;
      e.resolve(true);
      return true;
    }
    this.applied++;
    this.change(e.changes);
    e.resolve(true);
    return true;
  }

  /** The user types: applied at once, event fired. */
  type(offset: number, length: number, text: string): void {
    this.change([{ offset, length, text }]);
  }

  /** Changes the text without telling anyone (what a lost event would look like). */
  tamper(text: string): void {
    this.text = text;
    this.version++;
  }

  private change(changes: TextChange[]): void {
    // All offsets refer to the text before the event; apply from the end.
    let t = this.text;
    for (const c of [...changes].sort((a, b) => b.offset - a.offset)) t = t.slice(0, c.offset) + c.text + t.slice(c.offset + c.length);
    this.text = t;
    this.version++;
    for (const l of this.listeners) l(changes);
  }
}

/** Lets promise callbacks and timers of zero delay run. */
export function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
