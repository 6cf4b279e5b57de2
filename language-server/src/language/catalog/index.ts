// The built-in catalogues: European rolled and hollow sections, steel grades and concrete
// classes. The data files hold only what the tables publish (dimensions, strengths); section
// properties are derived here, once, on first use. All values returned are SI.

import type { CatalogSection, MaterialGrade, SectionProperties } from './types';
import { channelProperties, upnChannel } from './channel-geometry';
import { designation, gradeKey, lookupKey } from './naming';
import {
  STEEL_DENSITY,
  circularHollowProperties,
  hotFinishedRhsProperties,
  iSectionProperties,
} from './section-properties';
import iSectionData from './data/i-sections.json';
import upnData from './data/upn.json';
import chsData from './data/chs.json';
import rhsData from './data/rhs.json';
import shsData from './data/shs.json';
import steelData from './data/steel-grades.json';
import concreteData from './data/concrete-classes.json';

export type { CatalogSection, MaterialGrade, SectionDimensions, SectionProperties, SectionShape, GradeKind } from './types';
export {
  deriveShapeProperties,
  SHAPE_DIMENSIONS,
  STEEL_DENSITY,
  type DerivableShape,
  type DeriveResult,
} from './section-properties';
export { designation, formatSize } from './naming';

const MM = 1e-3;
const CM4 = 1e-8;
const MPA = 1e6;
const GPA = 1e9;
const KN = 1e3;

interface SeriesInfo {
  name: string;
  description: string;
}

const SERIES: readonly SeriesInfo[] = [
  { name: 'IPE', description: 'European I-beams, EN 10365' },
  { name: 'HEA', description: 'European wide-flange beams, light (HE A), EN 10365' },
  { name: 'HEB', description: 'European wide-flange beams (HE B), EN 10365' },
  { name: 'HEM', description: 'European wide-flange beams, heavy (HE M), EN 10365' },
  { name: 'UPN', description: 'European taper-flange channels, EN 10365 / DIN 1026-1' },
  { name: 'CHS', description: 'Hot-finished circular hollow sections, EN 10210' },
  { name: 'RHS', description: 'Hot-finished rectangular hollow sections, EN 10210' },
  { name: 'SHS', description: 'Hot-finished square hollow sections, EN 10210' },
];

interface Catalog {
  sections: CatalogSection[];
  sectionsByKey: Map<string, CatalogSection>;
  grades: MaterialGrade[];
  gradesByKey: Map<string, MaterialGrade>;
}

let built: Catalog | undefined;

