// The 3D view's controls, built only from the shared control wrappers (webviews/shared/controls):
// case and diagram pickers, deformation with its scale, result toggles, display toggles, the
// standard views and image export.
import { button, checkbox, dropdown, numberField, toolbar, type Control, type Dropdown, type Option } from '../shared/controls';
import type { Model3dState } from './view-state';
import type { StandardView } from './viewer';

export type Toggle = 'deformed' | 'utilisation' | 'reactions' | 'loads' | 'sections' | 'localAxes' | 'nodeLabels' | 'memberLabels' | 'values';

export interface ToolbarHandlers {
  caseChanged(name: string): void;
  diagramChanged(d: Model3dState['diagram']): void;
  toggled(t: Toggle, on: boolean): void;
  scaleChanged(factor: number): void;
  view(v: StandardView | 'fit'): void;
  exportImage(): void;
}

export interface Toolbar {
  element: HTMLElement;
  cases: Dropdown;
  diagram: Dropdown;
  scale: Control<number>;
  toggles: Record<Toggle, Control<boolean>>;
}

const DIAGRAM_OPTIONS: Option[] = [
  { value: 'none', label: 'No diagram' },
  { value: 'N', label: 'N — axial force' },
  { value: 'Vy', label: 'Vy — shear along y' },
  { value: 'Vz', label: 'Vz — shear along z' },
  { value: 'T', label: 'T — torsion' },
  { value: 'My', label: 'My — moment about y' },
  { value: 'Mz', label: 'Mz — moment about z' },
];

function group(cls: string, ...children: HTMLElement[]): HTMLElement {
  const g = document.createElement('div');
  g.className = `group ${cls}`;
  g.append(...children);
  return g;
}

export function buildToolbar(state: Model3dState, h: ToolbarHandlers): Toolbar {
  const cases = dropdown({ label: 'Case', options: [], title: 'Load case or combination shown', onChange: (v) => h.caseChanged(v) });
  const diagram = dropdown({ label: 'Diagram', options: DIAGRAM_OPTIONS, value: state.diagram, title: 'Stress resultant drawn on the members, in their local planes', onChange: (v) => h.diagramChanged(v as Model3dState['diagram']) });
  const toggle = (t: Toggle, label: string, title: string) => checkbox({ label, checked: state[t], title, onChange: (on) => h.toggled(t, on) });
  const toggles: Record<Toggle, Control<boolean>> = {
    deformed: toggle('deformed', 'Deformed', 'Deformed shape of the case, scaled'),
    utilisation: toggle('utilisation', 'Utilisation', 'Colour members by their governing check ratio'),
    reactions: toggle('reactions', 'Reactions', 'Support reactions of the case'),
    loads: toggle('loads', 'Loads', 'Loads of the case (factored for a combination)'),
    sections: toggle('sections', 'Sections', 'Draw members as extruded sections, oriented by their local axes and roll'),
    localAxes: toggle('localAxes', 'Axes', 'Local member axes: x red, y green, z blue'),
    nodeLabels: toggle('nodeLabels', 'Nodes', 'Node names'),
    memberLabels: toggle('memberLabels', 'Members', 'Member names'),
    values: toggle('values', 'Values', 'Values of loads, diagrams and reactions'),
  };
  const scale = numberField({ label: '×', value: 1, min: 0, step: 1, title: 'Deformation scale factor', onChange: (v) => h.scaleChanged(v) });
  scale.classList.add('scale');
  const views = (['iso', 'xy', 'xz', 'yz'] as StandardView[]).map((v) => button({ label: v === 'iso' ? 'Iso' : v.toUpperCase(), appearance: 'secondary', title: v === 'iso' ? 'Isometric view' : `View onto the ${v.toUpperCase()} plane`, onClick: () => h.view(v) }));
  const fit = button({ label: 'Fit', appearance: 'secondary', title: 'Fit the model in the view (F)', onClick: () => h.view('fit') });
  const save = button({ label: 'PNG', icon: '⤓', appearance: 'secondary', title: 'Save the view as a PNG image', onClick: () => h.exportImage() });
  const element = toolbar(
    group('results', cases, diagram, toggles.deformed, scale, toggles.utilisation, toggles.reactions, toggles.loads),
    group('display', toggles.sections, toggles.localAxes, toggles.nodeLabels, toggles.memberLabels, toggles.values),
    group('views', ...views, fit, save),
  );
  return { element, cases, diagram, scale, toggles };
}
