// The update kernel, where the supernodal factorization spends nearly all its flops:
//
//   T[rowOff[a] + colOff[b − b0]] −= Σ_{k < len} U[src + a·srcStride + k] · S[sc + (b − b0)·scStride + k]
//
// for rows a0 ≤ a < a1 and columns b0 ≤ b < min(b1, a + 1) — the lower trapezoid of U·Sᵀ, scattered
// into a target block through per-row and per-column offsets. U are rows of a supernode, S the
// same rows scaled by D (packed by the caller). Rows go four at a time against two columns,
// so tiles straddling the diagonal also write a few entries just above it; callers only use
// this where those entries are never read (the upper triangle of a diagonal block).
//
// Two implementations with identical semantics:
//   - WebAssembly with 128-bit SIMD (two doubles per instruction), assembled at load time from
//     the text below. Plain JavaScript spends most of its instructions on bounds checks, map
//     checks and reloads of typed-array fields in this loop (~10 instructions per multiply-add
//     in V8's output, measured); the SIMD loop needs about 2. It works on one linear memory
//     holding the factor and all scratch, with offsets in bytes.
//   - Plain TypeScript on the same layout, offsets in elements: the reference, and the fallback
//     where WebAssembly SIMD is missing (or the problem is too small to be worth a memory).
import { assembleModule, type WasmFunction } from './wasm-assembler';

export interface UpdateKernel {
  /** Multiplier from element index to the unit this kernel's offsets are in (8 for bytes, 1 for elements). */
  readonly unit: 1 | 8;
  /** All arguments in elements (doubles for src/sc and the strides, int32 slots for rowOff/colOff). */
  update(src: number, srcStride: number, len: number, a0: number, a1: number, b0: number, b1: number, sc: number, scStride: number, rowOff: number, colOff: number): void;
}

const ROWS = [0, 1, 2, 3];

/** Loads the k-th pair of each operand row and accumulates x_ij += u_i · s_j, lane-wise. */
function accumulate(rows: number[], cols: number[], load: string): string {
  const lines: string[] = [];
  for (const j of cols) lines.push(`local.get $s${j}`, 'local.get $k', 'i32.add', load, `local.set $p${j}`);
  for (const i of rows) {
    lines.push(`local.get $r${i}`, 'local.get $k', 'i32.add', load, 'local.set $u');
    for (const j of cols) lines.push(`local.get $x${i}${j}`, 'local.get $u', `local.get $p${j}`, 'f64x2.mul', 'f64x2.add', `local.set $x${i}${j}`);
  }
  return lines.join('\n');
}

/**
 * Dot products of rows r_i with rows s_j over len doubles: pairs with full 128-bit loads, then
 * an odd last element with v128.load64_zero (lane 1 zero, and no read past the row's end).
 */
function dotTile(rows: number[], cols: number[]): string {
  const zero = rows.flatMap((i) => cols.flatMap((j) => ['local.get $zero', `local.set $x${i}${j}`]));
  return [
    ...zero,
    'i32.const 0',
    'local.set $k',
    'block $pairsDone',
    'local.get $pairBytes',
    'i32.eqz',
    'br_if $pairsDone',
    'loop $pairs',
    accumulate(rows, cols, 'v128.load'),
    'local.get $k',
    'i32.const 16',
    'i32.add',
    'local.tee $k',
    'local.get $pairBytes',
    'i32.lt_u',
    'br_if $pairs',
    'end',
    'end',
    'local.get $odd',
    'if',
    accumulate(rows, cols, 'v128.load64_zero'),
    'end',
  ].join('\n');
}

/** T[t_i + c_j] −= lane0(x_ij) + lane1(x_ij). */
function subtractTile(rows: number[], cols: number[]): string {
  const lines: string[] = [];
  for (const i of rows) {
    for (const j of cols) {
      lines.push(`local.get $t${i}`, `local.get $c${j}`, 'i32.add', 'local.tee $addr', 'local.get $addr', 'f64.load');
      lines.push(`local.get $x${i}${j}`, 'f64x2.extract_lane 0', `local.get $x${i}${j}`, 'f64x2.extract_lane 1', 'f64.add', 'f64.sub', 'f64.store');
    }
  }
  return lines.join('\n');
}

