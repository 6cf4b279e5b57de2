// Model things written for engineers: values in the file's units or in the units tables use
// (cm², cm⁴, GPa, MPa, kN/m³), one-line summaries of declarations, load case totals and expanded
// combinations. Shared by hover and completion.
import { memberGeometry } from '../analysis/local-axes';
import { describeSeries, type CatalogSection, type MaterialGrade, type SectionProperties } from '../language/catalog';
import { KIND_LABEL, type QuantitySpec } from '../language/schema';
import type {
  CombinationEntity, ConstantEntity, Decl, GroupEntity, LoadCaseEntity, MaterialEntity, MemberEntity, Model, NodeEntity,
  Position as LoadPosition, SectionEntity, Vec3,
} from '../language/semantic/model';
import { expandMembers, memberLength } from '../language/semantic/validate-model';
import { describeDimension, type Dimension } from '../language/units/dimension';
import { DEFAULT_UNITS, defaultUnit, formatNumber, parseUnit, type UnitSystem } from '../language/units/unit-expression';

const SUPERSCRIPT: Record<string, string> = { '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶' };

/** `kN/m2` → `kN/m²`, `kN*m` → `kN·m`: a unit as it is printed, not typed. */
export function prettyUnit(text: string): string {
  return text.replace(/([A-Za-z])([2-6])(?![0-9])/g, (_, a: string, p: string) => a + SUPERSCRIPT[p]).replace(/\*/g, '·');
}

/** A number for display: six significant digits, and float noise around zero shown as 0. */
export function fmt(v: number, scale = Math.abs(v)): string {
  if (Math.abs(v) < 1e-9 * Math.max(scale, 1e-300) || Math.abs(v) < 1e-12) return '0';
  return formatNumber(v);
}

/** Four significant digits, as section tables print them (53.81, 8356, 603.8). */
export function sig4(v: number): string {
  if (v === 0) return '0';
  return String(Number(v.toPrecision(4)));
}

/** An SI value in a unit written as in the language (`GPa`, `kN/m3`): "210 GPa". */
export function inUnit(si: number, unitText: string, digits: (v: number) => string = fmt): string {
  const u = parseUnit(unitText);
  const factor = u.ok ? u.unit.factor : 1;
  return `${digits(si / factor)} ${prettyUnit(unitText)}`;
}

export function fileUnits(model: Model, uri: string): UnitSystem {
  return model.files.find((f) => f.uri === uri)?.units ?? DEFAULT_UNITS;
}

/** The unit a bare number takes in a slot, as typed (`kN/m2`), or undefined (needs a unit). */
export function bareUnit(spec: QuantitySpec, units: UnitSystem): string | undefined {
  const u = defaultUnit(spec.dim, units, spec.angle ?? 'deg');
  return u?.text;
}

/** The SI unit of a dimension, for "= 2.1e+11 Pa (SI)". */
export function siUnit(d: Dimension): string {
  const key = `${d.M},${d.L},${d.T},${d.A}`;
  const table: Record<string, string> = {
    '0,0,0,0': '', '0,1,0,0': 'm', '1,0,0,0': 'kg', '1,1,-2,0': 'N', '1,-1,-2,0': 'Pa', '0,2,0,0': 'm2', '0,4,0,0': 'm4',
    '0,3,0,0': 'm3', '1,2,-2,0': 'N*m', '1,0,-2,0': 'N/m', '1,-2,-2,0': 'N/m3', '1,-3,0,0': 'kg/m3', '0,0,0,1': 'rad',
    '1,2,-2,-1': 'N*m/rad', '1,1,-2,-1': 'N/rad',
  };
  return table[key] ?? describeDimension(d).replace(/^a quantity in /, '');
}

/** Units for section properties: cm-based tables, or inch tables in a file using in or ft. */
export function sectionUnits(units: UnitSystem): { length: string; area: string; modulus: string; second: string } {
  return ['in', 'ft'].includes(units.length.text)
    ? { length: 'in', area: 'in2', modulus: 'in3', second: 'in4' }
    : { length: 'mm', area: 'cm2', modulus: 'cm3', second: 'cm4' };
}

