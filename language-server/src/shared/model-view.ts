// The model as the panels draw it (`struktur/modelView`): geometry in SI, indices instead of
// names where elements refer to each other, and the source location of every declaration so a
// click in a panel can reveal it. Plain data: the webviews import these types only.

export type XYZ = [number, number, number];

/** LSP 0-based position of a declaration's name token. */
export interface SourceLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface NodeView {
  name: string;
  /** Global coordinates, m. */
  xyz: XYZ;
  at: SourceLocation;
}

export type SectionShapeView = 'i' | 'channel' | 'pipe' | 'box' | 'rect';

export interface SectionView {
  name: string;
  shape?: SectionShapeView;
  /** Outline dimensions, m (which are present depends on the shape). */
  dimensions?: { h?: number; b?: number; tw?: number; tf?: number; r?: number; d?: number; t?: number };
  A?: number;
  Iy?: number;
  Iz?: number;
  /** Catalogue designation (IPE300) when the section comes from the catalogue. */
  catalog?: string;
  material?: string;
  at: SourceLocation;
}

export interface MemberView {
  name: string;
  /** Indices into `ModelView.nodes`. */
  i: number;
  j: number;
  /** Index into `ModelView.sections`. */
  section?: number;
  /** m */
  length: number;
  /** Local axes as global unit vectors (x from i to j; y and z per the spec, roll included). */
  axes: { x: XYZ; y: XYZ; z: XYZ };
  /** rad */
  roll: number;
  truss: boolean;
  /** Released local DOFs at each end: ux, uy, uz, rx, ry, rz. */
  releaseI: boolean[];
  releaseJ: boolean[];
  at: SourceLocation;
}

export interface SupportView {
  node: number;
  /** Restrained global DOFs: ux, uy, uz, rx, ry, rz. */
  restrained: boolean[];
  /** Spring stiffnesses, N/m and N·m/rad; 0 where there is none. */
  springs: number[];
  kind: 'fixed' | 'pinned' | 'roller' | 'spring' | 'custom';
  at: SourceLocation;
}

export type LoadView =
  /** Global Fx Fy Fz (N) Mx My Mz (N·m) at a node. */
  | { kind: 'nodal'; node: number; values: number[] }
  /** Imposed displacements (m, rad); null where the DOF is free. */
  | { kind: 'displacement'; node: number; values: (number | null)[] }
  /** Distributed over [from, to] (m from node i), varying linearly from `start` to `end`:
   * force per length (N/m) and moment per length (N·m/m), in local or global axes. */
  | { kind: 'distributed'; member: number; local: boolean; from: number; to: number; start: number[]; end: number[] }
  /** A point load at `at` m from node i (N, N·m), local or global. */
  | { kind: 'point'; member: number; local: boolean; at: number; values: number[] }
  | { kind: 'selfweight'; factor: number };

export interface LoadCaseView {
  name: string;
  category?: string;
  loads: LoadView[];
  at: SourceLocation;
}

export interface CombinationView {
  name: string;
  type: 'ULS' | 'SLS';
  /** Factors on load cases (nested combinations multiplied out). */
  terms: { case: string; factor: number }[];
  at: SourceLocation;
}

export interface ModelView {
  format: 'struktur-model-view/1';
  /** The model's root file. */
  uri: string;
  /** Every file of the model: the root, then included files. */
  files: string[];
  title: string;
  /** false when the model has errors: what could be built is still there. */
  valid: boolean;
  errors: number;
  /** The units the model is written in (for labels); every number here is SI. */
  units: { force: string; length: string };
  nodes: NodeView[];
  sections: SectionView[];
  members: MemberView[];
  supports: SupportView[];
  loadCases: LoadCaseView[];
  combinations: CombinationView[];
}