/** r_i = src + (a + i)·srcStride and t_i = rowOff[a + i] for the listed rows. */
function setRows(rows: number[]): string {
  return rows
    .map((i) =>
      [
        'local.get $src', 'local.get $a', `i32.const ${i}`, 'i32.add', 'local.get $srcStride', 'i32.mul', 'i32.add', `local.set $r${i}`,
        'local.get $rowOff', 'local.get $a', `i32.const ${i}`, 'i32.add', 'i32.const 2', 'i32.shl', 'i32.add', 'i32.load', `local.set $t${i}`,
      ].join('\n'),
    )
    .join('\n');
}

/** s_j = sc + (b − b0 + j)·scStride and c_j = colOff[b − b0 + j]. */
function setCols(cols: number[]): string {
  return cols
    .map((j) =>
      [
        'local.get $sc', 'local.get $b', 'local.get $b0', 'i32.sub', `i32.const ${j}`, 'i32.add', 'local.get $scStride', 'i32.mul', 'i32.add', `local.set $s${j}`,
        'local.get $colOff', 'local.get $b', 'local.get $b0', 'i32.sub', `i32.const ${j}`, 'i32.add', 'i32.const 2', 'i32.shl', 'i32.add', 'i32.load', `local.set $c${j}`,
      ].join('\n'),
    )
    .join('\n');
}

/** bEnd = min(a + reach, b1). */
function setBEnd(reach: number): string {
  return ['local.get $a', `i32.const ${reach}`, 'i32.add', 'local.tee $bEnd', 'local.get $b1', 'local.get $bEnd', 'local.get $b1', 'i32.lt_s', 'select', 'local.set $bEnd'].join('\n');
}

const UPDATE_BODY = `
;; pairBytes = bytes in the full pairs of a row; odd = len is odd
local.get $len
i32.const 3
i32.shl
i32.const -16
i32.and
local.set $pairBytes
local.get $len
i32.const 1
i32.and
local.set $odd
local.get $a0
local.set $a
;; Tiles of four rows.
block $tilesDone
loop $tiles
local.get $a
i32.const 4
i32.add
local.get $a1
i32.gt_s
br_if $tilesDone
${setRows(ROWS)}
${setBEnd(4)}
local.get $b0
local.set $b
block $pairsOfColsDone
loop $pairsOfCols
local.get $b
i32.const 2
i32.add
local.get $bEnd
i32.gt_s
br_if $pairsOfColsDone
${setCols([0, 1])}
${dotTile(ROWS, [0, 1])}
${subtractTile(ROWS, [0, 1])}
local.get $b
i32.const 2
i32.add
local.set $b
br $pairsOfCols
end
end
;; A last single column.
local.get $b
local.get $bEnd
i32.lt_s
if
${setCols([0])}
${dotTile(ROWS, [0])}
${subtractTile(ROWS, [0])}
end
local.get $a
i32.const 4
i32.add
local.set $a
br $tiles
end
end
;; The remaining rows, one at a time.
block $rowsDone
loop $rowsLoop
local.get $a
local.get $a1
i32.ge_s
br_if $rowsDone
${setRows([0])}
${setBEnd(1)}
local.get $b0
local.set $b
block $colsDone
loop $colsLoop
local.get $b
local.get $bEnd
i32.ge_s
br_if $colsDone
${setCols([0])}
${dotTile([0], [0])}
${subtractTile([0], [0])}
local.get $b
i32.const 1
i32.add
local.set $b
br $colsLoop
end
end
local.get $a
i32.const 1
i32.add
local.set $a
br $rowsLoop
end
end
`;

const I32 = 'i32' as const;
const V128 = 'v128' as const;

const UPDATE_FUNCTION: WasmFunction = {
  name: 'update',
  params: ['src', 'srcStride', 'len', 'a0', 'a1', 'b0', 'b1', 'sc', 'scStride', 'rowOff', 'colOff'].map((n) => [n, I32]),
  locals: [
    ...['a', 'b', 'bEnd', 'k', 'pairBytes', 'odd', 'addr', 'r0', 'r1', 'r2', 'r3', 't0', 't1', 't2', 't3', 's0', 's1', 'c0', 'c1'].map((n): [string, 'i32'] => [n, I32]),
    ...['zero', 'u', 'p0', 'p1', ...ROWS.flatMap((i) => [`x${i}0`, `x${i}1`])].map((n): [string, 'v128'] => [n, V128]),
  ],
  body: UPDATE_BODY,
};

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly or its SIMD extension is unavailable. */
function wasmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = assembleModule([UPDATE_FUNCTION]);
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

export function wasmKernelAvailable(): boolean {
  return wasmModule() !== null;
}

