// Catalogue designations. A name in a model is an identifier, so a size with a decimal point
// is written with `_` for the point: 168.3 × 8.0 → `CHS168_3x8`. Lookup is tolerant of the
// ways the same section is written in tables and drawings ("CHS 168.3x8.0", "HE 200 B",
// "SHS100x100x5", "ipe 300"); `lookupKey` maps all of them to one key.

/** A size in mm as written in a designation: 168.3 → "168_3", 8.0 → "8". */
export function formatSize(mm: number): string {
  return String(Number(mm.toFixed(3))).replace('.', '_');
}

/** The designation of a section from its series and sizes in mm: ("RHS", [200, 100, 8]) → "RHS200x100x8". */
export function designation(series: string, sizesMm: readonly number[]): string {
  return series + sizesMm.map(formatSize).join('x');
}

const NUMBER = String.raw`\d+(?:[._,]\d+)?`;
const DESIGNATION = new RegExp(`^([A-Z]+)(${NUMBER}(?:X${NUMBER})*)$`);

/**
 * The key under which a section is found: upper case, without spaces or dashes, sizes
 * re-formatted. Equal for every accepted spelling of one section.
 */
export function lookupKey(name: string): string {
  let s = name.replace(/[\s-]+/g, '').replace(/[×*]/g, 'x').toUpperCase();
  // "HE200B", "HE200A", "HE200M" → "HEB200" …
  const he = /^HE(\d+)([ABM])$/.exec(s);
  if (he) s = `HE${he[2]}${he[1]}`;
  const m = DESIGNATION.exec(s);
  if (!m) return s;
  const series = m[1];
  const sizes = m[2].split('X').map((n) => Number(n.replace(/[_,]/, '.')));
  // "SHS100x100x5" is "SHS100x5".
  if (series === 'SHS' && sizes.length === 3 && sizes[0] === sizes[1]) sizes.splice(1, 1);
  return series + sizes.map(formatSize).join('X');
}

/**
 * The key of a material grade: "S355", "S355JR", "s355 j2" → "S355"; "C30/37", "C30_37",
 * "C 30/37" → "C30/37"; "C30" stays "C30" (the caller resolves it by fck).
 */
export function gradeKey(name: string): string {
  const s = name.replace(/\s+/g, '').toUpperCase();
  const steel = /^S(\d{3})(?:[A-Z][A-Z0-9+]*)?$/.exec(s);
  if (steel) return `S${steel[1]}`;
  const concrete = /^C(\d+)(?:[/_](\d+))?$/.exec(s);
  if (concrete) return concrete[2] ? `C${concrete[1]}/${concrete[2]}` : `C${concrete[1]}`;
  return s;
}
