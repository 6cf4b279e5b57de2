// The results dashboard in the webview: lays out the sections, turns the extension's digest into
// tiles, tables and figures (the pure modules compute, this file only draws), links every member
// to the editor and the 3D view, follows the theme and keeps its choices across hide/show.
import type { DashboardModel, DashboardState, DashboardStatus, DashboardToHost, HostToDashboard, MemberSeries, ResultsDigest } from '../../language-server/src/shared/dashboard-messages';
import type { ElementRef } from '../../language-server/src/shared/panel-messages';
import { dropdown, radioGroup, type Dropdown } from '../shared/controls';
import type { WebviewApi } from '../shared/vscode-api';
import { COMPARE_QUANTITIES, compareCases, isCompareQuantity, type CompareQuantity } from './case-comparison';
import { COMPARE_LABELS, comparisonFigure, reactionsFigure } from './case-charts';
import { readChartTheme, type ChartTheme } from './chart-theme';
import { ChecksTable, PAGE_ROWS } from './checks-table';
import { deflectionRows } from './deflection';
import { diagramsFigure, envelopeCases, memberEnvelopes } from './diagram-charts';
import { FigureCard, type ImageFormat } from './figure-card';
import { COMPONENTS, reactionTable, type Component } from './reactions';
import { readoutAt } from './readout';
import { renderReadout } from './readout-view';
import { isSortKey, type SortOrder } from './sorting';
import { banner, memberLengths, summarize, type Summary } from './summary';
import { deflectionTable, equilibriumTable, reactionsTable } from './tables';
import { renderTiles, tileContents } from './tiles';
import { displayUnits, type DisplayUnits } from './units';
import { checkedCombinations, governingRows, histogram, memberUtilisation, topMembers, type UtilisationMode } from './utilisation';
import { histogramFigure, memberStripFigure, topMembersFigure } from './utilisation-charts';

type Api = WebviewApi<DashboardState, DashboardToHost>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function section(id: string, title: string): { root: HTMLElement; head: HTMLElement; body: HTMLElement } {
  const root = el('section', 'dash-section');
  root.id = `section-${id}`;
  const head = el('div', 'section-head');
  head.append(el('h2', undefined, title));
  const body = el('div', 'section-body');
  root.append(head, body);
  return { root, head, body };
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model';
}

export class DashboardApp {
  private model: DashboardModel | null = null;
  private results: ResultsDigest | null = null;
  private status: DashboardStatus = { resultsCurrent: false };
  private series: MemberSeries | null = null;
  private selected: ElementRef | null;
  private state: DashboardState;
  private theme: ChartTheme = readChartTheme();
  private units: DisplayUnits = displayUnits(undefined);
  private summary: Summary | null = null;
  private generation = 0;

  private readonly titleEl = el('h1');
  private readonly sourceEl = el('span', 'source muted');
  private readonly badge = el('span', 'state-badge');
  private readonly toast = el('span', 'toast muted');
  private readonly bannerEl = el('div', 'notice banner');
  private readonly tilesEl = el('div', 'tiles');
  private readonly histogram: FigureCard;
  private readonly top: FigureCard;
  private readonly strip: FigureCard;
  private readonly diagrams: FigureCard;
  private readonly reactions: FigureCard;
  private readonly comparison: FigureCard;
  private readonly checks: ChecksTable;
  private readonly combinationPick: Dropdown;
  private readonly modePick: HTMLElement & { setValue(v: string): void };
  private readonly casePick: Dropdown;
  private readonly reactionCasePick: Dropdown;
  private readonly componentPick: Dropdown;
  private readonly comparePick: Dropdown;
  private readonly memberInput = el('input', 'text-input');
  private readonly memberList = el('datalist');
  private readonly memberInfo = el('span', 'muted member-info');
  private readonly readout = el('div', 'readout');
  private readonly reactionsTableHost = el('div', 'table-wrap');
  private readonly equilibriumHost = el('div', 'table-wrap');
  private readonly deflectionHost = el('div', 'table-wrap');
  private readonly checksCaption = el('p', 'caption');
  private readonly sections: Record<'utilisation' | 'member' | 'reactions' | 'deflection' | 'cases', HTMLElement>;

