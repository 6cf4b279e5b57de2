// Reads one statement against its schema: matches positional arguments to slots, checks option
// keys, and turns values into SI numbers, references, enum words or strings, reporting every
// problem on the exact argument.
import type { Range } from '../syntax/range';
import type { ArgValue, Expr, OptionArg, Statement } from '../syntax/syntax-tree';
import { ArgSpec, DeclKind, KIND_LABEL, OptionSpec, QuantitySpec, StatementSpec, ValueSpec, optionSpec } from '../schema';
import { LENGTH, DIMENSIONLESS, isDimensionless } from '../units/dimension';
import { formatInUnit, UnitSystem } from '../units/unit-expression';
import { CODES } from './codes';
import type { Severity, FixData, RelatedLocation } from './diagnostic';
import { coerce, evaluate, EvalContext } from './evaluate';
import type { ConvertedValue, Position, Quantity, Ref } from './model';
import { didYouMean } from './suggest';

export interface ReaderHost {
  uri: string;
  units: UnitSystem;
  report(range: Range, code: string, message: string, severity?: Severity, related?: RelatedLocation[], data?: FixData[]): void;
  constant(name: string, range: Range): Quantity | undefined;
  resolve(name: string, kinds: readonly DeclKind[], range: Range): Ref;
  converted: ConvertedValue[];
}

export const UNKNOWN_CODES: Record<DeclKind, string> = {
  node: CODES.unknownNode,
  material: CODES.unknownMaterial,
  section: CODES.unknownSection,
  member: CODES.unknownMember,
  group: CODES.unknownMember,
  load: CODES.unknownCase,
  combination: CODES.unknownCase,
  constant: CODES.unknownConstant,
};

export class StatementReader {
  /** Positional arguments by slot name (repeat slots collect several). */
  readonly slots = new Map<string, ArgValue[]>();
  readonly options = new Map<string, OptionArg>();
  local = false;
  /** Unknown option keys on the statement: a misspelt key is reported once, not also as missing. */
  unknownOptions = 0;

  constructor(readonly stmt: Statement, readonly spec: StatementSpec, readonly host: ReaderHost) {
    this.matchArgs();
    this.matchOptions();
  }

  private matchArgs(): void {
    const { stmt, spec } = this;
    let args = stmt.args;
    if (spec.localFlag && args.length > 1 && isWord(args[1], 'local')) {
      this.local = true;
      args = [args[0], ...args.slice(2)];
    }
    let k = 0;
    for (const slot of spec.args) {
      if (slot.repeat) {
        this.slots.set(slot.name, args.slice(k));
        if (args.length === k && !slot.optional) this.missing(slot);
        k = args.length;
        break;
      }
      if (k < args.length) this.slots.set(slot.name, [args[k++]]);
      else if (!slot.optional) {
        this.missing(slot);
        return;
      }
    }
    if (k < args.length && !args[k].misplaced) {
      const extra = args[k];
      const hint = spec.localFlag && isWord(extra, 'local') ? ' ("local" goes right after the target)' : '';
      this.host.report(extra.range, CODES.unexpectedArgument, `Unexpected argument "${argText(extra)}": ${spec.keyword} takes ${describeSlots(spec)}${hint}`);
    }
  }

  private missing(slot: ArgSpec): void {
    const r = this.stmt.range;
    const at: Range = { start: r.end, end: r.end };
    const name = this.stmt.args[0] && this.spec.args[0].value.type === 'decl' ? ` ${argText(this.stmt.args[0])}` : '';
    this.host.report(
      this.stmt.args.length ? at : this.stmt.keyword ? rangeOfToken(this.stmt) : at,
      CODES.missingArgument,
      `${this.spec.keyword}${name} needs ${article(slot.name)} ${slot.name}: ${this.spec.keyword} ${describeSlots(this.spec)}`,
    );
  }

  private matchOptions(): void {
    for (const opt of this.stmt.options) {
      const key = opt.key.text;
      const keyRange = rangeOfKey(opt);
      if (!this.spec.freeOptions && !optionSpec(this.spec, key)) {
        this.unknownOptions++;
        const dym = didYouMean(key, this.spec.options.map((o) => o.key));
        const known = this.spec.options.length ? dym.text || `. Options: ${this.spec.options.map((o) => o.key).join(', ')}` : `. ${this.spec.keyword} takes no options`;
        this.host.report(keyRange, CODES.unknownOption, `Unknown option "${key}" for ${this.spec.keyword}${known}`, 'error', undefined,
          dym.suggestion ? [{ fix: 'replace', replacement: dym.suggestion }] : undefined);
        continue;
      }
      const first = this.options.get(key);
      if (first) {
        this.host.report(keyRange, CODES.duplicateOption, `Option "${key}" is given twice`, 'error', [{ uri: this.host.uri, range: rangeOfKey(first), message: 'first given here' }]);
        continue;
      }
      this.options.set(key, opt);
    }
  }

