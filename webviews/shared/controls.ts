// The panels' controls. This is the only module that imports @vscode/webview-ui-toolkit: the
// toolkit is deprecated upstream, and its successor (@vscode-elements/elements) must be able to
// replace it here without touching a view. Views get plain HTMLElements with a small API
// (`setValue`, `setOptions`) and callbacks, never toolkit types.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDivider,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeRadio,
  vsCodeRadioGroup,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let registered = false;

/** Registers the custom elements once per page. */
export function registerControls(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(), vsCodeCheckbox(), vsCodeDivider(), vsCodeDropdown(),
    vsCodeOption(), vsCodeRadio(), vsCodeRadioGroup(), vsCodeTextField(),
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface Control<T> extends HTMLElement {
  setValue(value: T): void;
}

export interface Dropdown extends Control<string> {
  setOptions(options: Option[], value?: string): void;
  readonly selected: string;
}

function labelled(label: string | undefined, control: HTMLElement, cls: string): HTMLElement {
  if (!label) return control;
  const wrap = document.createElement('label');
  wrap.className = `control ${cls}`;
  const text = document.createElement('span');
  text.className = 'control-label';
  text.textContent = label;
  wrap.append(text, control);
  return wrap;
}

/** A labelled single choice. `onChange` fires on user changes only. */
export function dropdown(opts: { label?: string; options: Option[]; value?: string; title?: string; onChange(value: string): void }): Dropdown {
  registerControls();
  const el = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  if (opts.title) el.title = opts.title;
  let current = opts.value ?? opts.options[0]?.value ?? '';
  const fill = (options: Option[], value: string) => {
    el.replaceChildren(...options.map((o) => {
      const opt = document.createElement('vscode-option') as HTMLElement & { value: string };
      opt.setAttribute('value', o.value);
      opt.textContent = o.label;
      if (o.value === value) opt.setAttribute('selected', '');
      return opt;
    }));
    current = options.some((o) => o.value === value) ? value : options[0]?.value ?? '';
    el.value = current;
  };
  fill(opts.options, current);
  el.addEventListener('change', () => {
    if (el.value === current) return;
    current = el.value;
    opts.onChange(current);
  });
  const host = labelled(opts.label, el, 'dropdown') as Dropdown;
  host.setValue = (v) => {
    current = v;
    el.value = v;
  };
  host.setOptions = (options, value) => fill(options, value ?? current);
  Object.defineProperty(host, 'selected', { get: () => current });
  return host;
}

export function checkbox(opts: { label: string; checked: boolean; title?: string; onChange(checked: boolean): void }): Control<boolean> {
  registerControls();
  const el = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  el.textContent = opts.label;
  if (opts.title) el.title = opts.title;
  el.checked = opts.checked;
  if (opts.checked) el.setAttribute('checked', '');
  el.addEventListener('change', () => opts.onChange(el.checked));
  const c = el as unknown as Control<boolean>;
  c.setValue = (v) => {
    el.checked = v;
  };
  return c;
}

export function button(opts: { label?: string; icon?: string; appearance?: 'primary' | 'secondary' | 'icon'; title?: string; onClick(): void }): HTMLElement {
  registerControls();
  const el = document.createElement('vscode-button');
  el.setAttribute('appearance', opts.appearance ?? (opts.label ? 'secondary' : 'icon'));
  if (opts.title ?? opts.label) el.setAttribute('aria-label', opts.title ?? opts.label!);
  if (opts.title) el.title = opts.title;
  if (opts.icon) {
    // A glyph rather than the codicon font: the panels load no icon font.
    const glyph = document.createElement('span');
    glyph.className = 'glyph';
    glyph.textContent = opts.icon;
    if (opts.label) glyph.setAttribute('slot', 'start');
    el.append(glyph);
  }
  if (opts.label) el.append(document.createTextNode(opts.label));
  el.addEventListener('click', () => opts.onClick());
  return el;
}

export function numberField(opts: { label?: string; value: number; min?: number; max?: number; step?: number; title?: string; onChange(value: number): void }): Control<number> {
  registerControls();
  const el = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  el.setAttribute('type', 'number');
  el.setAttribute('size', '6');
  if (opts.title) el.title = opts.title;
  el.value = String(opts.value);
  const clamp = (v: number) => Math.min(opts.max ?? Infinity, Math.max(opts.min ?? -Infinity, v));
  el.addEventListener('change', () => {
    const v = Number(el.value);
    if (Number.isFinite(v)) opts.onChange(clamp(v));
  });
  const host = labelled(opts.label, el, 'number') as Control<number>;
  host.setValue = (v) => {
    el.value = String(v);
  };
  return host;
}

/** Mutually exclusive choices shown side by side. */
export function radioGroup(opts: { label?: string; options: Option[]; value: string; onChange(value: string): void }): Control<string> {
  registerControls();
  const el = document.createElement('vscode-radio-group') as HTMLElement & { value: string };
  if (opts.label) {
    const l = document.createElement('label');
    l.setAttribute('slot', 'label');
    l.textContent = opts.label;
    el.append(l);
  }
  for (const o of opts.options) {
    const r = document.createElement('vscode-radio');
    r.setAttribute('value', o.value);
    r.textContent = o.label;
    if (o.value === opts.value) r.setAttribute('checked', '');
    el.append(r);
  }
  // The group fires `change` while it initialises too: report only real changes.
  let current = opts.value;
  el.addEventListener('change', () => {
    if (el.value === current || el.value === undefined) return;
    current = el.value;
    opts.onChange(current);
  });
  const c = el as unknown as Control<string>;
  c.setValue = (v) => {
    current = v;
    el.value = v;
  };
  return c;
}

/** A count or short label. Our own element: the toolkit's badge sets a style attribute, which
 * the panels' policy (no inline styles) refuses. */
export function badge(text: string, title?: string): Control<string> {
  const el = document.createElement('span');
  el.className = 'badge';
  el.textContent = text;
  if (title) el.title = title;
  const c = el as unknown as Control<string>;
  c.setValue = (v) => {
    el.textContent = v;
  };
  return c;
}

export function divider(): HTMLElement {
  registerControls();
  return document.createElement('vscode-divider');
}

/** A row of controls (wraps on narrow panels). */
export function toolbar(...children: HTMLElement[]): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.append(...children);
  return bar;
}