function catalog(): Catalog {
  if (!built) built = buildCatalog();
  return built;
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

function withMass(p: SectionProperties): SectionProperties {
  return { ...p, mass: STEEL_DENSITY * p.A };
}

function rolledSections(): CatalogSection[] {
  const out: CatalogSection[] = [];
  for (const [series, rows] of Object.entries(iSectionData.series)) {
    for (const [name, row] of Object.entries(rows as Record<string, number[]>)) {
      const [h, b, tw, tf, r] = row.map((v) => v * MM);
      out.push({
        name,
        series,
        shape: 'i',
        dimensions: { h, b, tw, tf, r },
        properties: withMass(iSectionProperties(h, b, tw, tf, r)),
      });
    }
  }
  for (const [name, row] of Object.entries(upnData.series.UPN as Record<string, number[]>)) {
    const [h, b, tw, tf, r1, r2] = row.slice(0, 6).map((v) => v * MM);
    const It = row[6] * CM4;
    const c = channelProperties(upnChannel(h, b, tw, tf, r1, r2));
    out.push({
      name,
      series: 'UPN',
      shape: 'channel',
      dimensions: { h, b, tw, tf, r: r1 },
      properties: withMass({
        A: c.A,
        Iy: c.Iy,
        Iz: c.Iz,
        J: It,
        Wy: c.Wy,
        Wz: c.Wz,
        Wply: c.Wply,
        Wplz: c.Wplz,
        // EN 1993-1-1 6.2.6(3)(b), channels, load parallel to the web.
        Avz: c.A - 2 * b * tf + (tw + r1) * tf,
        Avy: 2 * b * tf,
      }),
    });
  }
  return out;
}

/** Rows of a hollow-section size table: leading dimensions, then the list of thicknesses. */
function sizeRows(sizes: unknown[]): { dims: number[]; t: number }[] {
  const out: { dims: number[]; t: number }[] = [];
  for (const row of sizes as (number | number[])[][]) {
    const dims = row.slice(0, -1) as number[];
    for (const t of row[row.length - 1] as number[]) out.push({ dims, t });
  }
  return out;
}

function hollowSections(): CatalogSection[] {
  const out: CatalogSection[] = [];
  for (const { dims: [d], t } of sizeRows(chsData.sizes)) {
    out.push({
      name: designation('CHS', [d, t]),
      series: 'CHS',
      shape: 'pipe',
      dimensions: { d: d * MM, t: t * MM },
      properties: withMass(circularHollowProperties(d * MM, t * MM)),
    });
  }
  const box = (series: string, h: number, b: number, t: number, sizes: number[]): CatalogSection => ({
    name: designation(series, sizes),
    series,
    shape: 'box',
    dimensions: { h: h * MM, b: b * MM, t: t * MM, r: 1.5 * t * MM },
    properties: withMass(hotFinishedRhsProperties(h * MM, b * MM, t * MM)),
  });
  for (const { dims: [h, b], t } of sizeRows(rhsData.sizes)) out.push(box('RHS', h, b, t, [h, b, t]));
  for (const { dims: [h], t } of sizeRows(shsData.sizes)) out.push(box('SHS', h, h, t, [h, t]));
  return out;
}

function steelGrades(): MaterialGrade[] {
  const E = steelData.E_GPa * GPA;
  const nu = steelData.nu;
  return Object.entries(steelData.grades).map(([name, [standard, fy, fu]]) => ({
    name,
    kind: 'steel' as const,
    standard: String(standard),
    E,
    G: E / (2 * (1 + nu)),
    nu,
    density: steelData.density_kg_m3,
    weight: steelData.weight_kN_m3 * KN,
    fy: Number(fy) * MPA,
    fu: Number(fu) * MPA,
  }));
}

function concreteClasses(): MaterialGrade[] {
  const nu = concreteData.nu;
  return Object.entries(concreteData.classes).map(([name, [fck, , fctm, Ecm]]) => ({
    name,
    kind: 'concrete' as const,
    standard: concreteData.standard,
    E: Ecm * GPA,
    G: (Ecm * GPA) / (2 * (1 + nu)),
    nu,
    density: concreteData.density_kg_m3,
    weight: concreteData.weight_kN_m3 * KN,
    fck: fck * MPA,
    fctm: fctm * MPA,
  }));
}

function buildCatalog(): Catalog {
  const sections = [...rolledSections(), ...hollowSections()].map(deepFreeze);
  const sectionsByKey = new Map<string, CatalogSection>();
  for (const s of sections) sectionsByKey.set(lookupKey(s.name), s);
  const grades = [...steelGrades(), ...concreteClasses()].map(deepFreeze);
  const gradesByKey = new Map<string, MaterialGrade>();
  for (const g of grades) {
    gradesByKey.set(gradeKey(g.name), g);
    // A concrete class is also known by its cylinder strength alone: C30 → C30/37.
    if (g.kind === 'concrete') gradesByKey.set(`C${Math.round((g.fck ?? 0) / MPA)}`, g);
  }
  return { sections, sectionsByKey, grades, gradesByKey };
}

/**
 * A catalogue section by designation. Accepts the identifier form (`IPE300`, `CHS168_3x8`,
 * `RHS200x100x8`, `SHS100x5`) and the usual written forms (`IPE 300`, `HE 200 B`,
 * `CHS 168.3x8.0`, `SHS100x100x5`), in any case.
 */
export function findSection(name: string): CatalogSection | undefined {
  return catalog().sectionsByKey.get(lookupKey(name));
}

/** Designations of every catalogue section, or of one series, in table order. */
export function sectionNames(series?: string): string[] {
  const s = series?.toUpperCase();
  return catalog()
    .sections.filter((c) => s === undefined || c.series === s)
    .map((c) => c.name);
}

/** The series in the catalogue: IPE, HEA, HEB, HEM, UPN, CHS, RHS, SHS. */
export function sectionSeries(): string[] {
  return SERIES.map((s) => s.name);
}

/** A one-line description of a series, with its standard ("European I-beams, EN 10365"). */
export function describeSeries(series: string): string | undefined {
  return SERIES.find((s) => s.name === series.toUpperCase())?.description;
}

/**
 * A material grade: `S235` … `S460` (a quality suffix such as `S355J2` is ignored),
 * `C12/15` … `C90/105`, also written `C30_37` or just `C30` (by fck).
 */
export function findGrade(name: string): MaterialGrade | undefined {
  return catalog().gradesByKey.get(gradeKey(name));
}

/** Canonical grade names: S235 … S460, then C12/15 … C90/105. */
export function gradeNames(): string[] {
  return catalog().grades.map((g) => g.name);
}
