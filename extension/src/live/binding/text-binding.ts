// Keeps one shared Y.Text and one editor document equal, without the editor's API: the document is
// reached through a DocumentPort, so the same logic runs under VS Code and in the Node tests.
//
// Local changes become one Yjs transaction per change event. Remote changes reach the document
// through asynchronous edits (VS Code's WorkspaceEdit), so no synchronous lock can tell our own
// echo from a user's keystroke (the trick of y-monaco). Instead the binding keeps the remote
// deltas the document has not received yet (`queue`), sends them as one edit, and recognises the
// echo by the text it must produce. A user's change that lands first is carried across the
// queued deltas by operational transform; the editor then rejects the stale edit (it is
// version-checked), and the binding sends the transformed queue again. After a quiet period it
// compares the whole text and repairs any drift, Y.Text being the shared truth.
import * as Y from 'yjs';
import { applyDelta, changesToDelta, composeAll, deltaToChanges, diffChange, transform, type Delta, type TextChange } from './text-delta';

/** The editor document as the binding sees it: text with `\n` line breaks only. */
export interface DocumentPort {
  /** The document's whole text now, line breaks normalised to `\n`. */
  getText(): string;
  /**
   * Replaces ranges of the current text (offsets into getText()) in one edit. Resolves false
   * when the editor refused it (the document changed in the meantime, or was closed).
   */
  applyEdits(changes: TextChange[]): Promise<boolean>;
}

export interface TextBindingOptions {
  /** Transaction origin of the user's edits (an UndoManager tracks it). */
  origin?: unknown;
  /** A viewer's binding: local changes are not shared, and drift is repaired towards the room. */
  readOnly?: boolean;
  /** Quiet time before the whole text is compared. */
  quietMs?: number;
  /** Rejected edits retried in a row before the binding waits for the quiet-period repair. */
  maxRetries?: number;
  log?: (level: 'info' | 'warn', message: string) => void;
}

export interface BindingStats {
  localChanges: number;
  remoteEditsApplied: number;
  echoes: number;
  rejected: number;
  transformed: number;
  driftRepairs: number;
}

