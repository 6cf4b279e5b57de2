// The view's persistent state: defaults, and a careful read of whatever getState() returns (an
// older version of the panel, or nothing) so a restored panel never starts broken. Pure.
import type { Model3dState } from '../../language-server/src/shared/model3d-messages';

export type { Model3dState };

export const DIAGRAMS = ['none', 'N', 'Vy', 'Vz', 'T', 'My', 'Mz'] as const;

export function defaultState(): Model3dState {
  return {
    version: 1,
    diagram: 'none',
    deformed: false,
    deformScale: 1,
    utilisation: false,
    reactions: false,
    loads: true,
    sections: true,
    localAxes: false,
    nodeLabels: false,
    memberLabels: false,
    values: true,
  };
}

const isXYZ = (v: unknown): v is [number, number, number] => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

export function readState(raw: unknown): Model3dState {
  const s = defaultState();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.model === 'string') s.model = r.model;
  if (typeof r.caseName === 'string') s.caseName = r.caseName;
  if (typeof r.diagram === 'string' && (DIAGRAMS as readonly string[]).includes(r.diagram)) s.diagram = r.diagram as Model3dState['diagram'];
  if (typeof r.deformScale === 'number' && r.deformScale > 0 && Number.isFinite(r.deformScale)) s.deformScale = r.deformScale;
  for (const k of ['deformed', 'utilisation', 'reactions', 'loads', 'sections', 'localAxes', 'nodeLabels', 'memberLabels', 'values'] as const) {
    if (typeof r[k] === 'boolean') s[k] = r[k] as boolean;
  }
  const c = r.camera as Record<string, unknown> | undefined;
  if (c && isXYZ(c.position) && isXYZ(c.target) && isXYZ(c.up) && typeof c.zoom === 'number' && c.zoom > 0) {
    s.camera = { position: c.position, target: c.target, up: c.up, zoom: c.zoom };
  }
  return s;
}
