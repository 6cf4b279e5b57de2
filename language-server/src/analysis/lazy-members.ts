// The `members` and `nodes` records of a case in the results document, built on first read. A 7k-member
// model has, per case, some 150k station and extreme objects; making them for every case up
// front cost ~100 ms per case and, kept alive, most of the collector's time — while the editor
// reads one member at a time and the checks read none (they work on the columnar diagrams).
//
// The record is a Proxy over an empty plain object that behaves as the plain record would:
// the same keys in the same order (Object.keys, for…in, JSON.stringify, spread), the same
// values (each member's result built on its first read, then kept, so it is one object however
// often it is read), `in`, and property descriptors. Writing to it (set, define, delete, …)
// first turns it into the plain record it stands for, so that mutation, too, behaves as
// before. What a Proxy cannot do is cross a thread: structuredClone and postMessage throw on it,
// so the analysis worker sends `plainResults(doc)`.
import type { CaseResult, ResultsDocument } from './results';

/** The member (or node) names of a model, once per analysis, for every case's record. */
export interface MemberNames {
  names: readonly string[];
  /** Name → member index; null when the names cannot be a lazy record's keys (a duplicate,
   * or `__proto__`, which a plain record does not keep as a key): such records are made eagerly. */
  index: Map<string, number> | null;
}

export function memberNames(names: readonly string[]): MemberNames {
  const index = new Map<string, number>();
  for (let m = 0; m < names.length; m++) {
    if (index.has(names[m]) || names[m] === '__proto__') return { names, index: null };
    index.set(names[m], m);
  }
  return { names, index };
}

/** An array index as a string ("0", "17"; not "07" or "4294967295"): a plain object lists these
 * keys first, in increasing order, whatever the order they were added in. */
function isArrayIndex(key: string): boolean {
  if (!/^(?:0|[1-9][0-9]*)$/.test(key)) return false;
  return Number(key) < 4294967295;
}

const lazyRecords = new WeakSet<object>();

/**
 * The record { [names[m]]: result(m) } over the entries with present[m], in index order
 * (array-index names first, as a plain object orders them); result(m) runs at the first read
 * of entry m.
 */
export function lazyMembers<T>(names: MemberNames, present: Uint8Array, result: (m: number) => T): Record<string, T> {
  const index = names.index;
  if (!index) {
    const eager: Record<string, T> = {};
    for (let m = 0; m < names.names.length; m++) if (present[m]) eager[names.names[m]] = result(m);
    return eager;
  }
  const target: Record<string, T> = {};
  let cache: (T | undefined)[] | undefined;
  let keys: string[] | undefined;
  /** Once written to, the target is the plain record and every operation goes to it. */
  let plain = false;

  const memberOf = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const m = index.get(key);
    return m !== undefined && present[m] ? m : -1;
  };
  const valueOf = (m: number): T => {
    cache ??= new Array<T | undefined>(names.names.length);
    return (cache[m] ??= result(m));
  };
  const keyList = (): string[] => {
    if (!keys) {
      const numeric: string[] = [];
      const named: string[] = [];
      for (let m = 0; m < names.names.length; m++) {
        if (!present[m]) continue;
        const k = names.names[m];
        (isArrayIndex(k) ? numeric : named).push(k);
      }
      numeric.sort((a, b) => Number(a) - Number(b));
      keys = numeric.length ? numeric.concat(named) : named;
    }
    return keys;
  };
  const materialize = (): void => {
    if (plain) return;
    for (const k of keyList()) target[k] = valueOf(index.get(k)!);
    plain = true;
  };

  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      if (!plain) {
        const m = memberOf(key);
        if (m >= 0) return valueOf(m);
      }
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return (!plain && memberOf(key) >= 0) || Reflect.has(t, key);
    },
    ownKeys(t) {
      return plain ? Reflect.ownKeys(t) : keyList().slice();
    },
    getOwnPropertyDescriptor(t, key) {
      if (!plain) {
        const m = memberOf(key);
        return m >= 0 ? { value: valueOf(m), writable: true, enumerable: true, configurable: true } : undefined;
      }
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    set(t, key, value, receiver) {
      materialize();
      return Reflect.set(t, key, value, receiver);
    },
    defineProperty(t, key, descriptor) {
      materialize();
      return Reflect.defineProperty(t, key, descriptor);
    },
    deleteProperty(t, key) {
      materialize();
      return Reflect.deleteProperty(t, key);
    },
    preventExtensions(t) {
      materialize();
      return Reflect.preventExtensions(t);
    },
    setPrototypeOf(t, proto) {
      materialize();
      return Reflect.setPrototypeOf(t, proto);
    },
  });
  lazyRecords.add(proxy);
  return proxy;
}

/** Whether `record` is a lazy members record (and so cannot be structured-cloned). */
export function isLazyRecord(record: object): boolean {
  return lazyRecords.has(record);
}

/** The plain record a lazy one stands for (the record itself when it is not lazy). */
function plainRecord<T>(record: Record<string, T>): Record<string, T> {
  if (!isLazyRecord(record)) return record;
  const out: Record<string, T> = {};
  for (const k of Object.keys(record)) out[k] = record[k];
  return out;
}

/** The same document with every lazy record replaced by the plain record it stands for: what
 * structuredClone and postMessage can copy. Builds every node and member result. */
export function plainResults(doc: ResultsDocument): ResultsDocument {
  const cases = doc.cases.map((c): CaseResult => (isLazyRecord(c.nodes) || isLazyRecord(c.members) ? { ...c, nodes: plainRecord(c.nodes), members: plainRecord(c.members) } : c));
  return { ...doc, cases };
}
