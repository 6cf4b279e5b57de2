// Memory of the supernodal factorization: one buffer holding the factor's values followed by
// the scratch the update kernel reads (D-scaled rows, target row and column offsets). One
// buffer because the SIMD kernel can only address a single WebAssembly memory; the layout is
// the same when the TypeScript kernel runs, so the driver code does not care which one it has.
import { jsUpdateKernel, wasmKernelAvailable, wasmUpdateKernel, type UpdateKernel } from './update-kernel';

/** Rows of D-scaled source packed per kernel call: 96 rows × 256 columns fit the L2 cache. */
export const SCALED_ROWS = 96;
/** Length of the dot products per kernel call, so a tile's four source rows stay in L1. */
export const DOT_CHUNK = 256;

export type KernelChoice = 'auto' | 'wasm' | 'js';

/** Below this many factor values a WebAssembly memory is not worth its setup (and address space). */
const WASM_MIN_VALUES = 1 << 15;
const PAGE = 65536;
const MAX_PAGES = 65536; // 4 GiB, the limit of 32-bit addressing

export interface FactorWorkspace {
  /** The whole buffer as doubles; the factor's values are M[0 .. valueCount). */
  M: Float64Array;
  /** The same buffer as int32 slots. */
  I: Int32Array;
  kernel: UpdateKernel;
  /** Element index of the packed scaled rows (SCALED_ROWS × maxCols doubles). */
  scaledAt: number;
  /** Int32 index of the target row offsets (maxRows). */
  rowOffAt: number;
  /** Int32 index of the target column offsets (maxRows). */
  colOffAt: number;
}

export function createWorkspace(valueCount: number, maxRows: number, maxCols: number, choice: KernelChoice = 'auto'): FactorWorkspace {
  const scaledAt = valueCount;
  const doubles = scaledAt + SCALED_ROWS * Math.max(maxCols, 1);
  const rowOffAt = 2 * doubles;
  const colOffAt = rowOffAt + maxRows;
  const bytes = 4 * (colOffAt + maxRows);
  const pages = Math.ceil(bytes / PAGE);
  const wantWasm = choice === 'wasm' || (choice === 'auto' && valueCount >= WASM_MIN_VALUES);
  if (wantWasm && pages <= MAX_PAGES && wasmKernelAvailable()) {
    let memory: WebAssembly.Memory | undefined;
    try {
      memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    } catch {
      memory = undefined; // address space exhausted: the plain buffer below may still fit
    }
    const kernel = memory && wasmUpdateKernel(memory);
    if (memory && kernel) {
      return { M: new Float64Array(memory.buffer), I: new Int32Array(memory.buffer), kernel, scaledAt, rowOffAt, colOffAt };
    }
  }
  if (choice === 'wasm') throw new Error('sparse: the WebAssembly SIMD kernel was requested but is not available here');
  const buffer = new ArrayBuffer(pages * PAGE);
  const M = new Float64Array(buffer);
  const I = new Int32Array(buffer);
  return { M, I, kernel: jsUpdateKernel(M, I), scaledAt, rowOffAt, colOffAt };
}

/**
 * Applies the update of m source rows (width columns, from element src, row stride srcStride)
 * to a target: T[row a, col b] −= Σ_c U[a, c] · D[dOff + c] · U[b, c] for b < m1, b ≤ a.
 * The caller has filled I[rowOffAt + a] and I[colOffAt + b] (in kernel units). The scaled rows
 * are packed SCALED_ROWS at a time and the dot products cut into DOT_CHUNK pieces, so every
 * kernel call works on cache-resident data whatever the supernode sizes.
 */
export function applyUpdate(ws: FactorWorkspace, src: number, srcStride: number, width: number, m: number, m1: number, D: Float64Array, dOff: number): void {
  const { M, kernel, scaledAt, rowOffAt, colOffAt } = ws;
  for (let b0 = 0; b0 < m1; b0 += SCALED_ROWS) {
    const b1 = Math.min(b0 + SCALED_ROWS, m1);
    for (let b = b0; b < b1; b++) {
      const s = src + b * srcStride;
      const d = scaledAt + (b - b0) * width;
      for (let c = 0; c < width; c++) M[d + c] = M[s + c] * D[dOff + c];
    }
    for (let k0 = 0; k0 < width; k0 += DOT_CHUNK) {
      const len = Math.min(DOT_CHUNK, width - k0);
      kernel.update(src + k0, srcStride, len, b0, m, b0, b1, scaledAt + k0, width, rowOffAt, colOffAt + b0);
    }
  }
}
