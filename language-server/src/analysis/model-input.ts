// The analysis engine's input: a structural model reduced to numbers, all SI (N, m, rad, Pa).
// The language layer builds it from a validated .struct model (names already resolved to
// indices); the engine never sees syntax. Keeping this boundary plain data lets the engine run
// in a worker thread and be tested with generated models.

export type Vec3 = [number, number, number];
/** Six components in DOF order x y z rx ry rz (forces Fx Fy Fz Mx My Mz). */
export type Six = [number, number, number, number, number, number];

export interface NodeInput {
  name: string;
  xyz: Vec3;
}

/** Which end forces are released (true = released) in local DOF order N Vy Vz T My Mz. */
export type ReleaseFlags = [boolean, boolean, boolean, boolean, boolean, boolean];

export interface MemberInput {
  name: string;
  /** Index into `AnalysisModel.nodes`. */
  i: number;
  j: number;
  /** `type=truss`: axial force only. */
  truss: boolean;
  /** Roll angle about local x, rad, positive from y towards z (spec "Conventions"). */
  roll: number;
  E: number;
  G: number;
  A: number;
  Iy: number;
  Iz: number;
  J: number;
  /** Shear areas; when both given and `shearDeformation` is on, Timoshenko stiffness is used. */
  Avy?: number;
  Avz?: number;
  releaseI: ReleaseFlags;
  releaseJ: ReleaseFlags;
  /** Self weight per length, N/m (unit weight × A), or undefined when the material has none. */
  weightPerLength?: number;
  /** Elastic section moduli and yield strength for the `stress` check. */
  Wy?: number;
  Wz?: number;
  fy?: number;
}

export interface SupportInput {
  node: number;
  /** Restrained DOFs x y z rx ry rz. */
  restrained: [boolean, boolean, boolean, boolean, boolean, boolean];
  /** Spring stiffness per DOF (N/m, N·m/rad); 0 = none. Only on DOFs that are not restrained. */
  springs: Six;
}

/**
 * A position along a member: an absolute distance from end i (m) or a fraction of the length
 * (`50%` → { fraction: 0.5 }).
 */
export type MemberPosition = { distance: number } | { fraction: number };

export type LoadInput =
  | { kind: 'nodal'; node: number; values: Six }
  /** Prescribed displacement of restrained DOFs; null where not prescribed. */
  | { kind: 'displacement'; node: number; values: (number | null)[] }
  /** Gravity (−Z) on every member from its weightPerLength, times factor. */
  | { kind: 'selfweight'; factor: number }
  /** Uniform load per length: forces (N/m) and moments (N·m/m), global or local axes. */
  | { kind: 'uniform'; member: number; local: boolean; values: Six; from?: MemberPosition; to?: MemberPosition }
  /** Linearly varying from `start` at `from` (default end i) to `end` at `to` (default end j). */
  | { kind: 'trapezoid'; member: number; local: boolean; start: Six; end: Six; from?: MemberPosition; to?: MemberPosition }
  /** Concentrated force (N) and moment (N·m) at a position. */
  | { kind: 'point'; member: number; local: boolean; values: Six; at: MemberPosition };

export interface LoadCaseInput {
  name: string;
  category?: string;
  loads: LoadInput[];
}

export interface CombinationInput {
  name: string;
  type: 'ULS' | 'SLS';
  /** Already expanded to load cases (combinations of combinations flattened). */
  terms: { loadCase: string; factor: number }[];
}

export type CheckInput =
  | { kind: 'stress'; limit: number; members: number[]; combinations: string[] }
  /** limit: an absolute deflection (m) or a span ratio (L / ratio). */
  | { kind: 'deflection'; limit: { absolute: number } | { spanRatio: number }; members: number[]; combinations: string[] };

export interface AnalysisModel {
  title: string;
  source: string;
  nodes: NodeInput[];
  members: MemberInput[];
  supports: SupportInput[];
  loadCases: LoadCaseInput[];
  combinations: CombinationInput[];
  checks: CheckInput[];
}

export interface AnalysisOptions {
  /** Use shear deformation where a member gives shear areas (documented extension). */
  shearDeformation?: boolean;
  /** Restrict results to these case or combination names. */
  cases?: string[];
  /** Added for the tests and benchmarks: which factorization to use ('sparse' by default; the
   * dense reference cross-checks it on small models). */
  solver?: 'sparse' | 'dense';
  /** Added: the fill-reducing ordering of the sparse solver: 'nodes' (default) orders the
   * nodes, each node's DOFs together — on building frames about 40 % less fill, half the
   * factorisation flops and memory; 'dofs' orders single DOFs (the ordering until November 2026; the same
   * results up to rounding, kept to reproduce earlier documents bit for bit). */
  ordering?: 'nodes' | 'dofs';
  /** Added: a pivot below this fraction of its column's original diagonal is a zero pivot
   * (a mechanism). Default 1e-11. */
  pivotTolerance?: number;
  /** Added: a backward error ‖Ku − f‖ / (‖K‖‖u‖ + ‖f‖) above this is reported as
   * 'ill-conditioned'. Default 1e-8. */
  residualTolerance?: number;
}
