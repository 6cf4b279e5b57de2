// Text widths, cached per character: a 100-page report measures hundreds of thousands of strings,
// and the fonts' own layout engine is far too slow for that. The PDF writer emits one glyph per
// character with no kerning, so the sum of advance widths is exactly the width drawn.
import type { FontFace } from '../fonts';

export interface TextMeasure {
  /** Width of `text` at `size` points. */
  width(text: string, face: FontFace, size: number): number;
}

/** Builds a measure from a per-character advance function (1000 units per em). */
export function cachedMeasure(advance: (ch: string, face: FontFace) => number): TextMeasure {
  const tables: Record<FontFace, Map<string, number>> = { regular: new Map(), bold: new Map(), mono: new Map() };
  return {
    width(text, face, size) {
      const table = tables[face];
      let w = 0;
      for (const ch of text) {
        let a = table.get(ch);
        if (a === undefined) {
          a = advance(ch, face);
          table.set(ch, a);
        }
        w += a;
      }
      return (w * size) / 1000;
    },
  };
}

/** Breaks `text` into lines no wider than `maxWidth`: at spaces, after / , ; - and, for a word
 * longer than a line, inside the word. Explicit newlines are kept. */
export function wrapText(text: string, measure: TextMeasure, face: FontFace, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (measure.width(para, face, size) <= maxWidth) {
      out.push(para);
      continue;
    }
    // Tokens keep their trailing break character so that joining them restores the text.
    const tokens = para.match(/[^\s/,;-]*[/,;-]?\s*|[^\s]+/g)?.filter((t) => t.length > 0) ?? [para];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (measure.width(candidate.trimEnd(), face, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = '';
      // A token wider than the line: split it by characters.
      let rest = token;
      while (measure.width(rest.trimEnd(), face, size) > maxWidth) {
        let k = 1;
        while (k < rest.length && measure.width(rest.slice(0, k + 1), face, size) <= maxWidth) k++;
        out.push(rest.slice(0, k));
        rest = rest.slice(k);
      }
      line = rest;
    }
    if (line.trim() || out.length === 0) out.push(line.trimEnd());
  }
  return out;
}

/** Shortens `text` with an ellipsis to fit `maxWidth`. */
export function fitText(text: string, measure: TextMeasure, face: FontFace, size: number, maxWidth: number): string {
  if (measure.width(text, face, size) <= maxWidth) return text;
  let k = text.length;
  while (k > 0 && measure.width(text.slice(0, k) + '…', face, size) > maxWidth) k--;
  return text.slice(0, k) + '…';
}
