// Evaluation of expressions with units. A number without a unit stays "bare" until it meets a
// dimensioned value in a sum (it then takes that dimension's unit of the file) or reaches its
// slot (it takes the slot's unit); in a product it is a plain factor. So `2*bay`, `h+0.5` and
// `6` all mean what an engineer means.
import type { Range } from '../syntax/range';
import type { Expr } from '../syntax/syntax-tree';
import {
  Dimension, DIMENSIONLESS, LENGTH, describeDimension, divideDimensions, isDimensionless, multiplyDimensions, sameDimension,
} from '../units/dimension';
import { AngleUnit, UnitSystem, defaultUnit, parseUnit } from '../units/unit-expression';
import { CODES } from './codes';
import type { Quantity } from './model';

export interface EvalContext {
  units: UnitSystem;
  angle: AngleUnit;
  /** Resolves a constant; undefined after reporting when unknown. */
  constant(name: string, range: Range): Quantity | undefined;
  /** `L`, the member length, is allowed (deflection limits). */
  allowSpan?: boolean;
  report(range: Range, code: string, message: string): void;
}

export function evaluate(e: Expr, ctx: EvalContext): Quantity | undefined {
  switch (e.kind) {
    case 'number': {
      if (e.unitText === undefined) return { value: e.value, dim: null };
      const parsed = parseUnit(e.unitText);
      if (!parsed.ok) {
        const r = e.unitRange!;
        ctx.report(
          { start: { line: r.start.line, character: r.start.character + parsed.offset }, end: { line: r.start.line, character: r.start.character + parsed.offset + parsed.length } },
          CODES.unknownUnit,
          parsed.message,
        );
        return undefined;
      }
      return { value: e.value * parsed.unit.factor, dim: parsed.unit.dimension, percent: e.unitText === '%' };
    }
    case 'name':
      if (ctx.allowSpan && e.name === 'L') return { value: 1, dim: LENGTH, perSpan: true };
      return ctx.constant(e.name, e.range);
    case 'string':
      ctx.report(e.range, CODES.invalidValue, 'Expected a number, got a string');
      return undefined;
    case 'paren':
      return evaluate(e.expr, ctx);
    case 'unary': {
      const v = evaluate(e.operand, ctx);
      return v && (e.op === '-' ? { ...v, value: -v.value } : v);
    }
    case 'binary': {
      const a = evaluate(e.left, ctx);
      const b = evaluate(e.right, ctx);
      if (!a || !b) return undefined;
      if (e.op === '*' || e.op === '/') {
        if (e.op === '/' && b.value === 0) {
          ctx.report(e.right.range, CODES.divisionByZero, 'Division by zero');
          return undefined;
        }
        if (b.perSpan && e.op === '/') {
          ctx.report(e.right.range, CODES.invalidValue, 'L can only be scaled, as in L/300');
          return undefined;
        }
        const value = e.op === '*' ? a.value * b.value : a.value / b.value;
        const perSpan = a.perSpan || b.perSpan;
        if (a.dim === null && b.dim === null) return { value, dim: null };
        const da = a.dim ?? DIMENSIONLESS;
        const db = b.dim ?? DIMENSIONLESS;
        return { value, dim: e.op === '*' ? multiplyDimensions(da, db) : divideDimensions(da, db), perSpan };
      }
      if (a.perSpan || b.perSpan) {
        ctx.report(e.range, CODES.invalidValue, 'L can only be scaled, as in L/300, not added to');
        return undefined;
      }
      const sign = e.op === '+' ? 1 : -1;
      if (a.dim === null && b.dim === null) return { value: a.value + sign * b.value, dim: null };
      const dimension = (a.dim ?? b.dim)!;
      const av = a.dim === null ? bareIn(a.value, dimension, ctx) : a.value;
      const bv = b.dim === null ? bareIn(b.value, dimension, ctx) : b.value;
      if (av === undefined || bv === undefined) {
        ctx.report(e.range, CODES.needsUnit, `Give every term a unit: ${describeDimension(dimension)} has no default unit`);
        return undefined;
      }
      if (a.dim && b.dim && !sameDimension(a.dim, b.dim)) {
        ctx.report(e.range, CODES.wrongDimension, `Cannot add ${describeDimension(a.dim)} and ${describeDimension(b.dim)}`);
        return undefined;
      }
      return { value: av + sign * bv, dim: dimension };
    }
    case 'error':
      return undefined;
  }
}

function bareIn(value: number, d: Dimension, ctx: EvalContext): number | undefined {
  const u = defaultUnit(d, ctx.units, ctx.angle);
  return u ? value * u.factor : undefined;
}

export interface Coerced {
  si: number;
  /** The unit a bare value was read in, for inlay hints ("= 6 m"). */
  implicitUnit?: string;
  percent?: boolean;
  perSpan?: boolean;
}

/** Converts an evaluated value to SI in a slot expecting `expected`, reporting a mismatch. */
export function coerce(q: Quantity, expected: Dimension, what: string, range: Range, ctx: EvalContext): Coerced | undefined {
  if (q.dim === null) {
    if (q.value === 0) return { si: 0 };
    const u = defaultUnit(expected, ctx.units, ctx.angle);
    if (!u) {
      ctx.report(range, CODES.needsUnit, `${what} needs a unit: ${describeDimension(expected)} has no default unit under "units ${ctx.units.force.text} ${ctx.units.length.text}"`);
      return undefined;
    }
    return { si: q.value * u.factor, implicitUnit: u.text };
  }
  if (!sameDimension(q.dim, expected)) {
    // A percentage is a plain number: fine wherever a plain number is expected.
    ctx.report(range, CODES.wrongDimension, `${what} expects ${describeDimension(expected)}, got ${describeDimension(q.dim)}`);
    return undefined;
  }
  return { si: q.value, percent: q.percent && isDimensionless(q.dim), perSpan: q.perSpan };
}
