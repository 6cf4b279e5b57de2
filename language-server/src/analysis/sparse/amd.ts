// Approximate minimum degree ordering (Amestoy, Davis & Duff, SIAM J. Matrix Anal. Appl. 17(4),
// 1996), written from the paper's description. Elimination is simulated on a quotient graph:
// eliminated vertices become "elements" (cliques stored by their vertex list, not by their
// edges), so memory never exceeds the input size plus elbow room. Degrees are upper bounds
// computed from |Le \ Lme| instead of exact set unions — the approximation that makes minimum
// degree fast enough for 300k unknowns at essentially the same fill.
//
// Features: element absorption (and aggressive absorption), mass elimination, supervariable
// detection by hashing, dense-row postponement, and a prior merge of indistinguishable vertices
// (compress.ts). The output is the pivot order; the caller postorders the elimination tree.
import type { Graph } from './adjacency';
import { compressIndistinguishable } from './compress';

export interface AmdOptions {
  /** Rows with degree > max(16, dense·√n) are ordered last (AMD's default 10); ≤ 0 disables. */
  dense?: number;
  /** Absorb elements whose variables all lie in the new element (default true). */
  aggressive?: boolean;
}

/** Returns perm (new index → old index) of a fill-reducing ordering of the graph's vertices. */
export function amdOrder(g: Graph, options: AmdOptions = {}): Int32Array {
  const n = g.n;
  if (n === 0) return new Int32Array(0);
  const cg = compressIndistinguishable(g);
  const order = amdWeighted(cg.graph, cg.weight, n, options);
  const perm = new Int32Array(n);
  let k = 0;
  for (let t = 0; t < order.length; t++) {
    const c = order[t];
    for (let p = cg.memberPtr[c]; p < cg.memberPtr[c + 1]; p++) perm[k++] = cg.members[p];
  }
  return perm;
}

/**
 * AMD on a vertex-weighted graph (weights = numbers of original unknowns, total = totalWeight).
 * Returns the compressed vertices in elimination order.
 */
export function amdWeighted(g: Graph, weight: Int32Array, totalWeight: number, options: AmdOptions = {}): Int32Array {
  const q = new QuotientGraph(g, weight, totalWeight, options);
  while (q.nel < q.N) {
    q.selectPivot();
    q.buildElement();
    q.computeExternalSizes();
    q.updateDegrees();
    q.mergeSupervariables();
    q.finalizeDegrees();
  }
  return q.order();
}

/**
 * The elimination state. One method per phase of a pivot step rather than one long function:
 * V8 optimizes small functions much sooner (a single 400-line function took longer to compile
 * than to run on 10k-vertex graphs).
 */
class QuotientGraph {
  readonly n: number;
  /** Total weight; elimination ends when nel reaches it. */
  readonly N: number;
  readonly aggressive: boolean;
  /**
   * Every vertex's list: for a variable, its elements then its variables; for an element, its
   * variables. Elbow room lets new elements be appended; compaction reclaims the lists of
   * absorbed elements, and the array grows if that is not enough.
   */
  iw: Int32Array;
  pfree: number;
  readonly pe: Int32Array; // start of the vertex's list in iw, -1 when it has none
  readonly len: Int32Array; // length of the list
  readonly elen: Int32Array; // number of elements at the head of a variable's list
  readonly nv: Int32Array; // weight of a principal variable; negated while in Lme; 0 when dead
  readonly degree: Int32Array; // approximate external degree (variables), |Le| (elements)
  readonly w: Int32Array; // |Le \ Lme| + wflg during a step; 0 marks an absorbed element
  readonly joined: Int32Array; // dead variable → vertex it was eliminated with
  readonly pivotStep: Int32Array;
  readonly degHead: Int32Array;
  readonly degNext: Int32Array;
  readonly degPrev: Int32Array;
  readonly hashHead: Int32Array;
  readonly hashNext: Int32Array;
  readonly hashOf: Int32Array;
  readonly isDense: Uint8Array;
  readonly dense: number[] = [];
  nel = 0;
  step = 0;
  mindeg = 0;
  lemax = 0;
  wflg = 2;
  // The current pivot step.
  me = -1;
  elenme = 0;
  nvpiv = 0;
  degme = 0;
  pme1 = 0;
  pme2 = -1;

