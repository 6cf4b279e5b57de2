// The semantic model of a .struct model (a root file and the files it includes): declarations,
// references, and entities with their values in SI.
import type { SectionProperties } from '../catalog/types';
import type { DeclKind } from '../schema';
import type { Range } from '../syntax/range';
import type { Expr, OptionArg, Statement, SyntaxTree } from '../syntax/syntax-tree';
import type { UnitSystem } from '../units/unit-expression';
import type { Diagnostic } from './diagnostic';

export type Vec3 = [number, number, number];
export type Flags6 = [boolean, boolean, boolean, boolean, boolean, boolean];
export type Six = [number, number, number, number, number, number];

export interface Decl {
  kind: DeclKind;
  name: string;
  uri: string;
  /** The name token. */
  range: Range;
  statement: Statement;
}

export interface Ref {
  name: string;
  kinds: readonly DeclKind[];
  uri: string;
  range: Range;
  target?: Decl;
}

export interface NodeEntity {
  decl: Decl;
  xyz?: Vec3;
}

export interface MaterialEntity {
  decl: Decl;
  E?: number;
  G?: number;
  nu: number;
  weight?: number;
  density?: number;
  fy?: number;
  grade?: string;
  /** weight= or density= was written (even if its value was rejected). */
  weightGiven?: boolean;
}

export interface SectionEntity {
  decl: Decl;
  material?: Decl;
  properties?: SectionProperties;
  source: 'catalog' | 'shape' | 'explicit' | 'none';
  catalogName?: string;
  shape?: string;
  /** The dimensions written with `shape=` (SI), for drawing the outline. */
  dimensions?: import('../catalog/types').SectionDimensions;
}

export interface MemberEntity {
  decl: Decl;
  i?: Decl;
  j?: Decl;
  section?: Decl;
  roll: number;
  releaseI: Flags6;
  releaseJ: Flags6;
  truss: boolean;
}

export interface SupportEntity {
  uri: string;
  statement: Statement;
  node?: Decl;
  restrained: Flags6;
  springs: Six;
}

export interface GroupEntity {
  decl: Decl;
  refs: Ref[];
}

/** A position along a member as written: a distance (m) or a fraction of the length. */
export type Position = { distance: number } | { fraction: number };

export type LoadEntry = { uri: string; statement: Statement } & (
  | { kind: 'selfweight'; factor: number }
  | { kind: 'nodal'; node?: Decl; values: Six }
  | { kind: 'displacement'; node?: Decl; values: (number | null)[] }
  | { kind: 'uniform'; target?: Decl; local: boolean; values: Six; from?: Position; to?: Position }
  | { kind: 'trapezoid'; target?: Decl; local: boolean; start: Six; end: Six; from?: Position; to?: Position }
  | { kind: 'point'; target?: Decl; local: boolean; values: Six; at?: Position }
);

export interface LoadCaseEntity {
  decl: Decl;
  description?: string;
  category?: string;
  loads: LoadEntry[];
}

export interface CombinationEntity {
  decl: Decl;
  type: 'ULS' | 'SLS';
  terms: { ref: Ref; factor: number }[];
}

export interface CheckEntity {
  uri: string;
  statement: Statement;
  kind: 'stress' | 'deflection';
  limit?: { ratio: number } | { absolute: number } | { spanRatio: number };
  members: Ref[];
  combinations: Ref[];
}

export interface Quantity {
  value: number;
  /** null: a bare number, whose unit depends on where it is used. */
  dim: import('../units/dimension').Dimension | null;
  percent?: boolean;
  /** Scaled by the member length `L` (only in deflection limits). */
  perSpan?: boolean;
}

export interface ConstantEntity {
  decl: Decl;
  expression?: Expr;
  value?: Quantity;
}

export interface IncludeEntity {
  uri: string;
  statement: Statement;
  path: string;
  target?: string;
}

/** A value that an inlay hint can show converted (written without a unit). */
export interface ConvertedValue {
  uri: string;
  range: Range;
  si: number;
  dimension: import('../units/dimension').Dimension;
  unit: string;
}

export interface ModelFile {
  uri: string;
  text: string;
  tree: SyntaxTree;
  units: UnitSystem;
}

export interface Model {
  rootUri: string;
  title?: string;
  meta: Record<string, string>;
  /** The root first, then included files in include order. */
  files: ModelFile[];
  decls: Decl[];
  refs: Ref[];
  nodes: NodeEntity[];
  materials: MaterialEntity[];
  sections: SectionEntity[];
  members: MemberEntity[];
  supports: SupportEntity[];
  groups: GroupEntity[];
  loadCases: LoadCaseEntity[];
  combinations: CombinationEntity[];
  checks: CheckEntity[];
  constants: ConstantEntity[];
  includes: IncludeEntity[];
  converted: ConvertedValue[];
  diagnostics: Diagnostic[];
  /** Lookup by namespace (NAMESPACE[kind]) and name. */
  lookup(kind: DeclKind, name: string): Decl | undefined;
  entityOf(decl: Decl): unknown;
}

export type { OptionArg };
