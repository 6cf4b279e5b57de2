// What every statement means: its positional slots and options, with the kind of value each
// takes. Validation, completion, hover and signature help all read this one table, so a new
// option is added here once.
import * as D from './units/dimension';
import type { Dimension } from './units/dimension';
import type { AngleUnit } from './units/unit-expression';

/** Kinds of declared names. Members and groups share one namespace, load cases and combinations another. */
export type DeclKind = 'node' | 'material' | 'section' | 'member' | 'group' | 'load' | 'combination' | 'constant';

export const NAMESPACE: Record<DeclKind, string> = {
  node: 'node',
  material: 'material',
  section: 'section',
  member: 'member',
  group: 'member',
  load: 'case',
  combination: 'case',
  constant: 'constant',
};

export const KIND_LABEL: Record<DeclKind, string> = {
  node: 'node',
  material: 'material',
  section: 'section',
  member: 'member',
  group: 'group',
  load: 'load case',
  combination: 'combination',
  constant: 'constant',
};

export interface QuantitySpec {
  type: 'quantity';
  dim: Dimension;
  /** Unit of an angle written without one. */
  angle?: AngleUnit;
  /** Bounds, SI; `positive` means > 0. */
  positive?: boolean;
  min?: number;
  maxExclusive?: number;
}

export type ValueSpec =
  | QuantitySpec
  | { type: 'decl'; kind: DeclKind }
  | { type: 'ref'; kinds: DeclKind[] }
  | { type: 'enum'; values: readonly string[]; label: string }
  | { type: 'string' }
  /** A length from end i, or a percentage of the member length. */
  | { type: 'position' }
  | { type: 'grade' }
  | { type: 'catalog' }
  /** A deflection limit: an absolute length, or `L/n`. */
  | { type: 'deflection-limit' }
  | { type: 'unit'; which: 'force' | 'length' }
  /** `meta` values: a string or any word. */
  | { type: 'text' };

export interface ArgSpec {
  name: string;
  doc: string;
  value: ValueSpec;
  optional?: boolean;
  /** The slot takes any number of arguments (support DOFs, group members). */
  repeat?: boolean;
}

export interface OptionSpec {
  key: string;
  doc: string;
  value: ValueSpec;
  /** A comma list: true for any length, a number for exactly that many items. */
  list?: boolean | number;
}

export interface StatementSpec {
  keyword: string;
  context: 'top' | 'load';
  summary: string;
  args: ArgSpec[];
  options: OptionSpec[];
  /** Options whose keys are free (`meta`). */
  freeOptions?: boolean;
  /** `local` may follow the target of a member load. */
  localFlag?: boolean;
}

const q = (dim: Dimension, extra: Partial<QuantitySpec> = {}): QuantitySpec => ({ type: 'quantity', dim, ...extra });
const LENGTH = q(D.LENGTH);
const FORCE = q(D.FORCE);
const MOMENT = q(D.MOMENT);
const LINE_LOAD = q(D.LINE_LOAD);
const MOMENT_PER_LENGTH = q(D.dim(1, 1, -2));

export const RELEASE_NAMES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'] as const;
export const DOF_NAMES = ['x', 'y', 'z', 'rx', 'ry', 'rz'] as const;
export const SUPPORT_WORDS = ['fixed', 'pinned', ...DOF_NAMES] as const;
export const LOAD_CATEGORIES = ['permanent', 'imposed', 'snow', 'wind', 'thermal', 'accidental', 'seismic', 'other'] as const;
export const SHAPES = ['rect', 'pipe', 'box', 'i'] as const;

const forceOptions = (doc: string): OptionSpec[] =>
  (['Fx', 'Fy', 'Fz'] as const).map((k) => ({ key: k, doc: `${doc} ${k.slice(1)}`, value: FORCE }));
const momentOptions = (doc: string): OptionSpec[] =>
  (['Mx', 'My', 'Mz'] as const).map((k) => ({ key: k, doc: `${doc} ${k.slice(1)}`, value: MOMENT }));

const TARGET: ArgSpec = { name: 'target', doc: 'The member or group loaded', value: { type: 'ref', kinds: ['member', 'group'] } };
const FROM_TO: OptionSpec[] = [
  { key: 'from', doc: 'Start of the load: a length from end i, or a percentage of the length', value: { type: 'position' } },
  { key: 'to', doc: 'End of the load: a length from end i, or a percentage of the length', value: { type: 'position' } },
];