  /** Reports a missing required option, unless a misspelt option on the line explains it. */
  reportMissing(range: Range, message: string): void {
    if (this.unknownOptions === 0) this.host.report(range, CODES.missingProperty, message);
  }

  arg(slot: string): ArgValue | undefined {
    return this.slots.get(slot)?.[0];
  }

  has(key: string): boolean {
    return this.options.has(key) && this.options.get(key)!.value !== undefined;
  }

  /** The single expression of an argument or option, reporting a list where one value is expected. */
  single(v: ArgValue | undefined, what: string): Expr | undefined {
    if (!v) return undefined;
    if (v.items.length !== 1) {
      this.host.report(v.range, CODES.invalidValue, `${what} takes one value, got a list of ${v.items.length}`);
      return undefined;
    }
    return v.items[0].kind === 'error' ? undefined : v.items[0];
  }

  evalContext(spec: QuantitySpec | undefined, allowSpan = false): EvalContext {
    return {
      units: this.host.units,
      angle: spec?.angle ?? 'deg',
      allowSpan,
      constant: (n, r) => this.host.constant(n, r),
      report: (r, c, m) => this.host.report(r, c, m),
    };
  }

  /** A quantity in SI, checked against its spec's dimension and bounds. */
  quantity(e: Expr | undefined, spec: QuantitySpec, what: string): number | undefined {
    if (!e) return undefined;
    const ctx = this.evalContext(spec);
    const q = evaluate(e, ctx);
    if (!q) return undefined;
    const c = coerce(q, spec.dim, what, e.range, ctx);
    if (!c) return undefined;
    if (c.implicitUnit && (e.kind === 'number' || (e.kind === 'unary' && e.operand.kind === 'number')) && c.implicitUnit !== '') {
      this.host.converted.push({ uri: this.host.uri, range: e.range, si: c.si, dimension: spec.dim, unit: c.implicitUnit });
    }
    if (!this.inRange(c.si, spec, what, e.range)) return undefined;
    return c.si;
  }

  private inRange(v: number, spec: QuantitySpec, what: string, range: Range): boolean {
    const show = (x: number) => (spec.dim === DIMENSIONLESS ? String(x) : formatInUnit(x, { text: siUnitOf(spec), factor: 1, dimension: spec.dim }));
    let problem: string | undefined;
    if (!Number.isFinite(v)) problem = `${what} is not a finite number`;
    else if (spec.positive && v <= 0) problem = `${what} must be greater than 0, got ${show(v)}`;
    else if (spec.min !== undefined && v < spec.min) problem = `${what} must be at least ${show(spec.min)}, got ${show(v)}`;
    else if (spec.maxExclusive !== undefined && v >= spec.maxExclusive) problem = `${what} must be less than ${show(spec.maxExclusive)}, got ${show(v)}`;
    if (problem) this.host.report(range, CODES.outOfRange, problem);
    return !problem;
  }

  /** An option's value as SI quantity (one value). */
  optQuantity(key: string): number | undefined {
    const opt = this.options.get(key);
    const spec = optionSpec(this.spec, key)?.value;
    if (!opt?.value || spec?.type !== 'quantity') return undefined;
    return this.quantity(this.single(opt.value, key), spec, key);
  }

