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
  const n = g.n;
  const aggressive = options.aggressive ?? true;
  const denseFactor = options.dense ?? 10;
  const N = totalWeight;

  const nz = g.ptr[n];
  // iw holds every vertex's list: for a variable, its elements then its variables; for an
  // element, its variables. Elbow room lets new elements be appended; compaction reclaims the
  // lists of absorbed elements, and the array grows if that is not enough.
  let iw = new Int32Array(Math.max(nz + (nz >> 2) + 2 * n + 16, 64));
  iw.set(g.adj.subarray(0, nz));
  let pfree = nz;

  const pe = new Int32Array(n); // start of the vertex's list in iw, -1 when it has none
  const len = new Int32Array(n); // length of the list
  const elen = new Int32Array(n); // number of elements at the head of a variable's list
  const nv = new Int32Array(n); // weight of a principal variable; negated while in Lme; 0 when dead
  const degree = new Int32Array(n); // approximate external degree (variables), |Le| (elements)
  const w = new Int32Array(n); // |Le \ Lme| + wflg during a step; 0 marks an absorbed element
  const joined = new Int32Array(n).fill(-1); // dead variable → vertex it was eliminated with
  const pivotStep = new Int32Array(n).fill(-1);
  const degHead = new Int32Array(N + 1).fill(-1);
  const degNext = new Int32Array(n).fill(-1);
  const degPrev = new Int32Array(n).fill(-1);
  const hashHead = new Int32Array(n).fill(-1);
  const hashNext = new Int32Array(n).fill(-1);
  const hashOf = new Int32Array(n);

  for (let i = 0; i < n; i++) {
    pe[i] = g.ptr[i];
    len[i] = g.ptr[i + 1] - g.ptr[i];
    if (len[i] === 0) pe[i] = -1;
    nv[i] = weight[i];
    w[i] = 1;
  }

  // Dense rows would make every element huge; order them last (the caller's postorder keeps
  // them at the end) and leave them in other lists as weight-0 entries, skipped everywhere.
  let denseLimit = N;
  if (denseFactor > 0) denseLimit = Math.min(N, Math.max(16, Math.floor(denseFactor * Math.sqrt(N))));
  const isDense = new Uint8Array(n);
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
  let nel = 0;
  let step = 0;
  const dense: number[] = [];
  if (nDense > 0) {
    for (let i = 0; i < n; i++) {
      if (isDense[i]) {
        dense.push(i);
        nel += nv[i];
        nv[i] = 0;
        pe[i] = -1;
        len[i] = 0;
      }
    }
    for (let i = 0; i < n; i++) {
      if (isDense[i]) continue;
      let d = 0;
      for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) d += nv[g.adj[p]];
      degree[i] = d;
    }
  }

  const insertDegree = (i: number, d: number): void => {
    const h = degHead[d];
    degNext[i] = h;
    degPrev[i] = -1;
    if (h !== -1) degPrev[h] = i;
    degHead[d] = i;
  };
  const removeDegree = (i: number): void => {
    const nx = degNext[i];
    const pv = degPrev[i];
    if (nx !== -1) degPrev[nx] = pv;
    if (pv !== -1) degNext[pv] = nx;
    else degHead[degree[i]] = nx;
  };

  for (let i = 0; i < n; i++) {
    if (isDense[i]) continue;
    if (degree[i] === 0) {
      // Isolated: eliminate at once; it creates no element.
      pivotStep[i] = step++;
      nel += nv[i];
      pe[i] = -1;
      len[i] = 0;
      w[i] = 0;
    } else {
      insertDegree(i, degree[i]);
    }
  }

  let mindeg = 0;
  let lemax = 0;
  let wflg = 2;
  const wbig = 0x3fffffff;
  const clearFlag = (flag: number): number => {
    if (flag < 2 || flag >= wbig) {
      for (let x = 0; x < n; x++) if (w[x] !== 0) w[x] = 1;
      return 2;
    }
    return flag;
  };

  /** Slides every live list to the front of iw, dropping the space of dead ones. */
  const compact = (): void => {
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
    pfree = dst;
  };

  const ensureSpace = (need: number): void => {
    if (pfree + need <= iw.length) return;
    compact();
    if (pfree + need <= iw.length) return;
    const grown = new Int32Array(Math.max(pfree + need, Math.floor(iw.length * 1.5)));
    grown.set(iw.subarray(0, pfree));
    iw = grown;
  };

  while (nel < N) {
    // --- 1. Pivot of minimum approximate degree.
    let deg = mindeg;
    while (deg <= N && degHead[deg] === -1) deg++;
    if (deg > N) throw new Error('amd: internal error, no pivot left while variables remain');
    mindeg = deg;
    const me = degHead[deg];
    removeDegree(me);
    const elenme = elen[me];
    let nvpiv = nv[me];
    nel += nvpiv;
    pivotStep[me] = step++;
    nv[me] = -nvpiv;
    let degme = 0;

    // --- 2. New element Lme = (variables of me) ∪ (variables of me's elements), flagged by
    // negated nv and taken out of the degree lists while their degrees are recomputed.
    let pme1: number;
    let pme2: number;
    if (elenme === 0) {
      // me has no elements: its variable list becomes Lme in place.
      const p = pe[me];
      pme1 = p;
      pme2 = p - 1;
      const end = p + len[me];
      for (let q = p; q < end; q++) {
        const i = iw[q];
        const nvi = nv[i];
        if (nvi > 0) {
          degme += nvi;
          nv[i] = -nvi;
          iw[++pme2] = i;
          removeDegree(i);
        }
      }
    } else {
      let need = len[me] - elenme;
      for (let q = pe[me]; q < pe[me] + elenme; q++) need += len[iw[q]];
      ensureSpace(need);
      pme1 = pfree;
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
            removeDegree(i);
          }
        }
        if (e !== me) {
          // Every variable of e is now in Lme, so e adds nothing: absorb it.
          pe[e] = -1;
          len[e] = 0;
          w[e] = 0;
        }
      }
      pme2 = pfree - 1;
    }
    pe[me] = pme1;
    len[me] = pme2 - pme1 + 1;
    elen[me] = 0;

    // --- 3. w[e] − wflg = |Le \ Lme| for every element e adjacent to a variable of Lme.
    wflg = clearFlag(wflg);
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

    // --- 4. Degree update, pruning, absorption, mass elimination, hashing for step 5.
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
        degme -= nvi;
        nvpiv += nvi;
        nel += nvi;
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
    degree[me] = degme;
    if (degme > lemax) lemax = degme;
    wflg = clearFlag(wflg + lemax + 1);

    // --- 5. Supervariables: variables of Lme with identical lists are merged.
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
    wflg = clearFlag(wflg);

    // --- 6. Final degrees; Lme keeps only principal variables.
    let p = pme1;
    const nleft = N - nel;
    for (let pme = pme1; pme <= pme2; pme++) {
      const i = iw[pme];
      const nvi = -nv[i];
      if (nvi <= 0) continue;
      nv[i] = nvi;
      let di = degree[i] + degme - nvi;
      if (di > nleft - nvi) di = nleft - nvi;
      if (di < 0) di = 0;
      degree[i] = di;
      insertDegree(i, di);
      if (di < mindeg) mindeg = di;
      iw[p++] = i;
    }
    nv[me] = nvpiv;
    len[me] = p - pme1;
    if (len[me] === 0) {
      pe[me] = -1;
      w[me] = 0;
    }
    if (elenme !== 0) pfree = pme1 + len[me];
  }

  // Order: pivots in elimination order, each followed by the variables eliminated with it
  // (merged supervariables and mass eliminations, possibly through chains), dense rows last.
  const groupOf = (i: number): number => {
    let r = i;
    while (pivotStep[r] < 0) r = joined[r];
    // Path compression keeps repeated chains short.
    let x = i;
    while (x !== r) {
      const nx = joined[x];
      if (pivotStep[x] < 0) joined[x] = r;
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