  constructor(host: HTMLElement, private readonly api: Api) {
    this.state = api.getState() ?? {};
    this.selected = this.state.selected ?? null;
    const card = (id: string, title: string, height: number, caption?: string) =>
      new FigureCard({ id, title, caption, height, onExport: (f, d, n) => this.exportImage(f, d, n), onError: (m) => this.reportError(m) });

    // Header
    const top = el('header', 'topbar');
    const titles = el('div', 'titles');
    titles.append(this.titleEl, this.sourceEl);
    this.badge.id = 'state-badge';
    this.toast.id = 'toast';
    top.append(titles, this.toast, this.badge);
    this.bannerEl.id = 'banner';
    this.bannerEl.hidden = true;
    this.bannerEl.setAttribute('role', 'status');
    this.tilesEl.id = 'tiles';

    // Utilisation
    const util = section('utilisation', 'Utilisation');
    this.modePick = radioGroup({
      options: [{ value: 'envelope', label: 'Envelope' }, { value: 'combination', label: 'Per combination' }],
      value: this.state.utilisationMode ?? 'envelope',
      onChange: (v) => {
        this.state.utilisationMode = v === 'combination' ? 'combination' : 'envelope';
        this.save();
        this.renderUtilisation();
      },
    });
    this.modePick.id = 'utilisation-mode';
    this.combinationPick = dropdown({ label: 'Combination', options: [], onChange: (v) => {
      this.state.combination = v;
      this.save();
      this.renderUtilisation();
    } });
    this.combinationPick.id = 'utilisation-combination';
    const utilTools = el('div', 'section-tools');
    utilTools.append(this.modePick, this.combinationPick);
    util.head.append(utilTools);
    this.histogram = card('histogram', 'Distribution', 230, 'Members per utilisation band');
    this.top = card('top', 'Most utilised members', 480, 'The 20 highest; click a bar to select the member');
    this.strip = card('members', 'Every member', 170, 'Utilisation in declaration order');
    const pair = el('div', 'pair');
    const left = el('div', 'stack');
    left.append(this.histogram.element, this.strip.element);
    pair.append(left, this.top.element);
    this.checks = new ChecksTable({
      onSort: (order) => {
        this.state.sort = order;
        this.save();
        this.renderChecks();
      },
      onRow: (member) => this.pick({ kind: 'member', name: member }),
      onMore: (rows) => {
        this.state.rows = rows;
        this.save();
        this.renderChecks();
      },
    });
    const checksCard = el('section', 'card');
    checksCard.id = 'figure-checks';
    const checksHead = el('header', 'card-header');
    const checksTitles = el('div', 'card-titles');
    checksTitles.append(el('h3', undefined, 'Governing checks'), this.checksCaption);
    checksHead.append(checksTitles);
    checksCard.append(checksHead, this.checks.element);
    util.body.append(pair, checksCard);

    // Member diagrams
    const member = section('member', 'Member diagrams');
    this.memberInput.id = 'member-input';
    this.memberInput.type = 'search';
    this.memberInput.placeholder = 'Member…';
    this.memberInput.setAttribute('list', 'member-list');
    this.memberInput.setAttribute('aria-label', 'Member');
    this.memberList.id = 'member-list';
    this.memberInput.addEventListener('change', () => {
      const name = this.memberInput.value.trim();
      if (this.model?.members.some((m) => m.name === name)) this.pick({ kind: 'member', name });
    });
    const memberLabel = el('label', 'control');
    memberLabel.append(el('span', 'control-label', 'Member'), this.memberInput, this.memberList);
    this.casePick = dropdown({ label: 'Case', options: [], onChange: (v) => {
      this.state.diagramCase = v;
      this.save();
      this.renderDiagrams();
    } });
    this.casePick.id = 'diagram-case';
    const memberTools = el('div', 'section-tools');
    memberTools.append(memberLabel, this.casePick, this.memberInfo);
    member.head.append(memberTools);
    this.diagrams = card('diagrams', 'Internal forces', 440, '');
    this.readout.id = 'readout';
    this.diagrams.element.append(this.readout);
    this.diagrams.on('plotly_hover', (e) => this.hover(e));
    member.body.append(this.diagrams.element);

    // Reactions and equilibrium
    const reac = section('reactions', 'Reactions and equilibrium');
    this.reactionCasePick = dropdown({ label: 'Case', options: [], onChange: (v) => {
      this.state.reactionCase = v;
      this.save();
      this.renderReactions();
    } });
    this.reactionCasePick.id = 'reaction-case';
    this.componentPick = dropdown({
      label: 'Component', options: COMPONENTS.map((c) => ({ value: c, label: c })), value: 'Fz',
      onChange: () => this.renderReactions(),
    });
    this.componentPick.id = 'reaction-component';
    const tableCard = el('section', 'card');
    tableCard.id = 'figure-reaction-table';
    const tableHead = el('header', 'card-header');
    const tableTitles = el('div', 'card-titles');
    tableTitles.append(el('h3', undefined, 'Support reactions'), el('p', 'caption', 'Global axes; totals against the applied loads'));
    tableHead.append(tableTitles, this.reactionCasePick);
    tableCard.append(tableHead, this.reactionsTableHost);
    this.reactions = card('reactions', 'Reactions per load case', 260, 'One component at every support');
    this.reactions.tools(this.componentPick);
    const eqCard = el('section', 'card');
    eqCard.id = 'figure-equilibrium';
    const eqHead = el('header', 'card-header');
    const eqTitles = el('div', 'card-titles');
    eqTitles.append(el('h3', undefined, 'Equilibrium per case'), el('p', 'caption', 'Σ applied loads against Σ reactions, computed independently by the analysis'));
    eqHead.append(eqTitles);
    eqCard.append(eqHead, this.equilibriumHost);
    reac.body.append(tableCard, this.reactions.element, eqCard);

    // Deflection checks
    const defl = section('deflection', 'Deflection checks');
    const deflCard = el('section', 'card');
    deflCard.id = 'figure-deflection';
    deflCard.append(this.deflectionHost);
    defl.body.append(deflCard);

    // Load-case comparison
    const cases = section('cases', 'Load-case comparison');
    this.comparePick = dropdown({
      label: 'Quantity', options: COMPARE_QUANTITIES.map((q) => ({ value: q, label: COMPARE_LABELS[q] })),
      value: isCompareQuantity(this.state.compareQuantity) ? this.state.compareQuantity : 'My',
      onChange: (v) => {
        this.state.compareQuantity = v;
        this.save();
        this.renderComparison();
      },
    });
    this.comparePick.id = 'compare-quantity';
    this.comparison = card('cases', 'Peak per case', 260, 'Largest value over all members in each case');
    this.comparison.tools(this.comparePick);
    cases.body.append(this.comparison.element);

    this.sections = { utilisation: util.root, member: member.root, reactions: reac.root, deflection: defl.root, cases: cases.root };
    const main = el('main', 'dashboard');
    main.append(top, this.bannerEl, this.tilesEl, util.root, member.root, reac.root, defl.root, cases.root);
    host.append(main);

    for (const c of [this.top, this.strip]) {
      c.on('plotly_click', (e) => {
        const p = (e as { points?: { y?: unknown; text?: unknown }[] }).points?.[0];
        const name = c === this.top ? p?.y : p?.text;
        if (typeof name === 'string') this.pick({ kind: 'member', name });
      });
    }
    this.histogram.on('plotly_click', () => undefined);
    this.renderAll();
  }

