// Positions as in LSP: 0-based line, 0-based character counted in UTF-16 code units (which is
// what a JavaScript string index is), so ranges pass to the protocol unchanged.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(line: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function spanRanges(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** Maps offsets in a text to positions. */
export class LineIndex {
  private readonly starts: Int32Array;
  constructor(readonly text: string, starts?: Int32Array) {
    if (starts) {
      this.starts = starts;
      return;
    }
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    const out = new Int32Array(n);
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out[k++] = i + 1;
    this.starts = out;
  }
  /**
   * The index of a text made from this one by replacing [from, to) with a replacement holding
   * the same number of line breaks — the common edit within lines — without rescanning the text.
   */
  afterEdit(newText: string, from: number, to: number): LineIndex | undefined {
    const delta = newText.length - this.text.length;
    const starts = this.starts.slice();
    let k = 0;
    while (k < starts.length && starts[k] <= from) k++;
    // Line starts inside the replaced range moved with the replacement: find them anew.
    let j = k;
    let search = from;
    while (j < starts.length && starts[j] <= to) {
      const nl = newText.indexOf('\n', search);
      if (nl < 0) return undefined;
      starts[j++] = nl + 1;
      search = nl + 1;
    }
    for (; j < starts.length; j++) starts[j] += delta;
    return new LineIndex(newText, starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
  lineText(line: number): string {
    const s = this.lineStart(line);
    const e = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return this.text.slice(s, e).replace(/\r$/, '');
  }
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[p.line] + p.character, this.text.length);
  }
}
