// The scene's colours, read from VS Code's theme variables so the view matches the workbench in
// light, dark and high-contrast themes. Read again when the theme changes.
import * as THREE from 'three';
import { cssVar, themeKind } from '../shared/theme';
import type { Role } from './glyph-types';

export interface SceneColours {
  background: THREE.Color;
  member: THREE.Color;
  /** Members whose sections are drawn as solids. */
  solid: THREE.Color;
  node: THREE.Color;
  support: THREE.Color;
  grid: THREE.Color;
  selection: THREE.Color;
  hover: THREE.Color;
  axes: [THREE.Color, THREE.Color, THREE.Color];
  roles: Record<Role, THREE.Color>;
  /** Utilisation ramp stops (ratio → colour). */
  ramp: { at: number; colour: THREE.Color }[];
  noCheck: THREE.Color;
  /** CSS strings for the 2D label overlay. */
  css: { text: string; halo: string; font: string; roles: Record<Role | 'node' | 'member', string> };
  highContrast: boolean;
}

function colour(name: string, fallback: string): THREE.Color {
  const text = cssVar(name, fallback);
  const c = new THREE.Color();
  // CSS colours may carry alpha (#rrggbbaa, rgba()); the scene takes the rgb part.
  const hex8 = /^#([0-9a-f]{6})[0-9a-f]{2}$/i.exec(text);
  const rgba = /^rgba?\(\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s)]+)\s*(?:,[^)]*)?\)$/i.exec(text);
  try {
    c.setStyle(hex8 ? `#${hex8[1]}` : rgba ? `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})` : text);
  } catch {
    c.setStyle(fallback);
  }
  return c;
}

function css(c: THREE.Color): string {
  return `#${c.getHexString()}`;
}

export function readSceneColours(): SceneColours {
  const kind = themeKind();
  const dark = kind === 'dark' || kind === 'high-contrast';
  const highContrast = kind.startsWith('high-contrast');
  const background = colour('--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff');
  const foreground = colour('--vscode-editor-foreground', dark ? '#d4d4d4' : '#333333');
  const blue = colour('--vscode-charts-blue', '#3794ff');
  const red = colour('--vscode-charts-red', '#f14c4c');
  const green = colour('--vscode-charts-green', '#89d185');
  const yellow = colour('--vscode-charts-yellow', '#cca700');
  const orange = colour('--vscode-charts-orange', '#d18616');
  const purple = colour('--vscode-charts-purple', '#b180d7');
  const lines = colour('--vscode-charts-lines', dark ? '#808080' : '#a0a0a0');
  const member = foreground.clone().lerp(background, highContrast ? 0 : 0.12);
  const solid = foreground.clone().lerp(background, dark ? 0.45 : 0.55);
  const selection = colour('--vscode-focusBorder', '#007fd4');
  const roles: Record<Role, THREE.Color> = {
    load: orange,
    settlement: purple,
    reaction: green,
    positive: blue,
    negative: red,
    deformed: purple,
  };
  const font = `${cssVar('--vscode-editor-font-size', '12')}px`.replace('pxpx', 'px');
  return {
    background, member, solid,
    node: foreground,
    support: foreground.clone().lerp(blue, 0.55),
    grid: lines,
    selection,
    hover: selection.clone().lerp(foreground, 0.35),
    axes: [red, green, blue],
    roles,
    ramp: [
      { at: 0, colour: blue.clone().lerp(green, 0.6) },
      { at: 0.5, colour: green },
      { at: 0.8, colour: yellow },
      { at: 0.95, colour: orange },
      { at: 1.0, colour: red },
    ],
    noCheck: member.clone().lerp(background, 0.45),
    css: {
      text: css(foreground),
      halo: css(background),
      font: `${font} ${cssVar('--vscode-font-family', 'system-ui, sans-serif')}`,
      roles: {
        load: css(orange), settlement: css(purple), reaction: css(green), positive: css(blue), negative: css(red), deformed: css(purple),
        node: css(foreground), member: css(foreground.clone().lerp(blue, 0.5)),
      },
    },
    highContrast,
  };
}

/** The ramp colour of a utilisation ratio (above 1 stays at the last stop: red means failing). */
export function rampColour(c: SceneColours, ratio: number, out = new THREE.Color()): THREE.Color {
  const stops = c.ramp;
  if (!Number.isFinite(ratio)) return out.copy(c.noCheck);
  if (ratio <= stops[0].at) return out.copy(stops[0].colour);
  for (let k = 1; k < stops.length; k++) {
    if (ratio <= stops[k].at) {
      const t = (ratio - stops[k - 1].at) / (stops[k].at - stops[k - 1].at);
      return out.copy(stops[k - 1].colour).lerp(stops[k].colour, t);
    }
  }
  return out.copy(stops[stops.length - 1].colour);
}