/** "A = 53.81 cm², Iy = 8356 cm⁴, …" */
export function sectionPropertyText(p: Partial<SectionProperties>, units: UnitSystem): string {
  const u = sectionUnits(units);
  const parts: string[] = [];
  const put = (key: keyof SectionProperties, unit: string) => {
    const v = p[key];
    if (v !== undefined) parts.push(`${key} = ${inUnit(v, unit, sig4)}`);
  };
  put('A', u.area);
  put('Iy', u.second);
  put('Iz', u.second);
  put('J', u.second);
  put('Wy', u.modulus);
  put('Wz', u.modulus);
  return parts.join(', ');
}

/** Plastic moduli, shear areas and mass, when known. */
export function sectionExtraText(p: Partial<SectionProperties>, units: UnitSystem): string {
  const u = sectionUnits(units);
  const parts: string[] = [];
  if (p.Wply !== undefined) parts.push(`Wpl,y = ${inUnit(p.Wply, u.modulus, sig4)}`);
  if (p.Wplz !== undefined) parts.push(`Wpl,z = ${inUnit(p.Wplz, u.modulus, sig4)}`);
  if (p.Avy !== undefined) parts.push(`Avy = ${inUnit(p.Avy, u.area, sig4)}`);
  if (p.Avz !== undefined) parts.push(`Avz = ${inUnit(p.Avz, u.area, sig4)}`);
  if (p.mass !== undefined) parts.push(`mass ${sig4(p.mass)} kg/m`);
  return parts.join(', ');
}

