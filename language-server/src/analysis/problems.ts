// What the engine can find wrong with a model. Indices refer to AnalysisModel; the caller maps
// them to source ranges and diagnostics.
import type { DofName } from './dof-map';

export type AnalysisProblem =
  /** The stiffness matrix is singular: the listed nodes move (weight 1 = most) without
   * straining anything. One problem per independent mechanism. */
  | { kind: 'mechanism'; nodes: { node: number; dofs: DofName[]; weight: number }[]; members: number[]; message: string }
  /** The member's releases let it move with both its nodes held. */
  | { kind: 'member-unstable'; member: number; message: string }
  | { kind: 'ill-conditioned'; residual: number; message: string }
  /** Selfweight on a member whose material has no weight or density. */
  | { kind: 'missing-weight'; member: number; message: string }
  /** A stress check on a member without Wy, Wz or fy. */
  | { kind: 'check-missing-moduli'; member: number; message: string }
  /** Extension: a load the model cannot take (documented in analyze.ts): a prescribed
   * displacement on a DOF that no support restrains, a moment on a node that has no rotational
   * DOFs (reached only by truss members), torsion on a truss member. */
  | { kind: 'invalid-load'; loadCase: string; node?: number; member?: number; message: string };
