// Everything about one member that does not depend on the load case: geometry, local
// stiffness (condensed for releases), global stiffness, and whether it is usable at all.
import type { MemberInput, Vec3 } from './model-input';
import { memberGeometry, rotateMatrixToGlobal, type MemberGeometry } from './local-axes';
import { frameStiffnessLocal, sectionStiffness, type SectionStiffness } from './frame-element';
import { Condensation, describeZeroModes } from './releases';
import type { FieldTable } from './fixed-end-forces';

export interface PreparedMember {
  index: number;
  input: MemberInput;
  geometry: MemberGeometry;
  /** False for a zero-length member: it takes no part in the analysis. */
  usable: boolean;
  truss: boolean;
  section: SectionStiffness;
  /** Frame members: the release condensation (identity when nothing is released). */
  condensation: Condensation | null;
  /** Local 12×12 stiffness as used (condensed; a truss has only its axial terms). */
  Klocal: Float64Array;
  /** Global 12×12 stiffness on the slots of `slots`. */
  Kglobal: Float64Array;
  /** node*6 + k of the 12 member DOFs. */
  slots: number[];
  /** Why the member is unstable by itself, if it is. */
  unstable: string | null;
  /** The fixed-end force fields, made on first use (fixed-end-forces.ts). */
  fields?: FieldTable;
}

const NO_RELEASE: [boolean, boolean, boolean, boolean, boolean, boolean] = [false, false, false, false, false, false];

export function prepareMember(index: number, input: MemberInput, xi: Vec3, xj: Vec3, shearDeformation: boolean): PreparedMember {
  const geometry = memberGeometry(xi, xj, input.roll);
  const L = geometry.length;
  const slots: number[] = [];
  for (let k = 0; k < 6; k++) slots.push(input.i * 6 + k);
  for (let k = 0; k < 6; k++) slots.push(input.j * 6 + k);
  const section = sectionStiffness(L > 0 ? L : 1, input, shearDeformation && !input.truss);
  if (!(L > 0)) {
    return {
      index,
      input,
      geometry,
      usable: false,
      truss: input.truss,
      section,
      condensation: null,
      Klocal: new Float64Array(144),
      Kglobal: new Float64Array(144),
      slots,
      unstable: 'its two end nodes are at the same place (length 0)',
    };
  }
  let Klocal: Float64Array;
  let condensation: Condensation | null = null;
  let unstable: string | null = null;
  if (input.truss) {
    Klocal = new Float64Array(144);
    const k = section.EA / L;
    Klocal[0] = k;
    Klocal[6 * 12 + 6] = k;
    Klocal[6] = -k;
    Klocal[6 * 12] = -k;
    if (input.releaseI[0] || input.releaseJ[0]) {
      unstable = 'a truss member with N released carries nothing and its nodes slide along it';
      Klocal.fill(0);
    }
  } else {
    const hasRelease = input.releaseI.some(Boolean) || input.releaseJ.some(Boolean);
    condensation = new Condensation(
      frameStiffnessLocal(section),
      hasRelease ? input.releaseI : NO_RELEASE,
      hasRelease ? input.releaseJ : NO_RELEASE,
    );
    Klocal = condensation.K;
    if (condensation.zeroModes.length > 0) unstable = `its releases let it ${describeZeroModes(condensation.zeroModes)}`;
  }
  return {
    index,
    input,
    geometry,
    usable: true,
    truss: input.truss,
    section,
    condensation,
    Klocal,
    Kglobal: rotateMatrixToGlobal(geometry.R, Klocal, 12),
    slots,
    unstable,
  };
}
