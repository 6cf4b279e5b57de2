// What a line of a model is about — the member, node, load case… a participant's cursor is in —
// for "who is editing" hovers. Textual on purpose: it must answer for half-typed lines too.

export interface Subject {
  kind: string;
  name: string;
}

const DECLARES = /^[ \t]*(member|node|section|material|support|combination|check|group|let)[ \t]+([^\s=#]+)/;
const LOAD = /^[ \t]*load[ \t]+([^\s#]+)/;
const END = /^[ \t]*end\b/;

/** The subject of line `line` of `lines`: a load case for any line inside its block. */
export function subjectAt(lines: readonly string[], line: number): Subject | null {
  const own = lines[line];
  if (own === undefined) return null;
  const load = LOAD.exec(own);
  if (load) return { kind: 'load case', name: load[1] };
  // Inside a load block: the nearest `load` above with no `end` between.
  for (let i = line - 1; i >= 0 && i >= line - 2000; i--) {
    if (END.test(lines[i]) || DECLARES.test(lines[i])) break;
    const m = LOAD.exec(lines[i]);
    if (m) return { kind: 'load case', name: m[1] }; // its `end` line included
  }
  const d = DECLARES.exec(own);
  return d ? { kind: d[1], name: d[2] } : null;
}
