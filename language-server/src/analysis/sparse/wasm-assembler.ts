// A tiny WebAssembly assembler: turns function bodies written in the linear form of the text
// format (one instruction per line, as in `wasm-objdump -d`) into a module binary. It exists so
// the dense kernels can be written by hand, read in review and compiled at load time, without
// shipping an opaque .wasm file or adding a toolchain. It knows only the instructions the
// kernels use; anything else is an error naming the line.
//
// Syntax of a body: `local.get $name`, `i32.const 8`, `v128.load offset=16`, `block $exit`,
// `loop $next`, `br_if $next`, `if` / `else` / `end`; `;;` starts a comment. Every function
// imports the same linear memory ("env", "memory").

export type ValType = 'i32' | 'f64' | 'v128';

export interface WasmFunction {
  name: string;
  params: [string, ValType][];
  locals: [string, ValType][];
  body: string;
}

const TYPE: Record<ValType, number> = { i32: 0x7f, f64: 0x7c, v128: 0x7b };

/** Instructions without immediates. */
const PLAIN: Record<string, number[]> = {
  drop: [0x1a],
  select: [0x1b],
  return: [0x0f],
  'i32.eqz': [0x45],
  'i32.eq': [0x46],
  'i32.ne': [0x47],
  'i32.lt_s': [0x48],
  'i32.lt_u': [0x49],
  'i32.gt_s': [0x4a],
  'i32.gt_u': [0x4b],
  'i32.le_s': [0x4c],
  'i32.le_u': [0x4d],
  'i32.ge_s': [0x4e],
  'i32.ge_u': [0x4f],
  'i32.add': [0x6a],
  'i32.sub': [0x6b],
  'i32.mul': [0x6c],
  'i32.and': [0x71],
  'i32.or': [0x72],
  'i32.shl': [0x74],
  'i32.shr_s': [0x75],
  'i32.shr_u': [0x76],
  'f64.add': [0xa0],
  'f64.sub': [0xa1],
  'f64.mul': [0xa2],
  'f64.div': [0xa3],
  'f64x2.splat': simd(0x14),
  'f64x2.add': simd(0xf0),
  'f64x2.sub': simd(0xf1),
  'f64x2.mul': simd(0xf2),
};

/** Memory instructions: opcode bytes and natural alignment (log2 bytes). */
const MEMORY: Record<string, [number[], number]> = {
  'i32.load': [[0x28], 2],
  'f64.load': [[0x2b], 3],
  'i32.store': [[0x36], 2],
  'f64.store': [[0x39], 3],
  'v128.load': [simd(0x00), 3], // rows of doubles are 8-byte aligned, not 16
  'v128.store': [simd(0x0b), 3],
  'v128.load64_zero': [simd(0x5d), 3],
};

function simd(op: number): number[] {
  return [0xfd, ...uleb(op)];
}

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function utf8(s: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...uleb(bytes.length), ...bytes];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function assembleBody(fn: WasmFunction): number[] {
  const index = new Map<string, number>();
  [...fn.params, ...fn.locals].forEach(([name], i) => {
    if (index.has(name)) throw new Error(`wasm ${fn.name}: duplicate local $${name}`);
    index.set(name, i);
  });
  const labels: (string | undefined)[] = []; // innermost last
  const code: number[] = [];
  fn.body.split('\n').forEach((raw, lineNo) => {
    const line = raw.replace(/;;.*$/, '').trim();
    if (!line) return;
    const fail = (why: string) => new Error(`wasm ${fn.name}, body line ${lineNo + 1} '${line}': ${why}`);
    const [op, ...args] = line.split(/\s+/);
    const local = () => {
      const i = index.get((args[0] ?? '').replace(/^\$/, ''));
      if (i === undefined) throw fail('unknown local');
      return uleb(i);
    };
    const depth = () => {
      const d = labels.lastIndexOf((args[0] ?? '').replace(/^\$/, ''));
      if (d < 0) throw fail('unknown label');
      return uleb(labels.length - 1 - d);
    };
    if (PLAIN[op]) code.push(...PLAIN[op]);
    else if (MEMORY[op]) {
      const [bytes, align] = MEMORY[op];
      const offset = args.find((a) => a.startsWith('offset='));
      code.push(...bytes, ...uleb(align), ...uleb(offset ? Number(offset.slice(7)) : 0));
    } else if (op === 'local.get') code.push(0x20, ...local());
    else if (op === 'local.set') code.push(0x21, ...local());
    else if (op === 'local.tee') code.push(0x22, ...local());
    else if (op === 'i32.const') code.push(0x41, ...sleb(Number(args[0]) | 0));
    else if (op === 'f64x2.extract_lane') code.push(...simd(0x21), Number(args[0]));
    else if (op === 'block' || op === 'loop' || op === 'if') {
      code.push(op === 'block' ? 0x02 : op === 'loop' ? 0x03 : 0x04, 0x40);
      labels.push(args[0]?.replace(/^\$/, ''));
    } else if (op === 'else') code.push(0x05);
    else if (op === 'end') {
      if (!labels.length) throw fail('end without block');
      labels.pop();
      code.push(0x0b);
    } else if (op === 'br') code.push(0x0c, ...depth());
    else if (op === 'br_if') code.push(0x0d, ...depth());
    else throw fail('unknown instruction');
  });
  if (labels.length) throw new Error(`wasm ${fn.name}: ${labels.length} unclosed block(s)`);
  // Locals are declared one group per local: simple, and the engine does not care.
  const decls = vector(fn.locals.map(([, t]) => [1, TYPE[t]]));
  const body = [...decls, ...code, 0x0b];
  return [...uleb(body.length), ...body];
}

/** A module importing memory "env"."memory" and exporting every function under its name. */
export function assembleModule(functions: WasmFunction[]): Uint8Array<ArrayBuffer> {
  const types = vector(functions.map((f) => [0x60, ...vector(f.params.map(([, t]) => [TYPE[t]])), 0x00]));
  const imports = vector([[...utf8('env'), ...utf8('memory'), 0x02, 0x00, 0x00]]);
  const funcs = vector(functions.map((_, i) => uleb(i)));
  const exports = vector(functions.map((f, i) => [...utf8(f.name), 0x00, ...uleb(i)]));
  const code = vector(functions.map(assembleBody));
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, types),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, code),
  ]);
}