  accept(msg: HostToDashboard): void {
    switch (msg.type) {
      case 'update':
        this.model = msg.model;
        this.results = msg.results;
        this.status = msg.status;
        if (msg.model) this.state.model = msg.model.uri;
        // The selection may have been renamed away.
        if (this.selected?.kind === 'member' && this.model && !this.model.members.some((m) => m.name === this.selected!.name)) this.setSelected(null);
        this.save();
        this.renderAll();
        // New results mean new stations: ask for the selected member's.
        if (this.selected?.kind === 'member' && msg.results) this.api.post({ type: 'memberRequest', element: this.selected });
        break;
      case 'member':
        this.series = msg.series;
        this.renderDiagrams();
        break;
      case 'select':
        this.setSelected(msg.element);
        if (msg.element?.kind === 'member') this.api.post({ type: 'memberRequest', element: msg.element });
        this.renderSelection();
        break;
      case 'theme':
        this.retheme();
        break;
      case 'exported':
        this.toast.textContent = msg.path ? `Saved ${msg.path}` : '';
        break;
    }
  }

  retheme(): void {
    this.theme = readChartTheme();
    this.renderAll();
  }

  /** A member or node chosen here: reveal its declaration, tell the other panels, draw it. */
  private pick(ref: ElementRef): void {
    this.setSelected(ref);
    this.api.post({ type: 'select', element: ref });
    this.api.post({ type: 'reveal', element: ref });
    if (ref.kind === 'member') this.api.post({ type: 'memberRequest', element: ref });
    this.renderSelection();
  }

