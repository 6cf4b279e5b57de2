// "Did you mean" suggestions: the closest candidate by edit distance, when close enough to be a
// plausible typo (at most a third of the name's length, and at least one edit allowed).
import { distance } from 'fastest-levenshtein';

export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    // A case-only difference is the most likely typo of all.
    const d = c.toLowerCase() === lower ? 0.5 : distance(name, c);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return bestD <= allowed ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): { text: string; suggestion?: string } {
  const s = closest(name, candidates);
  return s ? { text: `. Did you mean "${s}"?`, suggestion: s } : { text: '' };
}
