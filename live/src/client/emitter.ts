// A small typed event emitter (the client runs in Node and in the extension host alike).

export type Listener<T> = (value: T) => void;

export class Emitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn as Listener<never>);
    return () => set!.delete(fn as Listener<never>);
  }

  /** Resolves with the next value of `event` that satisfies `ok`. */
  once<K extends keyof Events>(event: K, ok: (v: Events[K]) => boolean = () => true): Promise<Events[K]> {
    return new Promise((resolve) => {
      const off = this.on(event, (v) => {
        if (!ok(v)) return;
        off();
        resolve(v);
      });
    });
  }

  protected emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) (fn as Listener<Events[K]>)(value);
  }

  protected removeAllListeners(): void {
    this.listeners.clear();
  }
}