  private setSelected(ref: ElementRef | null): void {
    this.selected = ref;
    this.state.selected = ref;
    this.save();
  }

  private save(): void {
    this.api.setState(this.state);
  }

  private exportImage(format: ImageFormat, data: string, id: string): void {
    const base = slug(this.model?.title ?? this.results?.model ?? 'struktur');
    const member = id === 'diagrams' && this.series ? `-${slug(this.series.member)}` : '';
    this.api.post({ type: 'exportImage', format, name: `${base}-${id}${member}.${format}`, data });
  }

  private reportError(message: string): void {
    this.api.post({ type: 'error', message });
  }

  private mode(): UtilisationMode {
    const combos = this.results ? checkedCombinations(this.results.checks) : [];
    if (this.state.utilisationMode !== 'combination' || !combos.length) return { kind: 'envelope' };
    const combination = this.state.combination && combos.includes(this.state.combination) ? this.state.combination : combos[0];
    return { kind: 'combination', combination };
  }

  private renderAll(): void {
    const generation = ++this.generation;
    const started = performance.now();
    this.units = displayUnits(this.model?.units);
    this.summary = this.results ? summarize(this.model, this.results) : null;
    this.renderHeader();
    const renders: Promise<void>[] = [];
    renders.push(...this.renderUtilisation(), this.renderDiagrams(), this.renderReactions(), this.renderComparison());
    this.renderDeflection();
    this.renderMemberList();
    void Promise.all(renders).then(() => {
      // For tests and the benchmark: everything of this update is on screen.
      if (generation !== this.generation) return;
      document.body.dataset.renderMs = String(Math.round(performance.now() - started));
      document.body.dataset.rendered = String(generation);
    });
  }

  private renderHeader(): void {
    const title = this.model?.title ?? this.results?.model ?? 'Struktur results';
    this.titleEl.textContent = title;
    this.sourceEl.textContent = this.results?.source ?? '';
    const b = banner(this.model, this.results, this.status);
    document.body.dataset.freshness = b.state;
    this.bannerEl.hidden = b.state === 'current';
    this.bannerEl.textContent = b.text;
    this.bannerEl.dataset.state = b.state;
    const labels: Record<typeof b.state, string> = { current: 'Up to date', running: 'Analysing…', stale: 'Out of date', invalid: 'Model invalid', failed: 'Analysis failed', empty: 'No results' };
    this.badge.textContent = labels[b.state];
    this.badge.dataset.state = b.state;
    if (this.summary) renderTiles(this.tilesEl, tileContents(this.summary, this.units), (ref) => this.pick(ref));
    else this.tilesEl.replaceChildren();
    const has = !!this.results;
    for (const s of Object.values(this.sections)) s.hidden = !has;
    if (has) {
      this.sections.deflection.hidden = !this.results!.checks.some((c) => c.check === 'deflection');
    }
  }

