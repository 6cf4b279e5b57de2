// Statement keywords, by where they may stand.
export const TOP_KEYWORDS = [
  'model', 'meta', 'units', 'include', 'let', 'material', 'section', 'node', 'member',
  'support', 'group', 'load', 'combination', 'check',
] as const;
export const LOAD_BODY_KEYWORDS: ReadonlySet<string> = new Set(['selfweight', 'nodal', 'uniform', 'point', 'trapezoid', 'displacement']);
