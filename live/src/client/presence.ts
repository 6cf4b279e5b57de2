// What each participant tells the others through awareness, and the throttle that keeps it to
// about ten updates a second however fast the cursor moves.
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { LiveUser, Role } from '../protocol';

/** A selection in one shared file, as Yjs relative positions (they survive concurrent edits). */
export interface SharedSelection {
  /** Where the selection started (JSON of a Y.RelativePosition). */
  anchor: unknown;
  /** Where the cursor is. */
  head: unknown;
}

/** One participant's awareness state. The server replaces `user` by the identity of the token. */
export interface Presence {
  user?: LiveUser;
  role?: Role;
  /** The shared file this participant looks at (relative path), if any. */
  file?: string | null;
  /** Their selections in `file` (the first holds the primary cursor). */
  selections?: SharedSelection[];
  /** The visible lines of `file`, for follow mode: [first, last], 0-based. */
  visible?: [number, number] | null;
  /** The model whose 3D view `model3dSelection` is in: the shared file of its root (relative
   * path), or null when their 3D view shows no shared model. */
  model3dFile?: string | null;
  /** What they selected in that 3D view, for the others' 3D views to show in their colour.
   * Kinds are needed: a node and a member may share a name. */
  model3dSelection?: Model3dElement[];
  /** The member or load case their cursor is in, for "who is editing" hovers. */
  editing?: { kind: string; name: string } | null;
}

/** A member or node of a model (the same shape as the panels' ElementRef, which live/ cannot import). */
export interface Model3dElement {
  kind: 'member' | 'node';
  name: string;
}

export interface Participant extends Presence {
  /** Awareness client id. */
  clientId: number;
  /** Whether this is us. */
  self: boolean;
}

/** A selection in `ytext` between offsets, as relative positions. */
export function toSharedSelection(ytext: Y.Text, anchor: number, head: number): SharedSelection {
  return {
    anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, anchor)),
    head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, head)),
  };
}

/** The offsets of a shared selection now, or undefined when it is not in `ytext` (any more). */
export function fromSharedSelection(doc: Y.Doc, ytext: Y.Text, s: SharedSelection): { anchor: number; head: number } | undefined {
  const abs = (j: unknown) => {
    try {
      const p = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(j), doc);
      return p && p.type === ytext ? p.index : undefined;
    } catch {
      return undefined; // a malformed position from a peer
    }
  };
  const anchor = abs(s.anchor);
  const head = abs(s.head);
  return anchor === undefined || head === undefined ? undefined : { anchor, head };
}

/** Longest element name taken from a peer (the language's names are far shorter). */
const MAX_NAME = 200;
/** Most elements taken from one peer's 3D selection. */
export const MAX_MODEL3D_ELEMENTS = 500;

/** A participant's 3D selection as it can be trusted: the file a string, the elements well formed
 * (anything else a peer sent is dropped), or undefined when there is none. */
export function readModel3dSelection(p: Presence): { file: string; elements: Model3dElement[] } | undefined {
  if (typeof p.model3dFile !== 'string' || !p.model3dFile || !Array.isArray(p.model3dSelection)) return undefined;
  const elements: Model3dElement[] = [];
  const seen = new Set<string>();
  for (const e of p.model3dSelection as unknown[]) {
    if (elements.length >= MAX_MODEL3D_ELEMENTS) break;
    const { kind, name } = (e ?? {}) as { kind?: unknown; name?: unknown };
    if ((kind !== 'member' && kind !== 'node') || typeof name !== 'string' || !name || name.length > MAX_NAME) continue;
    const key = `${kind}:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    elements.push({ kind, name });
  }
  return elements.length ? { file: p.model3dFile, elements } : undefined;
}

/** Merges presence changes and writes them to awareness at most once per `intervalMs`. */
export class PresenceThrottle {
  private pending: Partial<Presence> | undefined;
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** How many awareness writes were made (tests measure the rate). */
  writes = 0;

  constructor(private readonly awareness: Awareness, private readonly intervalMs = 100, private readonly now: () => number = Date.now) {}

  set(change: Partial<Presence>): void {
    this.pending = { ...this.pending, ...change };
    if (this.timer) return;
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const change = this.pending;
    this.pending = undefined;
    this.last = this.now();
    this.writes++;
    this.awareness.setLocalState({ ...(this.awareness.getLocalState() ?? {}), ...change });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
