// The bridge between the 3D views and a live session, in the main bundle (the panels must not
// load the live side, which is a lazily loaded bundle of its own). The live side writes the other
// participants' 3D selections here, keyed by the model file they are in, and reads ours; the 3D
// panels read theirs and write ours. No VS Code import, so it is tested in Node.
import type { ElementRef } from '../../../language-server/src/shared/panel-messages';

/** One participant's selection in the 3D view of one model. */
export interface ParticipantSelection {
  /** Stable while the participant is connected (the awareness client id), to tell two people
   * of the same name apart. */
  id: string;
  name: string;
  /** `#rrggbb`, from the participant's identity (the same in every session). */
  colour: string;
  elements: ElementRef[];
}

/** A remote selection and the model file (URI) it is in. */
export interface RemoteSelection {
  file: string;
  selection: ParticipantSelection;
}

/** Our own selection in the 3D view of a model (empty: nothing selected). */
export interface LocalSelection {
  model: string;
  elements: ElementRef[];
}

type Listener<T> = (e: T) => void;
/** The shape of vscode.Event, without importing vscode. */
export type HubEvent<T> = (listener: Listener<T>) => { dispose(): void };

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event: HubEvent<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  clear(): void {
    this.listeners.clear();
  }
}

/** What the live side sees of the hub (the live bundle imports this type only). */
export interface ParticipantSelectionsPort {
  /** The same URI written two ways (encoded or not) gives the same key. */
  canonical(uri: string): string;
  /** Replaces every remote selection (the live side sends the whole set on each presence change). */
  setRemote(all: RemoteSelection[]): void;
  /** Our selection in the 3D view we last selected in, if any view has one. */
  readonly local: LocalSelection | undefined;
  readonly onDidChangeLocal: HubEvent<LocalSelection | undefined>;
}

/** At most this many elements of one participant are kept (a peer could send any number). */
export const MAX_ELEMENTS_PER_PARTICIPANT = 500;

export class ParticipantSelections implements ParticipantSelectionsPort {
  private remote = new Map<string, ParticipantSelection[]>();
  private readonly locals = new Map<string, ElementRef[]>();
  private lastLocal: string | undefined;
  private readonly remoteEmitter = new Emitter<string[]>();
  private readonly localEmitter = new Emitter<LocalSelection | undefined>();
  /** Fires with the model files whose remote selections changed (and only those). */
  readonly onDidChangeRemote = this.remoteEmitter.event;
  /** Fires when our published 3D selection changes (a view selected something, or closed). */
  readonly onDidChangeLocal = this.localEmitter.event;

  constructor(private readonly canonicalize: (uri: string) => string = (u) => u) {}

  canonical(uri: string): string {
    try {
      return this.canonicalize(uri);
    } catch {
      return uri; // not a URI we can parse: compare it as written
    }
  }

  setRemote(all: RemoteSelection[]): void {
    const next = new Map<string, ParticipantSelection[]>();
    for (const { file, selection } of all) {
      if (!selection.elements.length) continue;
      const key = this.canonical(file);
      const list = next.get(key) ?? [];
      list.push({ ...selection, elements: selection.elements.slice(0, MAX_ELEMENTS_PER_PARTICIPANT) });
      next.set(key, list);
    }
    // Stable order (by name, then id) so a presence update that reorders participants changes nothing.
    for (const list of next.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const changed: string[] = [];
    for (const key of new Set([...this.remote.keys(), ...next.keys()])) {
      if (JSON.stringify(this.remote.get(key) ?? []) !== JSON.stringify(next.get(key) ?? [])) changed.push(key);
    }
    this.remote = next;
    if (changed.length) this.remoteEmitter.fire(changed);
  }

  /** The others' selections in the model whose root file is `model`. */
  remoteOf(model: string): ParticipantSelection[] {
    return this.remote.get(this.canonical(model)) ?? [];
  }

  /** A 3D view's selection changed (a click, Esc, the editor's cursor): ours to publish. */
  setLocal(model: string, elements: ElementRef[]): void {
    const key = this.canonical(model);
    const before = this.local;
    this.locals.set(key, elements.slice(0, MAX_ELEMENTS_PER_PARTICIPANT));
    this.lastLocal = key;
    this.fireLocalIfChanged(before);
  }

  /** A 3D view closed: its selection is no longer anything anyone can see. */
  clearLocal(model: string): void {
    const key = this.canonical(model);
    if (!this.locals.has(key)) return;
    const before = this.local;
    this.locals.delete(key);
    if (this.lastLocal === key) this.lastLocal = [...this.locals.keys()].pop();
    this.fireLocalIfChanged(before);
  }

  get local(): LocalSelection | undefined {
    if (this.lastLocal === undefined) return undefined;
    const elements = this.locals.get(this.lastLocal);
    return elements ? { model: this.lastLocal, elements } : undefined;
  }

  private fireLocalIfChanged(before: LocalSelection | undefined): void {
    const now = this.local;
    if (JSON.stringify(before) !== JSON.stringify(now)) this.localEmitter.fire(now);
  }

  dispose(): void {
    this.remoteEmitter.clear();
    this.localEmitter.clear();
    this.remote.clear();
    this.locals.clear();
  }
}