  private renderUtilisation(): Promise<void>[] {
    if (!this.results) return [];
    const checks = this.results.checks;
    const combos = checkedCombinations(checks);
    const mode = this.mode();
    this.modePick.setValue(mode.kind);
    this.combinationPick.setOptions(combos.map((c) => ({ value: c, label: c })), mode.kind === 'combination' ? mode.combination : this.state.combination ?? combos[0]);
    this.combinationPick.hidden = mode.kind !== 'combination';
    this.sections.utilisation.classList.toggle('no-checks', checks.length === 0);
    const rows = memberUtilisation(checks, mode);
    const selected = this.selected?.kind === 'member' ? this.selected.name : undefined;
    const h = histogramFigure(histogram(rows), this.theme);
    const t = topMembersFigure(topMembers(rows, 20), this.theme, selected);
    this.top.setHeight(Math.max(200, Math.min(480, Math.min(20, rows.length) * 22 + 64)));
    const s = memberStripFigure(rows, this.model?.members.map((m) => m.name) ?? rows.map((r) => r.member), this.theme, selected);
    const scope = mode.kind === 'envelope' ? 'over all combinations' : `under ${mode.combination}`;
    this.histogram.caption = `${rows.length.toLocaleString('en')} checked members, ${scope}`;
    this.strip.caption = `Utilisation of every checked member in declaration order, ${scope}`;
    this.renderChecks();
    if (!checks.length) return [];
    return [this.histogram.render(h.data, h.layout), this.top.render(t.data, t.layout), this.strip.render(s.data, s.layout)];
  }

  private renderChecks(): void {
    if (!this.results) return;
    const mode = this.mode();
    const rows = governingRows(this.results.checks, mode);
    const order: SortOrder = this.state.sort && isSortKey(this.state.sort.key) ? (this.state.sort as SortOrder) : { key: 'utilisation', descending: true };
    this.checksCaption.textContent = `${rows.length.toLocaleString('en')} rows: the governing result of each member and check ${mode.kind === 'envelope' ? 'over all combinations' : `under ${mode.combination}`}; click a row to show the member`;
    this.checks.render(rows, order, this.state.rows ?? PAGE_ROWS, this.units, this.theme, this.selected?.kind === 'member' ? this.selected.name : undefined);
  }

  private renderMemberList(): void {
    const names = this.model?.members.map((m) => m.name) ?? [];
    if (this.memberList.childElementCount !== names.length || this.memberList.firstElementChild?.getAttribute('value') !== names[0]) {
      this.memberList.replaceChildren(...names.map((n) => {
        const o = document.createElement('option');
        o.value = n;
        return o;
      }));
    }
  }

  private renderSelection(): void {
    const member = this.selected?.kind === 'member' ? this.selected.name : undefined;
    this.checks.select(member);
    void this.renderUtilisation();
    this.renderDiagrams();
    this.renderReactions();
  }

  private diagramCase(series: MemberSeries): string {
    const names = series.cases.map((c) => c.name);
    if (this.state.diagramCase && names.includes(this.state.diagramCase)) return this.state.diagramCase;
    // The combination that governs the member's checks, else the first combination.
    const governing = this.results ? memberUtilisation(this.results.checks).find((r) => r.member === series.member)?.combination : undefined;
    if (governing && names.includes(governing)) return governing;
    return envelopeCases(series)[0]?.name ?? names[0];
  }

