// What the pure geometry hands to the renderer for arrows, ribbons and labels. Roles map to theme
// colours in the browser layer; positions are relative to the model frame's centre.
import type { XYZ } from './vec';

export type Role = 'load' | 'settlement' | 'reaction' | 'positive' | 'negative' | 'deformed';

export interface Arrow {
  tail: XYZ;
  tip: XYZ;
  /** Moments are drawn as double-headed arrows along the moment vector (right-hand rule). */
  double: boolean;
  role: Role;
  /** Head length relative to the frame glyph (distributed loads use smaller heads). */
  head: number;
}

export interface Label {
  at: XYZ;
  text: string;
  role: Role | 'node' | 'member';
  /** Larger is drawn first when labels collide. */
  priority: number;
  /** Drawn as a name badge filled with this colour (a live-session participant's). */
  badge?: string;
  /** Badges on the same element: how many are above this one. */
  stack?: number;
}

/** Flat triangles (9 floats each) and their outline segments (6 floats each). */
export interface Ribbons {
  triangles: number[];
  /** Role of each triangle. */
  triangleRoles: Role[];
  outline: number[];
  outlineRoles: Role[];
}

export function emptyRibbons(): Ribbons {
  return { triangles: [], triangleRoles: [], outline: [], outlineRoles: [] };
}