type RawUpdate = (src: number, srcStride: number, len: number, a0: number, a1: number, b0: number, b1: number, sc: number, scStride: number, rowOff: number, colOff: number) => void;

/** The SIMD kernel on a memory; null when unavailable. */
export function wasmUpdateKernel(memory: WebAssembly.Memory): UpdateKernel | null {
  const module = wasmModule();
  if (!module) return null;
  const raw = new WebAssembly.Instance(module, { env: { memory } }).exports.update as RawUpdate;
  return {
    unit: 8,
    update(src, srcStride, len, a0, a1, b0, b1, sc, scStride, rowOff, colOff) {
      // Byte addresses may pass 2^31; `>>> 0`-style wrapping through i32 is what wasm expects.
      raw(src * 8, srcStride * 8, len, a0, a1, b0, b1, sc * 8, scStride * 8, rowOff * 4, colOff * 4);
    },
  };
}

/** The same kernel in TypeScript over views of one buffer; offsets in elements. */
export function jsUpdateKernel(M: Float64Array, I: Int32Array): UpdateKernel {
  return {
    unit: 1,
    update(src, srcStride, len, a0, a1, b0, b1, sc, scStride, rowOff, colOff) {
      jsUpdate(M, I, src, srcStride, len, a0, a1, b0, b1, sc, scStride, rowOff, colOff);
    },
  };
}

function jsUpdate(M: Float64Array, I: Int32Array, src: number, srcStride: number, len: number, a0: number, a1: number, b0: number, b1: number, sc: number, scStride: number, rowOff: number, colOff: number): void {
  let a = a0;
  for (; a + 3 < a1; a += 4) {
    const r0 = src + a * srcStride;
    const r1 = r0 + srcStride;
    const r2 = r1 + srcStride;
    const r3 = r2 + srcStride;
    const t0 = I[rowOff + a];
    const t1 = I[rowOff + a + 1];
    const t2 = I[rowOff + a + 2];
    const t3 = I[rowOff + a + 3];
    const bEnd = a + 4 < b1 ? a + 4 : b1;
    let b = b0;
    for (; b + 1 < bEnd; b += 2) {
      const s0 = sc + (b - b0) * scStride;
      const s1 = s0 + scStride;
      let x00 = 0, x01 = 0, x10 = 0, x11 = 0, x20 = 0, x21 = 0, x30 = 0, x31 = 0;
      for (let k = 0; k < len; k++) {
        const p = M[s0 + k];
        const q = M[s1 + k];
        const u0 = M[r0 + k];
        const u1 = M[r1 + k];
        const u2 = M[r2 + k];
        const u3 = M[r3 + k];
        x00 += u0 * p;
        x01 += u0 * q;
        x10 += u1 * p;
        x11 += u1 * q;
        x20 += u2 * p;
        x21 += u2 * q;
        x30 += u3 * p;
        x31 += u3 * q;
      }
      const c0 = I[colOff + b - b0];
      const c1 = I[colOff + b - b0 + 1];
      M[t0 + c0] -= x00;
      M[t0 + c1] -= x01;
      M[t1 + c0] -= x10;
      M[t1 + c1] -= x11;
      M[t2 + c0] -= x20;
      M[t2 + c1] -= x21;
      M[t3 + c0] -= x30;
      M[t3 + c1] -= x31;
    }
    if (b < bEnd) {
      const s0 = sc + (b - b0) * scStride;
      let x0 = 0, x1 = 0, x2 = 0, x3 = 0;
      for (let k = 0; k < len; k++) {
        const p = M[s0 + k];
        x0 += M[r0 + k] * p;
        x1 += M[r1 + k] * p;
        x2 += M[r2 + k] * p;
        x3 += M[r3 + k] * p;
      }
      const c0 = I[colOff + b - b0];
      M[t0 + c0] -= x0;
      M[t1 + c0] -= x1;
      M[t2 + c0] -= x2;
      M[t3 + c0] -= x3;
    }
  }
  for (; a < a1; a++) {
    const r0 = src + a * srcStride;
    const t0 = I[rowOff + a];
    const bEnd = a + 1 < b1 ? a + 1 : b1;
    for (let b = b0; b < bEnd; b++) {
      const s0 = sc + (b - b0) * scStride;
      let x = 0;
      for (let k = 0; k < len; k++) x += M[r0 + k] * M[s0 + k];
      M[t0 + I[colOff + b - b0]] -= x;
    }
  }
}
