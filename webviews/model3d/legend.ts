// The legend in the view's corner: what the colours and scales on screen mean (diagram and its
// extreme, deformation factor, utilisation ramp, loads drawn and what has no symbol). Plain DOM
// coloured with the same theme colours as the scene.
import type { SceneColours } from './theme-colours';

export interface LegendContent {
  loads?: { caseName: string; notes: string[] };
  diagram?: { title: string; max: string; tensionSide: boolean };
  deformed?: { factor: string; max: string };
  utilisation?: { basis: string; max: number };
  reactions?: boolean;
  localAxes?: boolean;
  /** Live-session participants whose selection is drawn: name, colour, what they selected. */
  participants?: { name: string; colour: string; what: string }[];
}

function swatch(colour: string, kind: 'line' | 'box' = 'box'): HTMLElement {
  const s = document.createElement('span');
  s.className = `swatch ${kind}`;
  s.style.setProperty('--swatch', colour);
  return s;
}

function row(...children: (HTMLElement | string)[]): HTMLElement {
  const r = document.createElement('div');
  r.className = 'legend-row';
  r.append(...children);
  return r;
}

function muted(text: string): HTMLElement {
  const s = document.createElement('span');
  s.className = 'muted';
  s.textContent = text;
  return s;
}

export function renderLegend(el: HTMLElement, content: LegendContent, colours: SceneColours): void {
  const rows: HTMLElement[] = [];
  const c = colours.css.roles;
  if (content.diagram) {
    const d = content.diagram;
    rows.push(row(swatch(c.positive), swatch(c.negative), `${d.title} `, muted(`max ${d.max}${d.tensionSide ? ' · tension side' : ''}`)));
  }
  if (content.deformed) rows.push(row(swatch(c.deformed, 'line'), 'Deformed ', muted(`×${content.deformed.factor} · max ${content.deformed.max}`)));
  if (content.utilisation) {
    const u = content.utilisation;
    const bar = document.createElement('span');
    bar.className = 'ramp';
    const stops = colours.ramp.map((s) => `#${s.colour.getHexString()} ${Math.round(s.at * 100)}%`).join(', ');
    bar.style.setProperty('--ramp', `linear-gradient(to right, ${stops})`);
    const ticks = document.createElement('span');
    ticks.className = 'ramp-ticks';
    for (const t of ['0', '0.5', '0.8', '1.0']) {
      const s = document.createElement('span');
      s.textContent = t;
      ticks.append(s);
    }
    const wrap = document.createElement('span');
    wrap.className = 'ramp-wrap';
    wrap.append(bar, ticks);
    rows.push(row('Utilisation ', muted(`${u.basis}${u.max > 0 ? ` · max ${u.max.toFixed(2)}` : ''}`)));
    rows.push(row(wrap, swatch(`#${colours.noCheck.getHexString()}`, 'line'), muted('no check')));
  }
  if (content.loads) {
    const notes = content.loads.notes.length ? ` · ${content.loads.notes.join(' · ')}` : '';
    rows.push(row(swatch(c.load, 'line'), `Loads ${content.loads.caseName}`, muted(notes)));
  }
  if (content.reactions) rows.push(row(swatch(c.reaction, 'line'), 'Reactions'));
  if (content.localAxes) {
    const axes = colours.axes.map((a) => `#${a.getHexString()}`);
    rows.push(row(swatch(axes[0], 'line'), 'x ', swatch(axes[1], 'line'), 'y ', swatch(axes[2], 'line'), 'z ', muted('local axes')));
  }
  for (const p of content.participants ?? []) rows.push(row(swatch(p.colour), `${p.name} `, muted(p.what)));
  el.replaceChildren(...rows);
  el.hidden = rows.length === 0;
}