  constructor(g: Graph, weight: Int32Array, totalWeight: number, options: AmdOptions) {
    const n = g.n;
    this.n = n;
    this.N = totalWeight;
    this.aggressive = options.aggressive ?? true;
    const nz = g.ptr[n];
    this.iw = new Int32Array(Math.max(nz + (nz >> 2) + 2 * n + 16, 64));
    this.iw.set(g.adj.subarray(0, nz));
    this.pfree = nz;
    const pe = (this.pe = new Int32Array(n));
    const len = (this.len = new Int32Array(n));
    this.elen = new Int32Array(n);
    const nv = (this.nv = new Int32Array(n));
    const degree = (this.degree = new Int32Array(n));
    const w = (this.w = new Int32Array(n));
    this.joined = new Int32Array(n).fill(-1);
    this.pivotStep = new Int32Array(n).fill(-1);
    this.degHead = new Int32Array(totalWeight + 1).fill(-1);
    this.degNext = new Int32Array(n).fill(-1);
    this.degPrev = new Int32Array(n).fill(-1);
    this.hashHead = new Int32Array(n).fill(-1);
    this.hashNext = new Int32Array(n).fill(-1);
    this.hashOf = new Int32Array(n);
    const isDense = (this.isDense = new Uint8Array(n));
    for (let i = 0; i < n; i++) {
      pe[i] = g.ptr[i];
      len[i] = g.ptr[i + 1] - g.ptr[i];
      if (len[i] === 0) pe[i] = -1;
      nv[i] = weight[i];
      w[i] = 1;
    }

    // Dense rows would make every element huge; order them last (the caller's postorder keeps
    // them at the end) and leave them in other lists as weight-0 entries, skipped everywhere.
    const N = totalWeight;
    const denseFactor = options.dense ?? 10;
    const denseLimit = denseFactor > 0 ? Math.min(N, Math.max(16, Math.floor(denseFactor * Math.sqrt(N)))) : N;
    let nDense = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) d += weight[g.adj[p]];
      degree[i] = d;
      if (d > denseLimit) {
        isDense[i] = 1;
        nDense++;
      }
    }
    if (nDense > 0) {
      for (let i = 0; i < n; i++) {
        if (!isDense[i]) continue;
        this.dense.push(i);
        this.nel += nv[i];
        nv[i] = 0;
        pe[i] = -1;
        len[i] = 0;
      }
      for (let i = 0; i < n; i++) {
        if (isDense[i]) continue;
        let d = 0;
        for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) d += nv[g.adj[p]];
        degree[i] = d;
      }
    }
    for (let i = 0; i < n; i++) {
      if (isDense[i]) continue;
      if (degree[i] === 0) {
        // Isolated: eliminate at once; it creates no element.
        this.pivotStep[i] = this.step++;
        this.nel += nv[i];
        pe[i] = -1;
        len[i] = 0;
        w[i] = 0;
      } else {
        this.insertDegree(i, degree[i]);
      }
    }
  }

  insertDegree(i: number, d: number): void {
    const h = this.degHead[d];
    this.degNext[i] = h;
    this.degPrev[i] = -1;
    if (h !== -1) this.degPrev[h] = i;
    this.degHead[d] = i;
  }

  removeDegree(i: number): void {
    const nx = this.degNext[i];
    const pv = this.degPrev[i];
    if (nx !== -1) this.degPrev[nx] = pv;
    if (pv !== -1) this.degNext[pv] = nx;
    else this.degHead[this.degree[i]] = nx;
  }

  clearFlag(flag: number): number {
    if (flag < 2 || flag >= 0x3fffffff) {
      const w = this.w;
      for (let x = 0; x < this.n; x++) if (w[x] !== 0) w[x] = 1;
      return 2;
    }
    return flag;
  }

  /** Slides every live list to the front of iw, dropping the space of dead ones. */
  compact(): void {
    const { iw, pe, len, n } = this;
    // Mark each live list's first slot with −(owner+1), parking the displaced value in pe.
    for (let j = 0; j < n; j++) {
      const p = pe[j];
      if (p < 0) continue;
      if (len[j] === 0) {
        pe[j] = -1;
        continue;
      }
      pe[j] = iw[p];
      iw[p] = -(j + 1);
    }
    let dst = 0;
    let src = 0;
    const pfree = this.pfree;
    while (src < pfree) {
      const v = iw[src];
      if (v < 0) {
        const j = -v - 1;
        iw[dst] = pe[j];
        pe[j] = dst;
        dst++;
        src++;
        for (let k = 1; k < len[j]; k++) iw[dst++] = iw[src++];
      } else {
        src++;
      }
    }
    this.pfree = dst;
  }

  ensureSpace(need: number): void {
    if (this.pfree + need <= this.iw.length) return;
    this.compact();
    if (this.pfree + need <= this.iw.length) return;
    const grown = new Int32Array(Math.max(this.pfree + need, Math.floor(this.iw.length * 1.5)));
    grown.set(this.iw.subarray(0, this.pfree));
    this.iw = grown;
  }

  /** Step 1: a variable of minimum approximate degree becomes the pivot element me. */
  selectPivot(): void {
    const { degHead, N } = this;
    let deg = this.mindeg;
    while (deg <= N && degHead[deg] === -1) deg++;
    if (deg > N) throw new Error('amd: internal error, no pivot left while variables remain');
    this.mindeg = deg;
    const me = degHead[deg];
    this.removeDegree(me);
    this.me = me;
    this.elenme = this.elen[me];
    this.nvpiv = this.nv[me];
    this.nel += this.nvpiv;
    this.pivotStep[me] = this.step++;
    this.nv[me] = -this.nvpiv;
    this.degme = 0;
  }

  /**
   * Step 2: Lme = (variables of me) ∪ (variables of me's elements), flagged by negated nv and
   * taken out of the degree lists while their degrees are recomputed. me's elements are absorbed.
   */
  buildElement(): void {
    const { me, elenme, pe, len, nv, w } = this;
    let degme = 0;
    if (elenme === 0) {
      // me has no elements: its variable list becomes Lme in place.
      const iw = this.iw;
      const p = pe[me];
      let pme2 = p - 1;
      const end = p + len[me];
      for (let q = p; q < end; q++) {
        const i = iw[q];
        const nvi = nv[i];
        if (nvi > 0) {
          degme += nvi;
          nv[i] = -nvi;
          iw[++pme2] = i;
          this.removeDegree(i);
        }
      }
      this.pme1 = p;
      this.pme2 = pme2;
    } else {
      let need = len[me] - elenme;
      for (let q = pe[me]; q < pe[me] + elenme; q++) need += len[this.iw[q]];
      this.ensureSpace(need);
      const iw = this.iw; // after a possible reallocation
      let pfree = this.pfree;
      const pme1 = pfree;
      for (let k = 0; k <= elenme; k++) {
        let e: number;
        let pj: number;
        let ln: number;
        if (k < elenme) {
          e = iw[pe[me] + k];
          pj = pe[e];
          ln = len[e];
        } else {
          e = me;
          pj = pe[me] + elenme;
          ln = len[me] - elenme;
        }
        for (let q = pj; q < pj + ln; q++) {
          const i = iw[q];
          const nvi = nv[i];
          if (nvi > 0) {
            degme += nvi;
            nv[i] = -nvi;
            iw[pfree++] = i;
            this.removeDegree(i);
          }
        }
        if (e !== me) {
          // Every variable of e is now in Lme, so e adds nothing: absorb it.
          pe[e] = -1;
          len[e] = 0;
          w[e] = 0;
        }
      }
      this.pfree = pfree;
      this.pme1 = pme1;
      this.pme2 = pfree - 1;
    }
    pe[me] = this.pme1;
    len[me] = this.pme2 - this.pme1 + 1;
    this.elen[me] = 0;
    this.degme = degme;
  }

  /** Step 3: w[e] − wflg = |Le \ Lme| for every element e adjacent to a variable of Lme. */
  computeExternalSizes(): void {
    const { iw, pe, elen, nv, w, degree, pme1, pme2 } = this;
    const wflg = (this.wflg = this.clearFlag(this.wflg));
    for (let pme = pme1; pme <= pme2; pme++) {
      const i = iw[pme];
      const eln = elen[i];
      if (eln <= 0) continue;
      const nvi = -nv[i];
      const wnvi = wflg - nvi;
      const p0 = pe[i];
      for (let q = p0; q < p0 + eln; q++) {
        const e = iw[q];
        let we = w[e];
        if (we >= wflg) we -= nvi;
        else if (we !== 0) we = degree[e] + wnvi;
        w[e] = we;
      }
    }
  }

  /** Step 4: degree bounds, list pruning, absorption, mass elimination, hashing for step 5. */
  updateDegrees(): void {
    const { iw, pe, len, elen, nv, w, degree, joined, hashHead, hashNext, hashOf, me, pme1, pme2, wflg, aggressive, n } = this;
    for (let pme = pme1; pme <= pme2; pme++) {
      const i = iw[pme];
      const p1 = pe[i];
      const p2 = p1 + elen[i];
      let pn = p1;
      let hash = 0;
      let d = 0;
      for (let q = p1; q < p2; q++) {
        const e = iw[q];
        const we = w[e];
        if (we === 0) continue; // absorbed
        const dext = we - wflg;
        if (dext > 0 || !aggressive) {
          d += dext;
          iw[pn++] = e;
          hash += e;
        } else {
          // Le ⊆ Lme: e is redundant next to me.
          pe[e] = -1;
          len[e] = 0;
          w[e] = 0;
        }
      }
      const nElements = pn - p1 + 1; // + me
      const p3 = pn;
      const p4 = p1 + len[i];
      for (let q = p2; q < p4; q++) {
        const j = iw[q];
        const nvj = nv[j];
        if (nvj > 0) {
          d += nvj;
          iw[pn++] = j;
          hash += j;
        }
      }
      if (nElements === 1 && p3 === pn) {
        // Mass elimination: i is adjacent to me only, so it is eliminated together with me.
        const nvi = -nv[i];
        this.degme -= nvi;
        this.nvpiv += nvi;
        this.nel += nvi;
        nv[i] = 0;
        joined[i] = me;
        pe[i] = -1;
        len[i] = 0;
        elen[i] = 0;
      } else {
        if (d < degree[i]) degree[i] = d;
        // Put me first: the first variable moves to the free slot at the end, the first
        // element into the first variable's place. At least one entry (me as a variable, or an
        // element absorbed into me) was removed above, so the slot exists.
        iw[pn] = iw[p3];
        iw[p3] = iw[p1];
        iw[p1] = me;
        elen[i] = nElements;
        len[i] = pn - p1 + 1;
        const h = (hash >>> 0) % n;
        hashOf[i] = h;
        hashNext[i] = hashHead[h];
        hashHead[h] = i;
      }
    }
    degree[me] = this.degme;
    if (this.degme > this.lemax) this.lemax = this.degme;
    this.wflg = this.clearFlag(this.wflg + this.lemax + 1);
  }

  /** Step 5: variables of Lme with identical lists (same hash bucket) become one supervariable. */
  mergeSupervariables(): void {
    const { iw, pe, len, elen, nv, w, joined, hashHead, hashNext, hashOf, pme1, pme2 } = this;
    let wflg = this.wflg;
    for (let pme = pme1; pme <= pme2; pme++) {
      const i = iw[pme];
      if (nv[i] >= 0) continue; // mass-eliminated or already merged
      const h = hashOf[i];
      let a = hashHead[h];
      if (a === -1) continue;
      hashHead[h] = -1;
      for (; a !== -1; a = hashNext[a]) {
        if (nv[a] >= 0 || hashNext[a] === -1) continue;
        const ln = len[a];
        const eln = elen[a];
        const pa = pe[a];
        for (let q = pa + 1; q < pa + ln; q++) w[iw[q]] = wflg;
        let prev = a;
        for (let b = hashNext[a]; b !== -1; b = hashNext[b]) {
          let same = len[b] === ln && elen[b] === eln;
          if (same) {
            const pb = pe[b];
            for (let q = pb + 1; q < pb + ln; q++) {
              if (w[iw[q]] !== wflg) {
                same = false;
                break;
              }
            }
          }
          if (same) {
            nv[a] += nv[b]; // both negative while in Lme
            nv[b] = 0;
            joined[b] = a;
            pe[b] = -1;
            len[b] = 0;
            elen[b] = 0;
            hashNext[prev] = hashNext[b];
          } else {
            prev = b;
          }
        }
        wflg++;
      }
    }
    this.wflg = this.clearFlag(wflg);
  }

  /** Step 6: final degrees; Lme keeps only principal variables, me becomes an element. */
  finalizeDegrees(): void {
    const { iw, pe, len, nv, w, degree, me, pme1, pme2, degme } = this;
    let p = pme1;
    const nleft = this.N - this.nel;
    let mindeg = this.mindeg;
    for (let pme = pme1; pme <= pme2; pme++) {
      const i = iw[pme];
      const nvi = -nv[i];
      if (nvi <= 0) continue;
      nv[i] = nvi;
      let di = degree[i] + degme - nvi;
      if (di > nleft - nvi) di = nleft - nvi;
      if (di < 0) di = 0;
      degree[i] = di;
      this.insertDegree(i, di);
      if (di < mindeg) mindeg = di;
      iw[p++] = i;
    }
    this.mindeg = mindeg;
    nv[me] = this.nvpiv;
    len[me] = p - pme1;
    if (len[me] === 0) {
      pe[me] = -1;
      w[me] = 0;
    }
    if (this.elenme !== 0) this.pfree = pme1 + len[me];
  }

  /**
   * Pivots in elimination order, each followed by the variables eliminated with it (merged
   * supervariables and mass eliminations, possibly through chains), dense rows last.
   */
  order(): Int32Array {
    const { n, pivotStep, joined, isDense, dense, step } = this;
    const groupOf = (i: number): number => {
      let r = i;
      while (pivotStep[r] < 0) r = joined[r];
      let x = i;
      while (x !== r) {
        const nx = joined[x];
        joined[x] = r; // path compression keeps repeated chains short
        x = nx;
      }
      return r;
    };
    const key = new Int32Array(n);
    const size = new Int32Array(step + dense.length + 1);
    for (let i = 0; i < n; i++) {
      if (isDense[i]) continue;
      if (pivotStep[i] < 0 && joined[i] < 0) throw new Error('amd: internal error, vertex was never eliminated');
      key[i] = pivotStep[groupOf(i)];
      size[key[i] + 1]++;
    }
    for (let t = 0; t < dense.length; t++) {
      key[dense[t]] = step + t;
      size[step + t + 1]++;
    }
    for (let t = 0; t < step + dense.length; t++) size[t + 1] += size[t];
    const order = new Int32Array(n);
    // Pivots first within their group, then the rest.
    for (let i = 0; i < n; i++) if (pivotStep[i] >= 0 || isDense[i]) order[size[key[i]]++] = i;
    for (let i = 0; i < n; i++) if (pivotStep[i] < 0 && !isDense[i]) order[size[key[i]]++] = i;
    return order;
  }
}
