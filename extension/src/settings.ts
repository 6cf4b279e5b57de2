// The client-side settings (`struktur.display.*`), read per resource each time they are used, so
// a change applies at once and a folder can differ from its workspace. The server reads its own
// (`struktur.analysis.*`, `struktur.validation.*`, …) through workspace/configuration.
import * as vscode from 'vscode';
import { DEFAULT_DISPLAY_UNITS, type DisplayUnits, type ForceUnit, type LengthUnit } from './results-tables';

const FORCES: ForceUnit[] = ['N', 'kN', 'MN'];
const LENGTHS: LengthUnit[] = ['mm', 'm'];

function pick<T extends string>(value: unknown, allowed: T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function displayUnits(resource?: vscode.Uri): DisplayUnits {
  const c = vscode.workspace.getConfiguration('struktur.display', resource);
  return {
    force: pick(c.get('forceUnit'), FORCES, DEFAULT_DISPLAY_UNITS.force),
    length: pick(c.get('lengthUnit'), LENGTHS, DEFAULT_DISPLAY_UNITS.length),
    displacement: pick(c.get('displacementUnit'), LENGTHS, DEFAULT_DISPLAY_UNITS.displacement),
  };
}

export type AnalysisMode = 'onType' | 'onSave' | 'off';

export function analysisMode(resource?: vscode.Uri): AnalysisMode {
  return pick(vscode.workspace.getConfiguration('struktur.analysis', resource).get('mode'), ['onType', 'onSave', 'off'], 'onType');
}