/** Dimensions of a catalogue section in mm: "h = 300 mm, b = 150 mm, …". */
export function dimensionText(cs: CatalogSection, units: UnitSystem): string {
  const u = sectionUnits(units);
  return Object.entries(cs.dimensions)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} = ${inUnit(v as number, u.length, sig4)}`)
    .join(', ');
}

/** A catalogue section as Markdown: series, dimensions, properties. */
export function catalogMarkdown(cs: CatalogSection, units: UnitSystem): string {
  const lines = [`**${cs.name}** — ${describeSeries(cs.series) ?? cs.series}`, dimensionText(cs, units), sectionPropertyText(cs.properties, units)];
  const extra = sectionExtraText(cs.properties, units);
  if (extra) lines.push(extra);
  return lines.join('\n\n');
}

/** "S355 (EN 10025-2): E = 210 GPa, fy = 355 MPa, …". */
export function gradeText(g: MaterialGrade): string {
  const parts = [`E = ${inUnit(g.E, 'GPa')}`, `G = ${inUnit(g.G, 'GPa')}`, `nu = ${fmt(g.nu)}`];
  if (g.fy !== undefined) parts.push(`fy = ${inUnit(g.fy, 'MPa')}`);
  if (g.fu !== undefined) parts.push(`fu = ${inUnit(g.fu, 'MPa')}`);
  if (g.fck !== undefined) parts.push(`fck = ${inUnit(g.fck, 'MPa')}`);
  if (g.fctm !== undefined) parts.push(`fctm = ${inUnit(g.fctm, 'MPa')}`);
  parts.push(`density = ${inUnit(g.density, 'kg/m3')}`);
  if (g.weight !== undefined) parts.push(`weight = ${inUnit(g.weight, 'kN/m3')}`);
  return parts.join(', ');
}

export const GRAVITY = 9.80665;

/** The unit weight selfweight uses: weight=, or density × g. */
export function unitWeight(m: MaterialEntity | undefined): number | undefined {
  if (!m) return undefined;
  return m.weight ?? (m.density !== undefined ? m.density * GRAVITY : undefined);
}

export function materialText(m: MaterialEntity): string[] {
  const lines: string[] = [];
  const stiff: string[] = [];
  if (m.E !== undefined) stiff.push(`E = ${inUnit(m.E, 'GPa')}`);
  if (m.G !== undefined) stiff.push(`G = ${inUnit(m.G, 'GPa')}`);
  stiff.push(`nu = ${fmt(m.nu)}`);
  lines.push(stiff.join(', '));
  if (m.fy !== undefined) lines.push(`fy = ${inUnit(m.fy, 'MPa')}`);
  if (m.weight !== undefined) lines.push(`weight = ${inUnit(m.weight, 'kN/m3')}`);
  if (m.density !== undefined) {
    lines.push(`density = ${inUnit(m.density, 'kg/m3')}${m.weight === undefined ? ` (selfweight: ${inUnit(m.density * GRAVITY, 'kN/m3')})` : ''}`);
  }
  if (m.grade) lines.push(`grade ${m.grade}`);
  return lines;
}

function entity<T>(model: Model, d: Decl | undefined): T | undefined {
  return d ? (model.entityOf(d) as T | undefined) : undefined;
}

export function coordinates(xyz: readonly number[], units: UnitSystem): string {
  const f = units.length.factor;
  const scale = Math.max(...xyz.map(Math.abs));
  return `(${xyz.map((v) => fmt(v / f, scale / f)).join(', ')}) ${units.length.text}`;
}

/** A value in the file's unit of its dimension ("6 m"), or in SI when it has none. */
export function inFileUnits(si: number, dim: Dimension, units: UnitSystem, angle: 'deg' | 'rad' = 'deg'): string {
  const u = defaultUnit(dim, units, angle);
  if (u && u.text) return `${fmt(si / u.factor)} ${prettyUnit(u.text)}`;
  const s = siUnit(dim);
  return s ? `${fmt(si)} ${prettyUnit(s)}` : fmt(si);
}

/** One line about a declaration, for completion details. */
export function declSummary(model: Model, decl: Decl, units: UnitSystem): string {
  const label = KIND_LABEL[decl.kind];
  switch (decl.kind) {
    case 'node': {
      const n = entity<NodeEntity>(model, decl);
      return n?.xyz ? `${label} ${coordinates(n.xyz, units)}` : label;
    }
    case 'member': {
      const m = entity<MemberEntity>(model, decl);
      if (!m) return label;
      const L = memberLength(model, m);
      return `${label} ${m.i?.name ?? '?'} → ${m.j?.name ?? '?'}${m.section ? `, ${m.section.name}` : ''}${L !== undefined ? `, L = ${fmt(L / units.length.factor)} ${units.length.text}` : ''}`;
    }
    case 'section': {
      const s = entity<SectionEntity>(model, decl);
      if (!s) return label;
      const src = s.source === 'catalog' ? `catalogue ${s.catalogName}` : s.source === 'shape' ? `shape ${s.shape}` : s.source === 'explicit' ? 'explicit properties' : 'incomplete';
      return `${label}: ${src}${s.material ? `, ${s.material.name}` : ''}`;
    }
    case 'material': {
      const m = entity<MaterialEntity>(model, decl);
      if (!m) return label;
      return `${label}${m.grade ? ` ${m.grade}` : ''}${m.E !== undefined ? `: E = ${inUnit(m.E, 'GPa')}` : ''}${m.fy !== undefined ? `, fy = ${inUnit(m.fy, 'MPa')}` : ''}`;
    }
    case 'group': {
      const g = entity<GroupEntity>(model, decl);
      return g ? `${label}: ${g.refs.map((r) => r.name).join(' ')}` : label;
    }
    case 'load': {
      const l = entity<LoadCaseEntity>(model, decl);
      return l ? `${label}${l.category ? ` (${l.category})` : ''}${l.description ? `: ${l.description}` : ''}` : label;
    }
    case 'combination': {
      const c = entity<CombinationEntity>(model, decl);
      return c ? `${c.type} ${label}: ${termsText(c.terms.map((t) => ({ name: t.ref.name, factor: t.factor })))}` : label;
    }
    case 'constant': {
      const c = entity<ConstantEntity>(model, decl);
      return c?.value ? `${label} = ${c.value.dim ? inFileUnits(c.value.value, c.value.dim, units) : fmt(c.value.value)}` : label;
    }
  }
  return label;
}

/** "1.35 × DEAD + 1.5 × LIVE". */
export function termsText(terms: { name: string; factor: number }[]): string {
  return terms
    .map((t, i) => {
      const sign = t.factor < 0 ? (i === 0 ? '−' : ' − ') : i === 0 ? '' : ' + ';
      const f = Math.abs(t.factor);
      return `${sign}${f === 1 ? '' : `${fmt(f)} × `}${t.name}`;
    })
    .join('');
}

/** A combination as factors on load cases, or undefined on a cycle. */
export function expandCombination(model: Model, c: CombinationEntity): { name: string; factor: number }[] | undefined {
  const factors = new Map<string, number>();
  const stack = new Set<Decl>();
  let cycle = false;
  const walk = (comb: CombinationEntity, f: number) => {
    if (stack.has(comb.decl)) {
      cycle = true;
      return;
    }
    stack.add(comb.decl);
    for (const t of comb.terms) {
      const d = t.ref.target;
      if (!d) continue;
      if (d.kind === 'load') factors.set(d.name, (factors.get(d.name) ?? 0) + f * t.factor);
      else {
        const inner = entity<CombinationEntity>(model, d);
        if (inner) walk(inner, f * t.factor);
      }
    }
    stack.delete(comb.decl);
  };
  walk(c, 1);
  if (cycle) return undefined;
  return [...factors].map(([name, factor]) => ({ name, factor: Number(factor.toPrecision(12)) }));
}

export interface Totals {
  force: Vec3;
  displacements: number;
  incomplete: number;
}

/** Sum of the forces of a load case in global axes (N): nodal forces, member loads × loaded length, selfweight. */
export function loadTotals(model: Model, lc: LoadCaseEntity): Totals {
  const force: Vec3 = [0, 0, 0];
  const t: Totals = { force, displacements: 0, incomplete: 0 };
  const add = (v: readonly number[], k = 1) => {
    for (let i = 0; i < 3; i++) force[i] += v[i] * k;
  };
  for (const e of lc.loads) {
    switch (e.kind) {
      case 'nodal':
        add(e.values);
        break;
      case 'displacement':
        t.displacements++;
        break;
      case 'selfweight':
        for (const m of model.members) {
          const s = entity<SectionEntity>(model, m.section);
          const w = unitWeight(entity<MaterialEntity>(model, s?.material));
          const L = memberLength(model, m);
          if (s?.properties?.A === undefined || w === undefined || L === undefined) {
            t.incomplete++;
            continue;
          }
          force[2] -= s.properties.A * w * L * e.factor;
        }
        break;
      case 'uniform':
      case 'trapezoid':
      case 'point':
        for (const m of expandMembers(model, [e.target])) {
          const L = memberLength(model, m);
          const axes = e.local ? localAxes(model, m) : undefined;
          if (L === undefined || (e.local && !axes)) {
            t.incomplete++;
            continue;
          }
          const comps = e.kind === 'trapezoid' ? [0, 1, 2].map((i) => (e.start[i] + e.end[i]) / 2) : e.values.slice(0, 3);
          const global = axes ? [0, 1, 2].map((i) => comps[0] * axes[0][i] + comps[1] * axes[1][i] + comps[2] * axes[2][i]) : comps;
          if (e.kind === 'point') add(global);
          else {
            const from = at(e.from, L, 0);
            const to = at(e.to, L, L);
            add(global, Math.max(0, Math.min(to, L) - Math.max(from, 0)));
          }
        }
        break;
    }
  }
  return t;
}

function at(p: LoadPosition | undefined, L: number, dflt: number): number {
  if (!p) return dflt;
  return 'distance' in p ? p.distance : p.fraction * L;
}

function localAxes(model: Model, m: MemberEntity): [Vec3, Vec3, Vec3] | undefined {
  const a = entity<NodeEntity>(model, m.i)?.xyz;
  const b = entity<NodeEntity>(model, m.j)?.xyz;
  if (!a || !b) return undefined;
  const g = memberGeometry(a, b, m.roll);
  return [g.ex, g.ey, g.ez] as [Vec3, Vec3, Vec3];
}
