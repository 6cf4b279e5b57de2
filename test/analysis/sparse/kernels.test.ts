import { strict as assert } from 'node:assert';
import { factorize } from '../../../language-server/src/analysis/sparse';
import type { SparseLdlFactor } from '../../../language-server/src/analysis/sparse/factor';
import type { SupernodalFactor } from '../../../language-server/src/analysis/sparse/supernodal';
import { jsUpdateKernel, wasmKernelAvailable, wasmUpdateKernel } from '../../../language-server/src/analysis/sparse/update-kernel';
import { assembleModule } from '../../../language-server/src/analysis/sparse/wasm-assembler';
import { assembleFrame, gridFrame } from './fixtures/frame-stiffness';
import { maxAbs, maxAbsDiff, randomSpd, randomVector, rng } from './fixtures/generators';

function relDiff(x: Float64Array, y: Float64Array): number {
  return maxAbsDiff(x, y) / Math.max(maxAbs(y), Number.MIN_VALUE);
}

describe('sparse: dense update kernels (WebAssembly SIMD and TypeScript)', () => {
  it('the assembler names the offending line of a bad body', () => {
    const fn = (body: string) => ({ name: 'f', params: [['x', 'i32']] as [string, 'i32'][], locals: [], body });
    assert.throws(() => assembleModule([fn('local.get $x\nf64.frobnicate')]), /body line 2 'f64.frobnicate': unknown instruction/);
    assert.throws(() => assembleModule([fn('local.get $y')]), /unknown local/);
    assert.throws(() => assembleModule([fn('block $b\nbr_if $c\nend')]), /unknown label/);
    assert.throws(() => assembleModule([fn('loop $l')]), /1 unclosed block/);
    assert.ok(WebAssembly.validate(assembleModule([fn('block $b\nlocal.get $x\nbr_if $b\nend')])));
  });

  it('WebAssembly SIMD is available on the Node versions we support', () => {
    assert.ok(wasmKernelAvailable());
  });

  it('both kernels compute the lower trapezoid of U·Sᵀ into scattered targets, for odd lengths and chunk offsets', () => {
    const memory = new WebAssembly.Memory({ initial: 8, maximum: 8 });
    const M = new Float64Array(memory.buffer);
    const I = new Int32Array(memory.buffer);
    const wasm = wasmUpdateKernel(memory)!;
    const buffer = new ArrayBuffer(memory.buffer.byteLength);
    const RM = new Float64Array(buffer);
    const RI = new Int32Array(buffer);
    const js = jsUpdateKernel(RM, RI);
    const random = rng(11);
    const [src, sc, tgt, tStride, rowOff, colOff] = [17, 5000, 10000, 50, 120000, 120100];
    for (let trial = 0; trial < 150; trial++) {
      const len = 1 + Math.floor(random() * 40);
      const m = 1 + Math.floor(random() * 30);
      const m1 = 1 + Math.floor(random() * m);
      const b0 = Math.floor(random() * m1);
      const b1 = b0 + 1 + Math.floor(random() * (m1 - b0));
      const srcStride = len + Math.floor(random() * 3);
      const scStride = len + 1;
      M.fill(0);
      for (let i = 0; i < tgt + m * tStride; i++) M[i] = random() - 0.5;
      RM.set(M);
      for (let a = 0; a < m; a++) {
        RI[rowOff + a] = tgt + a * tStride;
        I[rowOff + a] = 8 * RI[rowOff + a];
      }
      for (let b = b0; b < b1; b++) {
        RI[colOff + b - b0] = b + 3;
        I[colOff + b - b0] = 8 * (b + 3);
      }
      const before = RM.slice(0, tgt + m * tStride);
      wasm.update(src, srcStride, len, b0, m, b0, b1, sc, scStride, rowOff, colOff);
      js.update(src, srcStride, len, b0, m, b0, b1, sc, scStride, rowOff, colOff);
      for (let a = b0; a < m; a++) {
        for (let b = b0; b < Math.min(b1, a + 1); b++) {
          let dot = 0;
          for (let k = 0; k < len; k++) dot += before[src + a * srcStride + k] * before[sc + (b - b0) * scStride + k];
          const i = tgt + a * tStride + b + 3;
          const expected = before[i] - dot;
          assert.ok(Math.abs(RM[i] - expected) < 1e-13, `js, trial ${trial}, (${a}, ${b})`);
          assert.ok(Math.abs(M[i] - expected) < 1e-13, `wasm, trial ${trial}, (${a}, ${b})`);
        }
      }
      // Nothing outside the target block moved (the sources, the scaled rows).
      for (let i = 0; i < tgt; i++) assert.equal(M[i], before[i], `wasm wrote outside the target at ${i}`);
    }
  });

  it('factors agree between kernels on frames large enough to use the SIMD path', () => {
    for (const A of [assembleFrame(gridFrame(6, 5, 9)).A, randomSpd(1500, 6, rng(8))]) {
      const w = factorize(A, { denseKernel: 'wasm' }) as SparseLdlFactor;
      const j = factorize(A, { denseKernel: 'js' }) as SparseLdlFactor;
      const auto = factorize(A) as SparseLdlFactor;
      assert.ok((w.numeric as SupernodalFactor).S.maxCols > 128, 'wide enough for several column groups');
      assert.ok(relDiff((w.numeric as SupernodalFactor).D, (j.numeric as SupernodalFactor).D) < 1e-12);
      const b = randomVector(A.n, rng(3));
      assert.ok(relDiff(w.solve(b), j.solve(b)) < 1e-11);
      assert.ok(relDiff(auto.solve(b), j.solve(b)) < 1e-11);
    }
  });

  it('finds the same mechanisms with either kernel', () => {
    // An unsupported frame: six rigid-body modes, found as zero pivots by both kernels.
    const { A } = assembleFrame(gridFrame(5, 5, 6, { supports: false }));
    const w = factorize(A, { denseKernel: 'wasm' });
    const j = factorize(A, { denseKernel: 'js' });
    assert.equal(w.zeroPivots.length, 6);
    assert.deepEqual(
      w.zeroPivots.map((z) => z.column),
      j.zeroPivots.map((z) => z.column),
    );
  });

  it('rejects an unknown kernel name', () => {
    const A = randomSpd(10, 2, rng(1));
    assert.throws(() => factorize(A, { denseKernel: 'gpu' as never }), /unknown denseKernel 'gpu'/);
  });
});
