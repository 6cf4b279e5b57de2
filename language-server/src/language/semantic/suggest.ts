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
    // A swap of two neighbours counts as one slip, but a plain one-letter slip wins a tie.
    const d = c.toLowerCase() === lower ? 0.5 : isTransposition(name, c) ? 1.01 : distance(name, c);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  // One- and two-letter names are too short for a typo to be told from another name.
  const allowed = name.length <= 2 ? 0.5 : Math.max(1, Math.floor(name.length / 3));
  return bestD <= allowed + 0.01 ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): { text: string; suggestion?: string } {
  const s = closest(name, candidates);
  return s ? { text: `. Did you mean "${s}"?`, suggestion: s } : { text: '' };
}

/** Two adjacent characters swapped (`LVIE` for `LIVE`): one slip, though two edits apart. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