/** `\r\n` and lone `\r` become `\n`, one line break for one. */
export function normalizeEol(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export class TextBinding {
  readonly origin: unknown;
  readonly stats: BindingStats = { localChanges: 0, remoteEditsApplied: 0, echoes: 0, rejected: 0, transformed: 0, driftRepairs: 0 };
  /** The document's text as of the last change event the binding saw. */
  private docText: string;
  /** Remote deltas not yet in the document, each applying to the result of the one before. */
  private queue: Delta[] = [];
  private inflight: { count: number; expected: string; stale: boolean; applied: boolean } | undefined;
  private retries = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly observer: (e: Y.YTextEvent, tr: Y.Transaction) => void;
  private idleWaiters: (() => void)[] = [];

  constructor(readonly ytext: Y.Text, private readonly port: DocumentPort, private readonly options: TextBindingOptions = {}) {
    this.origin = options.origin ?? this;
    this.docText = port.getText();
    this.observer = (e, tr) => {
      if (tr.origin === this.origin) return;
      this.queue.push(e.delta as Delta);
      this.flush();
    };
    ytext.observe(this.observer);
    // Whatever differs at the start is a remote state the document has yet to show.
    const initial = diffChange(this.docText, ytext.toString());
    if (initial) {
      this.queue.push(changesToDelta([initial]));
      this.flush();
    }
  }

  get pendingRemote(): number {
    return this.queue.length;
  }

  /** True when the document shows the shared text and no edit is on its way. */
  get idle(): boolean {
    return !this.inflight && this.queue.length === 0;
  }

  /** Resolves when the binding is idle (for tests and for a clean Leave). */
  whenIdle(): Promise<void> {
    if (this.idle || this.disposed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The editor's change event: `changes` are offsets into the text before it, normalised. */
  onDocumentChange(changes: readonly TextChange[]): void {
    if (this.disposed || changes.length === 0) return;
    const delta = changesToDelta(changes.map((c) => ({ ...c, text: normalizeEol(c.text) })));
    const text = applyDelta(this.docText, delta);
    if (this.inflight && !this.inflight.stale && text === this.inflight.expected) {
      // Our own edit coming back.
      this.docText = text;
      this.queue.splice(0, this.inflight.count);
      this.inflight = undefined;
      this.retries = 0;
      this.stats.echoes++;
      this.stats.remoteEditsApplied++;
      // Remote deltas that came while the edit was on its way go next.
      this.flush();
      return;
    }
    if (this.options.readOnly) {
      // Nothing a viewer types is shared; the quiet-period comparison puts the room's text back.
      this.docText = text;
      this.afterChange();
      return;
    }
    const pending = composeAll(this.queue);
    // The user's change, made before the document had the queued remote deltas, is carried
    // across them (remote first at a tie); the queue is carried across the user's change.
    const shared = pending.length ? transform(pending, delta, true) : delta;
    const rest = pending.length ? transform(delta, pending, false) : pending;
    if (pending.length) this.stats.transformed++;
    this.docText = text;
    this.queue = rest.length ? [rest] : [];
    if (this.inflight) {
      // The editor will refuse the edit in flight (it was computed on the older version); its
      // deltas are in `rest` now.
      this.inflight.stale = true;
      this.inflight.count = 0;
    }
    if (shared.length) {
      this.stats.localChanges++;
      this.ytext.doc!.transact(() => this.ytext.applyDelta(shared, { sanitize: false }), this.origin);
    }
    this.afterChange();
  }

  /** Sends the queued remote deltas to the document as one edit, unless one is on its way. */
  private flush(): void {
    if (this.disposed || this.inflight || this.queue.length === 0) {
      this.afterChange();
      return;
    }
    const count = this.queue.length;
    const delta = count === 1 ? this.queue[0] : composeAll(this.queue);
    if (delta.length === 0) {
      this.queue.splice(0, count);
      this.afterChange();
      return;
    }
    const expected = applyDelta(this.docText, delta);
    if (expected === this.docText) {
      this.queue.splice(0, count);
      this.afterChange();
      return;
    }
    const inflight = (this.inflight = { count, expected, stale: false, applied: false });
    this.port.applyEdits(deltaToChanges(delta)).then(
      (ok) => this.settled(inflight, ok),
      (err: unknown) => {
        this.options.log?.('warn', `remote edit failed: ${(err as Error)?.message ?? err}`);
        this.settled(inflight, false);
      },
    );
  }

  private settled(inflight: NonNullable<TextBinding['inflight']>, ok: boolean): void {
    if (this.disposed || this.inflight !== inflight) return;
    if (ok && !inflight.stale) {
      // Applied, and the echo not seen yet (VS Code fires the change event before it answers,
      // so this is another kind of editor): the echo comes next and is matched then. Should it
      // never come, the quiet-period comparison gives up on it.
      inflight.applied = true;
      this.afterChange();
      return;
    }
    if (ok && inflight.stale) {
      // An editor that applied a stale edit anyway: the quiet-period comparison repairs it.
      this.options.log?.('warn', 'a stale remote edit was applied; the text will be compared');
    }
    if (!ok) this.stats.rejected++;
    this.inflight = undefined;
    // Refused because the user typed meanwhile is the expected race; refused for no visible
    // reason, again and again, is not (a closed or read-only document).
    if (!inflight.stale && ++this.retries > (this.options.maxRetries ?? 5)) {
      this.options.log?.('warn', `remote edit refused ${this.retries} times; waiting for a quiet period to repair`);
      this.afterChange();
      return;
    }
    this.flush();
  }

  private afterChange(): void {
    if (this.disposed) return;
    if (this.idle) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.compareWhole(), this.options.quietMs ?? 1500);
    (this.quietTimer as { unref?: () => void }).unref?.();
  }

  /**
   * After a quiet period: the document must show exactly the shared text. If not (an edit lost
   * or applied twice by the editor, a race no event revealed), the document is set to the
   * shared text.
   */
  compareWhole(): boolean {
    if (this.disposed) return false;
    if (this.inflight && !this.inflight.applied) return false;
    this.inflight = undefined;
    const actual = normalizeEol(this.port.getText());
    const shared = this.ytext.toString();
    if (actual === shared && this.queue.length === 0) {
      this.docText = actual;
      this.retries = 0;
      return false;
    }
    const change = diffChange(actual, shared);
    this.docText = actual;
    this.queue = change ? [changesToDelta([change])] : [];
    this.retries = 0;
    if (change) {
      this.stats.driftRepairs++;
      this.options.log?.('warn', `document and room differed (${change.length} characters replaced by ${change.text.length} at ${change.offset}); repaired`);
    }
    this.flush();
    return !!change;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.quietTimer);
    this.ytext.unobserve(this.observer);
    for (const w of this.idleWaiters) w();
    this.idleWaiters = [];
  }
}