export const STATEMENTS: StatementSpec[] = [
  {
    keyword: 'model', context: 'top', summary: 'The model title, used by reports and results.',
    args: [{ name: 'title', doc: 'Title in double quotes', value: { type: 'string' } }], options: [],
  },
  {
    keyword: 'meta', context: 'top', summary: 'Project information as key="value" pairs (engineer, project, code, …).',
    args: [], options: [], freeOptions: true,
  },
  {
    keyword: 'units', context: 'top', summary: 'The units of numbers written without one in this file (default: units kN m).',
    args: [
      { name: 'force', doc: 'Force unit: N kN MN lbf kip', value: { type: 'unit', which: 'force' } },
      { name: 'length', doc: 'Length unit: m mm cm in ft', value: { type: 'unit', which: 'length' } },
    ],
    options: [],
  },
  {
    keyword: 'include', context: 'top', summary: 'Includes another .struct file, by a path relative to this file.',
    args: [{ name: 'path', doc: 'Relative path in double quotes', value: { type: 'string' } }], options: [],
  },
  {
    keyword: 'let', context: 'top', summary: 'Declares a constant for use in expressions: let NAME = VALUE.',
    args: [{ name: 'name', doc: 'Constant name', value: { type: 'decl', kind: 'constant' } }], options: [],
  },
  {
    keyword: 'material', context: 'top', summary: 'A linear elastic material.',
    args: [{ name: 'name', doc: 'Material name', value: { type: 'decl', kind: 'material' } }],
    options: [
      { key: 'E', doc: "Young's modulus", value: q(D.STRESS, { positive: true }) },
      { key: 'G', doc: 'Shear modulus (default E/(2(1+nu)))', value: q(D.STRESS, { positive: true }) },
      { key: 'nu', doc: "Poisson's ratio, 0 ≤ nu < 0.5 (default 0.3)", value: q(D.DIMENSIONLESS, { min: 0, maxExclusive: 0.5 }) },
      { key: 'weight', doc: 'Unit weight, for selfweight', value: q(D.UNIT_WEIGHT, { min: 0 }) },
      { key: 'density', doc: 'Density; selfweight uses density × 9.80665 m/s²', value: q(D.DENSITY, { min: 0 }) },
      { key: 'fy', doc: 'Yield strength, for stress checks', value: q(D.STRESS, { positive: true }) },
      { key: 'grade', doc: 'A built-in grade: EN 10025 steels (S235…S460), EN 206 concretes (C30_37 or "C30/37")', value: { type: 'grade' } },
    ],
  },
  {
    keyword: 'section', context: 'top', summary: 'A cross-section: from the catalogue, from a shape, or by its properties.',
    args: [{ name: 'name', doc: 'Section name', value: { type: 'decl', kind: 'section' } }],
    options: [
      { key: 'material', doc: 'The material of the section', value: { type: 'ref', kinds: ['material'] } },
      { key: 'catalog', doc: 'A European section: IPE, HEA, HEB, HEM, UPN, CHS, RHS, SHS', value: { type: 'catalog' } },
      { key: 'shape', doc: 'Derive properties from dimensions: rect (b h), pipe (d t), box (h b t), i (h b tw tf [r])', value: { type: 'enum', values: SHAPES, label: 'shape' } },
      { key: 'b', doc: 'Width', value: q(D.LENGTH, { positive: true }) },
      { key: 'h', doc: 'Depth', value: q(D.LENGTH, { positive: true }) },
      { key: 'd', doc: 'Outside diameter', value: q(D.LENGTH, { positive: true }) },
      { key: 't', doc: 'Wall thickness', value: q(D.LENGTH, { positive: true }) },
      { key: 'tw', doc: 'Web thickness', value: q(D.LENGTH, { positive: true }) },
      { key: 'tf', doc: 'Flange thickness', value: q(D.LENGTH, { positive: true }) },
      { key: 'r', doc: 'Root radius', value: q(D.LENGTH, { min: 0 }) },
      { key: 'A', doc: 'Area', value: q(D.AREA, { positive: true }) },
      { key: 'Iy', doc: 'Second moment about local y (strong axis)', value: q(D.SECOND_MOMENT, { positive: true }) },
      { key: 'Iz', doc: 'Second moment about local z', value: q(D.SECOND_MOMENT, { positive: true }) },
      { key: 'J', doc: 'Torsion constant', value: q(D.SECOND_MOMENT, { positive: true }) },
      { key: 'Wy', doc: 'Elastic section modulus about y (extension)', value: q(D.VOLUME, { positive: true }) },
      { key: 'Wz', doc: 'Elastic section modulus about z (extension)', value: q(D.VOLUME, { positive: true }) },
      { key: 'Avy', doc: 'Shear area along y, for shear deformation (extension)', value: q(D.AREA, { positive: true }) },
      { key: 'Avz', doc: 'Shear area along z, for shear deformation (extension)', value: q(D.AREA, { positive: true }) },
    ],
  },
  {
    keyword: 'node', context: 'top', summary: 'A node at global coordinates x y z.',
    args: [
      { name: 'name', doc: 'Node name', value: { type: 'decl', kind: 'node' } },
      { name: 'x', doc: 'Global X', value: LENGTH },
      { name: 'y', doc: 'Global Y', value: LENGTH },
      { name: 'z', doc: 'Global Z (up)', value: LENGTH },
    ],
    options: [],
  },
  {
    keyword: 'member', context: 'top', summary: 'A member from node i to node j with a section.',
    args: [
      { name: 'name', doc: 'Member name', value: { type: 'decl', kind: 'member' } },
      { name: 'i', doc: 'Start node (local x runs from i to j)', value: { type: 'ref', kinds: ['node'] } },
      { name: 'j', doc: 'End node', value: { type: 'ref', kinds: ['node'] } },
      { name: 'section', doc: 'Section', value: { type: 'ref', kinds: ['section'] } },
    ],
    options: [
      { key: 'roll', doc: 'Rotation of local y and z about x, from y towards z (degrees unless a unit is given)', value: q(D.ANGLE, { angle: 'deg' }) },
      { key: 'hinge', doc: 'Releases My and Mz at end i, j or both', value: { type: 'enum', values: ['i', 'j', 'both'], label: 'hinge' } },
      { key: 'release_i', doc: 'Forces released at end i: any of N Vy Vz T My Mz', value: { type: 'enum', values: RELEASE_NAMES, label: 'release' }, list: true },
      { key: 'release_j', doc: 'Forces released at end j: any of N Vy Vz T My Mz', value: { type: 'enum', values: RELEASE_NAMES, label: 'release' }, list: true },
      { key: 'type', doc: 'frame (default) or truss (axial force only)', value: { type: 'enum', values: ['frame', 'truss'], label: 'member type' } },
    ],
  },
  {
    keyword: 'support', context: 'top', summary: 'Restraints and springs at a node: fixed, pinned, or a list of DOFs.',
    args: [
      { name: 'node', doc: 'The supported node', value: { type: 'ref', kinds: ['node'] } },
      { name: 'restraints', doc: 'fixed (all six), pinned (x y z), or DOFs x y z rx ry rz', value: { type: 'enum', values: SUPPORT_WORDS, label: 'restraint' }, optional: true, repeat: true },
    ],
    options: [
      ...(['kx', 'ky', 'kz'] as const).map((k) => ({ key: k, doc: `Translational spring along ${k.slice(1)}`, value: q(D.TRANSLATIONAL_SPRING, { min: 0 }) })),
      ...(['krx', 'kry', 'krz'] as const).map((k) => ({ key: k, doc: `Rotational spring about ${k.slice(2)}`, value: q(D.ROTATIONAL_SPRING, { min: 0, angle: 'rad' }) })),
    ],
  },
  {
    keyword: 'group', context: 'top', summary: 'A named set of members (or groups), usable wherever a member is.',
    args: [
      { name: 'name', doc: 'Group name', value: { type: 'decl', kind: 'group' } },
      { name: 'members', doc: 'Members or groups', value: { type: 'ref', kinds: ['member', 'group'] }, repeat: true, optional: true },
    ],
    options: [],
  },
  {
    keyword: 'load', context: 'top', summary: 'Opens a load case; `end` closes it.',
    args: [
      { name: 'name', doc: 'Load case name', value: { type: 'decl', kind: 'load' } },
      { name: 'description', doc: 'Description in double quotes', value: { type: 'string' }, optional: true },
    ],
    options: [{ key: 'category', doc: 'permanent, imposed, snow, wind, thermal, accidental, seismic or other', value: { type: 'enum', values: LOAD_CATEGORIES, label: 'category' } }],
  },
  { keyword: 'end', context: 'load', summary: 'Closes a load case.', args: [], options: [] },
  {
    keyword: 'selfweight', context: 'load', summary: 'Gravity (−Z) on every member from its material weight or density.',
    args: [{ name: 'factor', doc: 'Multiplier (default 1)', value: q(D.DIMENSIONLESS), optional: true }], options: [],
  },
  {
    keyword: 'nodal', context: 'load', summary: 'A force and moment at a node, global axes.',
    args: [{ name: 'node', doc: 'The loaded node', value: { type: 'ref', kinds: ['node'] } }],
    options: [...forceOptions('Force along'), ...momentOptions('Moment about')],
  },
  {
    keyword: 'uniform', context: 'load', summary: 'A uniform load per length on a member or group (global axes unless `local`).',
    args: [TARGET], localFlag: true,
    options: [
      ...(['Fx', 'Fy', 'Fz'] as const).map((k) => ({ key: k, doc: `Load per length along ${k.slice(1)}`, value: LINE_LOAD })),
      ...(['Mx', 'My', 'Mz'] as const).map((k) => ({ key: k, doc: `Moment per length about ${k.slice(1)}`, value: MOMENT_PER_LENGTH })),
      ...FROM_TO,
    ],
  },
  {
    keyword: 'point', context: 'load', summary: 'A concentrated force or moment on a member at a position.',
    args: [TARGET], localFlag: true,
    options: [...forceOptions('Force along'), ...momentOptions('Moment about'), { key: 'at', doc: 'Position: a length from end i, or a percentage of the length', value: { type: 'position' } }],
  },
  {
    keyword: 'trapezoid', context: 'load', summary: 'A load per length varying linearly from a start value to an end value.',
    args: [TARGET], localFlag: true,
    options: [
      ...(['Fx', 'Fy', 'Fz'] as const).map((k) => ({ key: k, doc: `Start,end load per length along ${k.slice(1)}`, value: LINE_LOAD, list: 2 })),
      ...(['Mx', 'My', 'Mz'] as const).map((k) => ({ key: k, doc: `Start,end moment per length about ${k.slice(1)}`, value: MOMENT_PER_LENGTH, list: 2 })),
      ...FROM_TO,
    ],
  },
  {
    keyword: 'displacement', context: 'load', summary: 'A prescribed displacement (settlement) of restrained DOFs of a node.',
    args: [{ name: 'node', doc: 'The node', value: { type: 'ref', kinds: ['node'] } }],
    options: [
      ...(['x', 'y', 'z'] as const).map((k) => ({ key: k, doc: `Displacement along ${k}`, value: LENGTH })),
      ...(['rx', 'ry', 'rz'] as const).map((k) => ({ key: k, doc: `Rotation about ${k.slice(1)} (radians unless a unit is given)`, value: q(D.ANGLE, { angle: 'rad' }) })),
    ],
  },
  {
    keyword: 'combination', context: 'top', summary: 'A linear combination of load cases and combinations: NAME 1.35*DEAD + 1.5*LIVE.',
    args: [{ name: 'name', doc: 'Combination name', value: { type: 'decl', kind: 'combination' } }],
    options: [{ key: 'type', doc: 'ULS (default) or SLS', value: { type: 'enum', values: ['ULS', 'SLS'], label: 'combination type' } }],
  },
  {
    keyword: 'check', context: 'top', summary: 'A design check: stress (elastic utilisation) or deflection.',
    args: [{ name: 'kind', doc: 'stress or deflection', value: { type: 'enum', values: ['stress', 'deflection'], label: 'check' } }],
    options: [
      { key: 'limit', doc: 'stress: a utilisation ratio (1.0); deflection: L/300 or a length', value: { type: 'deflection-limit' } },
      { key: 'members', doc: 'Members or groups checked (default: all)', value: { type: 'ref', kinds: ['member', 'group'] }, list: true },
      { key: 'combinations', doc: 'Combinations or load cases checked (default: all combinations)', value: { type: 'ref', kinds: ['combination', 'load'] }, list: true },
    ],
  },
];

const BY_KEYWORD = new Map(STATEMENTS.map((s) => [s.keyword, s]));

export function statementSpec(keyword: string): StatementSpec | undefined {
  return BY_KEYWORD.get(keyword);
}

export function optionSpec(spec: StatementSpec, key: string): OptionSpec | undefined {
  return spec.options.find((o) => o.key === key);
}

/** `member NAME i j section [roll=…]` — the one-line signature shown by signature help. */
export function signatureLabel(spec: StatementSpec): string {
  const args = spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name) + (a.repeat ? '…' : ''));
  if (spec.keyword === 'let') args.push('=', 'value');
  if (spec.keyword === 'combination') args.push('expression');
  if (spec.localFlag) args.splice(1, 0, '[local]');
  const opts = spec.freeOptions ? ['key="value"…'] : spec.options.map((o) => `[${o.key}=…]`);
  return [spec.keyword, ...args, ...opts].join(' ');
}