  /** An option given as a list of exactly `n` quantities (trapezoid start,end). */
  optQuantityList(key: string, n: number): number[] | undefined {
    const opt = this.options.get(key);
    const spec = optionSpec(this.spec, key)?.value;
    if (!opt?.value || spec?.type !== 'quantity') return undefined;
    if (opt.value.items.length !== n) {
      this.host.report(opt.value.range, CODES.invalidValue, `${key} takes ${n} values (start,end), got ${opt.value.items.length}`);
      return undefined;
    }
    const out: number[] = [];
    for (const item of opt.value.items) {
      if (item.kind === 'error') return undefined;
      const v = this.quantity(item, spec, key);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }

  /** A reference to a declared name (one value). */
  ref(e: Expr | undefined, kinds: readonly DeclKind[], what: string): Ref | undefined {
    if (!e) return undefined;
    if (e.kind !== 'name') {
      this.host.report(e.range, CODES.invalidValue, `${what} expects the name of ${article(KIND_LABEL[kinds[0]])} ${kinds.map((k) => KIND_LABEL[k]).join(' or ')}`);
      return undefined;
    }
    return this.host.resolve(e.name, kinds, e.range);
  }

  refs(v: ArgValue | undefined, kinds: readonly DeclKind[], what: string): Ref[] {
    if (!v) return [];
    const out: Ref[] = [];
    for (const item of v.items) {
      if (item.kind === 'error') continue;
      const r = this.ref(item, kinds, what);
      if (r) out.push(r);
    }
    return out;
  }

  /** An enum word; reports an unknown word with a suggestion. */
  word(e: Expr | undefined, values: readonly string[], label: string): string | undefined {
    if (!e) return undefined;
    if (e.kind !== 'name') {
      this.host.report(e.range, CODES.invalidValue, `Expected ${article(label)} ${label}: ${values.join(', ')}`);
      return undefined;
    }
    if (values.includes(e.name)) return e.name;
    const dym = didYouMean(e.name, values);
    this.host.report(e.range, CODES.invalidValue, `Unknown ${label} "${e.name}"${dym.text || `: expected ${values.join(', ')}`}`, 'error', undefined,
      dym.suggestion ? [{ fix: 'replace', replacement: dym.suggestion }] : undefined);
    return undefined;
  }

  optWord(key: string): string | undefined {
    const opt = this.options.get(key);
    const spec = optionSpec(this.spec, key)?.value;
    if (!opt?.value || spec?.type !== 'enum') return undefined;
    return this.word(this.single(opt.value, key), spec.values, spec.label);
  }

  string(e: Expr | undefined, what: string): string | undefined {
    if (!e) return undefined;
    if (e.kind !== 'string') {
      this.host.report(e.range, CODES.invalidValue, `${what} must be a string in double quotes`);
      return undefined;
    }
    return e.value;
  }

  /** `at=`/`from=`/`to=`: a length from end i or a percentage. */
  position(key: string): Position | undefined {
    const opt = this.options.get(key);
    if (!opt?.value) return undefined;
    const e = this.single(opt.value, key);
    if (!e) return undefined;
    const ctx = this.evalContext(undefined);
    const q = evaluate(e, ctx);
    if (!q) return undefined;
    if (!q.percent && q.dim !== null && isDimensionless(q.dim)) {
      this.host.report(e.range, CODES.wrongDimension, `${key} expects a length or a percentage (50%), got a plain number`);
      return undefined;
    }
    if (q.percent) {
      if (q.value < 0 || q.value > 1) {
        this.host.report(e.range, CODES.outOfRange, `${key} must lie between 0% and 100%, got ${+(q.value * 100).toPrecision(6)}%`);
        return undefined;
      }
      return { fraction: q.value };
    }
    const c = coerce(q, LENGTH, key, e.range, ctx);
    if (!c) return undefined;
    if (c.si < 0) {
      this.host.report(e.range, CODES.outOfRange, `${key} must not be negative`);
      return undefined;
    }
    return { distance: c.si };
  }

  /** `limit=`: a ratio (stress), or a length or L/n (deflection). */
  limit(kind: 'stress' | 'deflection'): { ratio: number } | { absolute: number } | { spanRatio: number } | undefined {
    const opt = this.options.get('limit');
    if (!opt?.value) return undefined;
    const e = this.single(opt.value, 'limit');
    if (!e) return undefined;
    const ctx = this.evalContext(undefined, kind === 'deflection');
    const q = evaluate(e, ctx);
    if (!q) return undefined;
    if (kind === 'stress') {
      const c = coerce(q, DIMENSIONLESS, 'A stress check limit', e.range, ctx);
      if (!c) return undefined;
      if (c.si <= 0) {
        this.host.report(e.range, CODES.outOfRange, `limit must be greater than 0, got ${c.si}`);
        return undefined;
      }
      return { ratio: c.si };
    }
    const c = coerce(q, LENGTH, 'A deflection limit', e.range, ctx);
    if (!c) return undefined;
    if (c.si <= 0) {
      this.host.report(e.range, CODES.outOfRange, 'limit must be greater than 0');
      return undefined;
    }
    return c.perSpan ? { spanRatio: 1 / c.si } : { absolute: c.si };
  }
}

function siUnitOf(spec: QuantitySpec): string {
  return siSymbol(spec.dim);
}

function siSymbol(d: QuantitySpec['dim']): string {
  const key = `${d.M},${d.L},${d.T},${d.A}`;
  const table: Record<string, string> = {
    '0,1,0,0': 'm', '1,1,-2,0': 'N', '1,-1,-2,0': 'Pa', '0,2,0,0': 'm2', '0,4,0,0': 'm4', '0,3,0,0': 'm3',
    '1,2,-2,0': 'N*m', '1,0,-2,0': 'N/m', '1,-2,-2,0': 'N/m3', '1,-3,0,0': 'kg/m3', '0,0,0,1': 'rad', '1,2,-2,-1': 'N*m/rad',
  };
  return table[key] ?? '';
}

export function isWord(v: ArgValue, word: string): boolean {
  return v.items.length === 1 && v.items[0].kind === 'name' && v.items[0].name === word;
}

export function argText(v: ArgValue): string {
  return v.tokens.map((t) => t.text).join('');
}

function rangeOfKey(o: OptionArg): Range {
  return { start: { line: o.key.line, character: o.key.col }, end: { line: o.key.line, character: o.key.endCol } };
}

function rangeOfToken(s: Statement): Range {
  const t = s.keyword;
  return { start: { line: t.line, character: t.col }, end: { line: t.line, character: t.endCol } };
}

export function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(u[a-z]|one)/i.test(word) ? 'an' : 'a';
}

export function describeSlots(spec: StatementSpec): string {
  const parts = spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name) + (a.repeat ? '…' : ''));
  return parts.length ? parts.join(' ') : 'no arguments';
}

export type { ValueSpec, OptionSpec };