  private renderDiagrams(): Promise<void> {
    const member = this.selected?.kind === 'member' ? this.selected.name : undefined;
    if (document.activeElement !== this.memberInput) this.memberInput.value = member ?? '';
    const info = member ? this.model?.members.find((m) => m.name === member) : undefined;
    this.memberInfo.textContent = info ? `L = ${(info.length / this.units.length.factor).toFixed(3).replace(/\.?0+$/, '')} ${this.units.length.symbol}${info.section ? ` · ${info.section}` : ''}` : '';
    const series = this.series && this.series.member === member ? this.series : null;
    this.diagrams.element.classList.toggle('empty', !series);
    if (!series) {
      this.casePick.setOptions([]);
      this.diagrams.caption = member ? `Loading ${member}…` : 'Select a member: click a row, a bar or a tile, type its name, or put the cursor on its declaration';
      this.readout.replaceChildren();
      this.diagrams.purge();
      return Promise.resolve();
    }
    const caseName = this.diagramCase(series);
    this.casePick.setOptions(series.cases.map((c) => ({ value: c.name, label: c.kind === 'combination' ? `${c.name} (${c.type ?? 'ULS'})` : c.name })), caseName);
    const envCases = envelopeCases(series);
    this.diagrams.caption = `${series.member} under ${caseName}; band: envelope of ${envCases.length} ${envCases[0]?.kind === 'combination' ? 'combinations' : 'cases'}. Moments on the tension side.`;
    const envelopes = memberEnvelopes(series);
    const f = diagramsFigure(series, caseName, this.units, this.theme, envelopes);
    renderReadout(this.readout, readoutAt(series, caseName, envelopes, series.length / 2), this.units, true);
    this.currentReadout = { series, caseName, envelopes };
    return this.diagrams.render(f.data, f.layout);
  }

  private currentReadout: { series: MemberSeries; caseName: string; envelopes: ReturnType<typeof memberEnvelopes> } | null = null;

  private hover(e: unknown): void {
    const p = (e as { points?: { x?: unknown }[] }).points?.[0];
    if (!p || typeof p.x !== 'number' || !this.currentReadout) return;
    const { series, caseName, envelopes } = this.currentReadout;
    renderReadout(this.readout, readoutAt(series, caseName, envelopes, p.x * this.units.length.factor), this.units, false);
  }

  private renderReactions(): Promise<void> {
    if (!this.results) return Promise.resolve();
    const cases = this.results.cases;
    const names = cases.map((c) => c.name);
    const chosen = this.state.reactionCase && names.includes(this.state.reactionCase) ? this.state.reactionCase : names[0];
    this.reactionCasePick.setOptions(cases.map((c) => ({ value: c.name, label: c.name })), chosen);
    const c = cases.find((x) => x.name === chosen);
    const order = this.model?.supports.map((s) => s.node);
    if (c) {
      const t = reactionTable(c, order);
      this.reactionsTableHost.replaceChildren(reactionsTable(t, this.units, (ref) => this.pick(ref)));
      const sel = this.selected?.kind === 'node' ? this.selected.name : undefined;
      for (const tr of this.reactionsTableHost.querySelectorAll<HTMLElement>('tbody tr')) tr.classList.toggle('selected', tr.dataset.element === `node:${sel}`);
    } else this.reactionsTableHost.replaceChildren();
    if (this.summary) this.equilibriumHost.replaceChildren(equilibriumTable(this.summary.equilibrium, this.units));
    const component = (COMPONENTS as readonly string[]).includes(this.componentPick.selected) ? (this.componentPick.selected as Component) : 'Fz';
    const supports = order ?? Object.keys(c?.reactions ?? {});
    const f = reactionsFigure(cases, component, supports, this.units, this.theme);
    return this.reactions.render(f.data, f.layout);
  }

  private renderDeflection(): void {
    if (!this.results) return;
    const rows = deflectionRows(this.results.checks, memberLengths(this.model));
    this.deflectionHost.replaceChildren(deflectionTable(rows, this.units, (ref) => this.pick(ref)));
  }

  private renderComparison(): Promise<void> {
    if (!this.results) return Promise.resolve();
    const q: CompareQuantity = isCompareQuantity(this.comparePick.selected) ? this.comparePick.selected : 'My';
    const f = comparisonFigure(compareCases(this.results.cases, q), q, this.units, this.theme);
    return this.comparison.render(f.data, f.layout);
  }
}
