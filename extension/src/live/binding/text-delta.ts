// Plain-text deltas (retain / insert / delete, the shape of Yjs' Y.Text deltas) and the two
// operations the document binding needs: compose (one change after another) and transform (two
// changes made concurrently on the same text). The binding uses them to carry a user's change
// across remote edits that the editor has not received yet, and vice versa (after quill-delta,
// without attributes).

export type DeltaOp = { retain: number } | { insert: string } | { delete: number };
export type Delta = DeltaOp[];

/** One replacement on a text: `length` characters from `offset` become `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

const opLength = (op: DeltaOp): number => ('insert' in op ? op.insert.length : 'delete' in op ? op.delete : op.retain);
const opType = (op: DeltaOp | undefined): 'insert' | 'delete' | 'retain' => (!op ? 'retain' : 'insert' in op ? 'insert' : 'delete' in op ? 'delete' : 'retain');

/** Builds a canonical delta: no empty ops, neighbours of one kind merged, insert before delete. */
class DeltaBuilder {
  readonly ops: DeltaOp[] = [];

  push(op: DeltaOp): this {
    if (opLength(op) === 0) return this;
    const last = this.ops[this.ops.length - 1];
    if ('insert' in op && last && 'delete' in last) {
      // An insert next to a delete goes first, so equal changes have one spelling.
      const before = this.ops[this.ops.length - 2];
      if (before && 'insert' in before) before.insert += op.insert;
      else this.ops.splice(this.ops.length - 1, 0, { insert: op.insert });
      return this;
    }
    if (last && opType(last) === opType(op)) {
      if ('insert' in last) last.insert += (op as { insert: string }).insert;
      else if ('delete' in last) last.delete += (op as { delete: number }).delete;
      else last.retain += (op as { retain: number }).retain;
      return this;
    }
    this.ops.push({ ...op });
    return this;
  }

  /** The delta without a trailing retain (it changes nothing). */
  done(): Delta {
    const last = this.ops[this.ops.length - 1];
    if (last && 'retain' in last) this.ops.pop();
    return this.ops;
  }
}

class OpIterator {
  private index = 0;
  private offset = 0;
  constructor(private readonly ops: Delta) {}

  hasNext(): boolean {
    return this.peekLength() < Infinity;
  }

  peekLength(): number {
    const op = this.ops[this.index];
    return op ? opLength(op) - this.offset : Infinity;
  }

  peekType(): 'insert' | 'delete' | 'retain' {
    return opType(this.ops[this.index]);
  }

  /** The next `length` characters' worth of the current op (all of it by default). */
  next(length = Infinity): DeltaOp {
    const op = this.ops[this.index];
    if (!op) return { retain: length };
    const start = this.offset;
    const remaining = opLength(op) - start;
    const n = Math.min(length, remaining);
    if (n === remaining) {
      this.index++;
      this.offset = 0;
    } else {
      this.offset += n;
    }
    if ('insert' in op) return { insert: op.insert.slice(start, start + n) };
    if ('delete' in op) return { delete: n };
    return { retain: n };
  }
}

export function normalize(delta: Delta): Delta {
  const b = new DeltaBuilder();
  for (const op of delta) b.push(op);
  return b.done();
}

/** The text after `delta`. Throws when the delta reaches beyond the text (a bug, not input). */
export function applyDelta(text: string, delta: Delta): string {
  let out = '';
  let at = 0;
  for (const op of delta) {
    if ('insert' in op) out += op.insert;
    else if ('delete' in op) at += op.delete;
    else {
      out += text.slice(at, at + op.retain);
      at += op.retain;
    }
    if (at > text.length) throw new RangeError(`delta reaches offset ${at} of a text of ${text.length}`);
  }
  return out + text.slice(at);
}

/** `a` then `b`, as one delta. */
export function compose(a: Delta, b: Delta): Delta {
  const A = new OpIterator(a);
  const B = new OpIterator(b);
  const out = new DeltaBuilder();
  while (A.hasNext() || B.hasNext()) {
    if (B.peekType() === 'insert') out.push(B.next());
    else if (A.peekType() === 'delete') out.push(A.next());
    else {
      const n = Math.min(A.peekLength(), B.peekLength());
      const ao = A.next(n);
      const bo = B.next(n);
      if ('retain' in bo) out.push(ao);
      // b deletes what a retained; what a inserted and b deletes vanishes.
      else if ('delete' in bo && 'retain' in ao) out.push({ delete: n });
    }
  }
  return out.done();
}

export function composeAll(deltas: Delta[]): Delta {
  return deltas.reduce((acc, d) => compose(acc, d), [] as Delta);
}

/**
 * `b` rewritten to apply after `a`, both having been made on the same text. `aFirst` breaks the
 * tie when both insert at one place: a's insert stays before b's. With
 * `b' = transform(a, b, f)` and `a' = transform(b, a, !f)`, `apply(apply(s, a), b')` equals
 * `apply(apply(s, b), a')`.
 */
export function transform(a: Delta, b: Delta, aFirst: boolean): Delta {
  const A = new OpIterator(a);
  const B = new OpIterator(b);
  const out = new DeltaBuilder();
  while (A.hasNext() || B.hasNext()) {
    if (A.peekType() === 'insert' && (aFirst || B.peekType() !== 'insert')) {
      out.push({ retain: (A.next() as { insert: string }).insert.length });
    } else if (B.peekType() === 'insert') {
      out.push(B.next());
    } else {
      const n = Math.min(A.peekLength(), B.peekLength());
      const ao = A.next(n);
      const bo = B.next(n);
      if ('delete' in ao) continue; // gone already: whatever b did to it is moot
      out.push('delete' in bo ? bo : { retain: n });
    }
  }
  return out.done();
}

/** Changes made at once on one text (non-overlapping, any order) as a delta. */
export function changesToDelta(changes: readonly TextChange[]): Delta {
  const sorted = [...changes].sort((x, y) => x.offset - y.offset || x.length - y.length);
  const b = new DeltaBuilder();
  let at = 0;
  for (const c of sorted) {
    if (c.offset < at) throw new RangeError(`overlapping changes at offset ${c.offset}`);
    b.push({ retain: c.offset - at });
    b.push({ insert: c.text });
    b.push({ delete: c.length });
    at = c.offset + c.length;
  }
  return b.done();
}

/** A delta as replacements on the text it applies to, in ascending order. */
export function deltaToChanges(delta: Delta): TextChange[] {
  const out: TextChange[] = [];
  let at = 0;
  let current: TextChange | undefined;
  for (const op of delta) {
    if ('retain' in op) {
      current = undefined;
      at += op.retain;
      continue;
    }
    if (!current) out.push((current = { offset: at, length: 0, text: '' }));
    if ('insert' in op) current.text += op.insert;
    else {
      current.length += op.delete;
      at += op.delete;
    }
  }
  return out;
}

/** The smallest single replacement that turns `from` into `to` (common prefix and suffix kept). */
export function diffChange(from: string, to: string): TextChange | undefined {
  if (from === to) return undefined;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return { offset: start, length: from.length - start - end, text: to.slice(start, to.length - end) };
}
