// The 3D view: takes the model and the results index the extension sends, asks for the one case
// it shows (and draws only an answer for that case of that index), builds the layers, keeps the
// camera and the toggles in the webview state, and links picking to the editor (click reveals,
// the editor's cursor highlights). Live updates rebuild what changed and keep the camera.
import * as THREE from 'three';
import type { ModelView } from '../../language-server/src/shared/model-view';
import type { HostToModel3d, Model3dCase, Model3dToHost, Model3dUpdate, ParticipantSelectionView } from '../../language-server/src/shared/model3d-messages';
import type { ResultsIndex } from '../../language-server/src/shared/case-view';
import type { ElementRef } from '../../language-server/src/shared/panel-messages';
import type { CaseResult } from '../../language-server/src/shared/protocol';
import type { WebviewApi } from '../shared/vscode-api';
import { displayUnits, formatQuantity, type DisplayUnits } from './display-units';
import { memberInfo, nodeInfo } from './element-info';
import type { Label } from './glyph-types';
import { disposeTree, lineBatch, pointBatch, setLineColours } from './gpu-objects';
import { renderLegend, type LegendContent } from './legend';
import { loadGeometry, loadsOfCase } from './load-geometry';
import { modelFrame, type ModelFrame } from './model-frame';
import { participantObjects } from './participant-layer';
import { participantMarks, type ParticipantMark } from './participant-marks';
import { autoDeformScale, deformedGeometry, diagramGeometry, diagramScale, maxAbs, maxDisplacement, memberUtilisation, QUANTITY_KIND, reactionGeometry, type DeformedGeometry, type DiagramQuantity } from './result-geometry';
import { arrowObjects, memberColours, MEMBER_WIDTH, ribbonObjects, structureLayer, type StructureLayer } from './scene-layers';
import { decodePickId, pointOnMember, type Picked } from './structure-geometry';
import { readSceneColours, type SceneColours } from './theme-colours';
import { buildToolbar, type Toggle, type Toolbar } from './toolbar';
import { readState, type Model3dState } from './view-state';
import { Viewer, type StandardView } from './viewer';
import { local } from './model-frame';

/** From this many members, solids are hidden while the camera moves. */
export const LIGHT_ORBIT_MEMBERS = 20000;

const DIAGRAM_TITLES: Record<DiagramQuantity, string> = {
  N: 'N axial force', Vy: 'Vy shear', Vz: 'Vz shear', T: 'T torsion', My: 'My moment', Mz: 'Mz moment',
};

export class Model3dApp {
  state: Model3dState;
  view: ModelView | null = null;
  /** The results index: every case's name and kind, the checks (no node or member data). */
  results: ResultsIndex | null = null;
  /** The one case whose results the view holds: drawn while it is the shown case of `results`. */
  caseData: Model3dCase | undefined;
  /** The case asked for last (`id` and name), so the same question is not asked twice. */
  private asked: string | undefined;
  /** Case answers accepted and drawn, and those dropped as stale (the tests and benchmark read them). */
  casesDrawn = 0;
  casesDropped = 0;
  /** The frame the last accepted case was first drawn in (0 until it is). */
  caseFrame = 0;
  frame: ModelFrame | undefined;
  units: DisplayUnits = displayUnits(undefined);
  colours: SceneColours;
  readonly viewer: Viewer;
  readonly toolbar: Toolbar;
  private readonly notice: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly status: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly empty: HTMLElement;
  structure: StructureLayer | undefined;
  private readonly layers = { loads: new THREE.Group(), deformed: new THREE.Group(), diagram: new THREE.Group(), reactions: new THREE.Group(), participants: new THREE.Group(), highlight: new THREE.Group() };
  private labels = { loads: [] as Label[], diagram: [] as Label[], reactions: [] as Label[] };
  private legendContent: LegendContent = {};
  selected: ElementRef | null = null;
  private hovered: Picked | undefined;
  /** Automatic deformation factor of the shown case, and the one in use. */
  autoScale = 1;
  deformFactor = 1;
  /** Time from receiving a model message to its first frame, ms (the benchmark reads it). */
  updateToFrameMs = 0;
  updates = 0;
  lastUpdate: Model3dUpdate | undefined;
  /** The deformed shape drawn now (for the tests' probe). */
  deformedData: DeformedGeometry | undefined;
  /** The other live-session participants' selections, as the extension sent them… */
  participantSelections: ParticipantSelectionView[] = [];
  /** …and what of them is drawn (the elements the model has, the colours as drawn). */
  participantsDrawn: ParticipantMark[] = [];
  private participantLabels: Label[] = [];
  private participantsReported = '[]';

  constructor(root: HTMLElement, private readonly api: WebviewApi<Model3dState, Model3dToHost>) {
    this.state = readState(api.getState());
    this.cameraModel = this.state.model;
    this.colours = readSceneColours();
    this.toolbar = buildToolbar(this.state, {
      caseChanged: (name) => {
        this.change({ caseName: name }, 'results');
        this.askForCase();
      },
      diagramChanged: (d) => this.change({ diagram: d }, 'results'),
      toggled: (t, on) => this.toggled(t, on),
      scaleChanged: (factor) => {
        if (factor > 0 && this.autoScale > 0) this.change({ deformScale: factor / this.autoScale }, 'deformed');
      },
      view: (v) => this.setView(v),
      exportImage: () => this.exportImage(),
    });
    this.toolbar.scale.hidden = !this.state.deformed;
    this.notice = div('notice');
    this.notice.hidden = true;
    this.notice.setAttribute('role', 'status');
    const stage = div('stage');
    this.viewer = new Viewer(stage, this.colours);
    this.legend = div('legend');
    this.status = div('status muted');
    this.tooltip = div('tooltip');
    this.tooltip.hidden = true;
    this.empty = div('empty muted');
    this.empty.textContent = 'Waiting for the model…';
    stage.append(this.legend, this.status, this.empty);
    root.append(this.toolbar.element, this.notice, stage, this.tooltip);
    for (const g of Object.values(this.layers)) this.viewer.scene.add(g);
    this.layers.highlight.renderOrder = 20;
    this.viewer.onCameraChange = () => this.save();
    // A very large model orbits as lines: the solids come back when the camera stops.
    this.viewer.onInteraction = (active) => {
      if (!this.structure || !this.view || this.view.members.length < LIGHT_ORBIT_MEMBERS) return;
      for (const { mesh } of this.structure.solids) mesh.visible = this.state.sections && !active;
      this.viewer.requestRender();
    };
    this.viewer.onFrame = () => {
      if (this.caseFrame === 0 && this.casesDrawn > 0) this.caseFrame = this.viewer.frames;
      if (this.pendingUpdate !== undefined) {
        this.updateToFrameMs = performance.now() - this.pendingUpdate;
        this.pendingUpdate = undefined;
      }
    };
    this.listen(this.viewer.renderer.domElement);
  }

  private pendingUpdate: number | undefined;
  /** The model the saved camera belongs to (a restored state's, until another model shows). */
  private cameraModel: string | undefined;

  accept(msg: HostToModel3d): void {
    switch (msg.type) {
      case 'model':
        this.update(msg);
        break;
      case 'case':
        this.acceptCase(msg);
        break;
      case 'select': {
        this.select(msg.element, false);
        const shown = msg.element && this.indexOf(msg.element) ? msg.element : null;
        this.api.post({ type: 'highlighted', element: shown });
        break;
      }
      case 'theme':
        this.themeChanged();
        break;
      case 'participants':
        this.participantSelections = Array.isArray(msg.selections) ? msg.selections : [];
        this.drawParticipants();
        break;
    }
  }

  // --- model and results -----------------------------------------------------------------------

  update(msg: Model3dUpdate): void {
    this.pendingUpdate = performance.now();
    this.lastUpdate = msg;
    this.updates++;
    // Another model in this panel (a restored panel finding its model) starts afresh.
    const first = !this.view || (!!msg.view && msg.view.uri !== this.view.uri);
    const pose = this.frame && !first ? this.viewer.pose() : undefined;
    const viewChanged = msg.view !== this.view;
    if (msg.view) this.view = msg.view;
    this.results = msg.results;
    // A case goes with the index it was fetched for; another index makes it stale.
    if (msg.case && msg.case.id === msg.results?.id) {
      this.caseData = msg.case;
      this.casesDrawn++;
      this.caseFrame = 0;
    } else if (this.caseData && this.caseData.id !== msg.results?.id) this.caseData = undefined;
    if (this.state.model !== msg.model) {
      this.state.model = msg.model;
      this.save();
    }
    this.showNotice(msg);
    const view = this.view;
    this.empty.hidden = !!view && view.members.length + view.nodes.length > 0;
    if (!view) {
      this.empty.textContent = msg.errors ? `The model has ${plural(msg.errors, 'error')} and nothing to draw yet.` : 'Waiting for the model…';
      return;
    }
    if (view.members.length + view.nodes.length === 0) this.empty.textContent = 'The model has no nodes or members yet.';
    this.units = displayUnits(view.units);
    this.updateCaseOptions();
    this.askForCase();
    if (viewChanged || !this.structure) {
      this.frame = modelFrame(view);
      this.viewer.setFrame(this.frame);
      this.rebuildStructure();
    }
    this.rebuildResults();
    if (first || !pose) {
      if (this.state.camera && this.cameraModel === msg.model) this.viewer.setPose(this.state.camera);
      else this.defaultView();
    } else this.viewer.setPose(pose);
    this.cameraModel = msg.model;
    if (this.selected) this.select(this.selected, false);
    if (viewChanged || first) this.drawParticipants();
    this.viewer.requestRender();
  }

  private showNotice(msg: Model3dUpdate): void {
    const parts: string[] = [];
    if (msg.stale && msg.view) parts.push(`The model has ${plural(msg.errors, 'error')}: showing the last valid model.`);
    else if (msg.stale) parts.push(`The model has ${plural(msg.errors, 'error')}.`);
    if (msg.results && msg.resultsStale && !msg.stale) parts.push(`Results are from before the last edit${msg.analysis ? ` (analysis ${msg.analysis})` : ''}.`);
    this.notice.textContent = parts.join(' ');
    this.notice.hidden = parts.length === 0;
  }

  private caseNames(): { value: string; label: string }[] {
    const view = this.view;
    if (!view) return [];
    const out: { value: string; label: string }[] = [];
    const seen = new Set<string>();
    const add = (name: string, label: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      out.push({ value: name, label });
    };
    for (const c of this.results?.cases ?? []) add(c.name, c.kind === 'combination' ? `${c.name} (${c.type ?? 'ULS'})` : c.name);
    for (const c of view.loadCases) add(c.name, c.name);
    for (const c of view.combinations) add(c.name, `${c.name} (${c.type})`);
    return out;
  }

  private updateCaseOptions(): void {
    const options = this.caseNames();
    if (!options.some((o) => o.value === this.state.caseName)) this.state.caseName = options[0]?.value;
    this.toolbar.cases.setOptions(options.length ? options : [{ value: '', label: 'no load cases' }], this.state.caseName ?? '');
  }

  /** The results of the shown case: only an answer for this case of this index. */
  private currentCase(): CaseResult | undefined {
    const c = this.caseData, name = this.state.caseName;
    return c && name !== undefined && c.name === name && c.id === this.results?.id ? c.result ?? undefined : undefined;
  }

  /** Tells the extension which case is shown, asking for its results when the view lacks them. */
  private askForCase(): void {
    const name = this.state.caseName;
    if (name === undefined || name === '') return;
    const id = this.results?.id ?? null;
    const have = this.caseData && this.caseData.name === name && this.caseData.id === id;
    const key = JSON.stringify([id, name]);
    if (have || key === this.asked) return;
    this.asked = key;
    this.api.post({ type: 'caseRequest', name, id });
  }

  /** An answer to a case request: drawn when it is for the case shown of the index held. */
  acceptCase(msg: Model3dCase): void {
    if (!this.results || msg.id !== this.results.id || msg.name !== this.state.caseName) {
      this.casesDropped++;
      return;
    }
    this.pendingUpdate ??= performance.now();
    this.caseData = msg;
    this.casesDrawn++;
    this.caseFrame = 0;
    this.rebuildResults();
  }

  private rebuildStructure(): void {
    const view = this.view!;
    if (this.structure) {
      this.viewer.scene.remove(this.structure.group);
      this.viewer.pickScene.remove(this.structure.pick);
      disposeTree(this.structure.group);
      disposeTree(this.structure.pick);
    }
    this.structure = structureLayer(view, this.frame!, this.colours);
    this.viewer.scene.add(this.structure.group);
    this.viewer.pickScene.add(this.structure.pick);
  }

  /** Everything that depends on the case and the toggles. */
  private rebuildResults(): void {
    const view = this.view, frame = this.frame, s = this.structure;
    if (!view || !frame || !s) return;
    const result = this.currentCase();
    const legend: LegendContent = {};
    const overlay = this.state.deformed && !!result || (this.state.diagram !== 'none' && !!result);

    // Structure colours: utilisation, or plain (faded under results).
    const util = this.state.utilisation ? memberUtilisation(view, this.results, this.state.caseName) : undefined;
    const perMember = memberColours(view, this.colours, { utilisation: util?.ratio, faded: overlay && !util });
    const lineColours = new Float32Array(view.members.length * 6);
    perMember.forEach((c, m) => lineColours.set([c.r, c.g, c.b, c.r, c.g, c.b], m * 6));
    setLineColours(s.lines, lineColours);
    const solidsOn = this.state.sections;
    for (const { mesh, members } of s.solids) {
      for (let k = 0; k < members.length; k++) mesh.setColorAt(k, util ? perMember[members[k]] : this.colours.solid);
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      const m = mesh.material as THREE.MeshLambertMaterial;
      m.transparent = overlay;
      m.opacity = overlay ? 0.28 : 1;
      m.depthWrite = !overlay;
      m.needsUpdate = true;
      mesh.visible = solidsOn;
    }
    s.axes.visible = this.state.localAxes;
    if (util) legend.utilisation = { basis: util.basis, max: util.max };
    if (this.state.localAxes) legend.localAxes = true;

    // Loads.
    this.clear('loads');
    this.labels.loads = [];
    if (this.state.loads && this.state.caseName) {
      const lg = loadGeometry(view, frame, this.units, loadsOfCase(view, this.state.caseName));
      this.layers.loads.add(arrowObjects(lg.arrows, this.colours, frame.glyph), ribbonObjects(lg.ribbons, this.colours, 0.18, 1.5));
      this.labels.loads = lg.labels;
      legend.loads = { caseName: this.state.caseName, notes: lg.notes };
    }

    // Results.
    this.clear('deformed');
    this.deformedData = undefined;
    this.clear('diagram');
    this.clear('reactions');
    this.labels.diagram = [];
    this.labels.reactions = [];
    this.autoScale = 1;
    if (result) {
      const maxU = maxDisplacement(view, result);
      this.autoScale = autoDeformScale(frame, maxU);
      this.deformFactor = this.autoScale * this.state.deformScale;
      this.toolbar.scale.setValue(Number(this.deformFactor.toPrecision(3)));
      if (this.state.deformed) {
        this.buildDeformed(result);
        legend.deformed = { factor: String(Number(this.deformFactor.toPrecision(3))), max: formatQuantity(this.units, 'displacement', maxU) };
      }
      if (this.state.diagram !== 'none') {
        const q = this.state.diagram;
        const max = maxAbs(view, result, q);
        const dg = diagramGeometry(view, frame, this.units, result, q, diagramScale(frame, max));
        this.layers.diagram.add(ribbonObjects(dg, this.colours, 0.3, 1.5));
        this.labels.diagram = dg.labels;
        legend.diagram = { title: DIAGRAM_TITLES[q], max: formatQuantity(this.units, QUANTITY_KIND[q], max), tensionSide: q === 'My' || q === 'Mz' };
      }
      if (this.state.reactions) {
        const rg = reactionGeometry(view, frame, this.units, result, s.depthBelow);
        this.layers.reactions.add(arrowObjects(rg.arrows, this.colours, frame.glyph, 2.5));
        this.labels.reactions = rg.labels;
        legend.reactions = true;
      }
    }
    legend.participants = this.legendContent.participants;
    this.legendContent = legend;
    renderLegend(this.legend, legend, this.colours);
    this.updateLabels();
    this.updateStatus();
    this.viewer.requestRender();
  }

  private buildDeformed(result: CaseResult): void {
    const view = this.view!, frame = this.frame!;
    this.clear('deformed');
    const d = deformedGeometry(view, frame, result, this.deformFactor);
    this.deformedData = d;
    this.layers.deformed.add(lineBatch(d.lines, { width: 2.5, colour: this.colours.roles.deformed }), pointBatch(d.nodes, 5, this.colours.roles.deformed, this.colours.roles.deformed));
  }

  private clear(layer: keyof Model3dApp['layers']): void {
    const g = this.layers[layer];
    for (const child of [...g.children]) {
      g.remove(child);
      disposeTree(child);
    }
  }

  private updateLabels(): void {
    const view = this.view, frame = this.frame;
    if (!view || !frame) return;
    // concat, not push(...): a 100k-member diagram has more labels than a call has arguments.
    let labels: Label[] = [];
    if (this.state.values) labels = labels.concat(this.labels.reactions, this.labels.loads, this.labels.diagram);
    if (this.state.nodeLabels) view.nodes.forEach((n) => labels.push({ at: local(frame, n.xyz), text: n.name, role: 'node', priority: 0.5 }));
    if (this.state.memberLabels) view.members.forEach((m, k) => labels.push({ at: pointOnMember(view, frame, k, m.length / 2), text: m.name, role: 'member', priority: 0.4 }));
    labels = labels.concat(this.participantLabels);
    this.viewer.labels.set(labels);
  }

  private updateStatus(): void {
    const view = this.view;
    if (!view) return;
    const parts = [view.title, `${plural(view.members.length, 'member')} · ${plural(view.nodes.length, 'node')}`];
    if (!this.results) parts.push(this.lastUpdate?.analysis ? `analysis ${this.lastUpdate.analysis}` : 'no results');
    this.status.textContent = parts.join(' · ');
  }

  // --- toggles and views -----------------------------------------------------------------------

  private change(patch: Partial<Model3dState>, what: 'results' | 'deformed' | 'labels'): void {
    Object.assign(this.state, patch);
    this.save();
    if (what === 'results') this.rebuildResults();
    else if (what === 'deformed') {
      const result = this.currentCase();
      this.deformFactor = this.autoScale * this.state.deformScale;
      if (result && this.state.deformed) {
        this.buildDeformed(result);
        this.legendContent.deformed = { factor: String(Number(this.deformFactor.toPrecision(3))), max: formatQuantity(this.units, 'displacement', maxDisplacement(this.view!, result)) };
        renderLegend(this.legend, this.legendContent, this.colours);
      }
      this.viewer.requestRender();
    } else {
      this.updateLabels();
      this.viewer.requestRender();
    }
  }

  private toggled(t: Toggle, on: boolean): void {
    if (t === 'deformed') this.toolbar.scale.hidden = !on;
    const labelsOnly: Toggle[] = ['nodeLabels', 'memberLabels', 'values'];
    this.change({ [t]: on } as Partial<Model3dState>, labelsOnly.includes(t) ? 'labels' : 'results');
  }

  setView(v: StandardView | 'fit'): void {
    if (v === 'fit') this.viewer.fit();
    else this.viewer.setView(v);
    this.save();
  }

  /** The first view of a model: a plane frame is seen square-on (slightly turned so supports and
   * loads read in 3D), anything else from the isometric direction. */
  private defaultView(): void {
    const f = this.frame!;
    const span = [f.max[0] - f.min[0], f.max[1] - f.min[1], f.max[2] - f.min[2]];
    const flat = 1e-6 * f.diagonal;
    if (span[1] <= flat && span[0] > flat) this.viewer.lookAlong([0.28, -1, 0.22]);
    else if (span[0] <= flat && span[1] > flat) this.viewer.lookAlong([1, 0.28, 0.22]);
    else if (span[2] <= flat) this.viewer.lookAlong([0.35, -0.6, 1]);
    else this.viewer.setView('iso');
    this.save();
  }

  private save(): void {
    if (this.frame) this.state.camera = this.viewer.pose();
    this.api.setState(this.state);
  }

  private themeChanged(): void {
    this.colours = readSceneColours();
    this.viewer.applyColours(this.colours);
    if (this.view && this.frame) {
      this.rebuildStructure();
      this.rebuildResults();
      this.drawParticipants();
      if (this.selected) this.select(this.selected, false);
    }
  }

  // --- live-session participants ---------------------------------------------------------------

  /** Draws the others' selections (again: after a model update, a theme change), skipping names
   * the model does not have, and tells the extension what is drawn when that changed. */
  private drawParticipants(): void {
    this.clear('participants');
    const view = this.view, frame = this.frame;
    const marks = view && frame ? participantMarks(view, frame, this.participantSelections, `#${this.colours.background.getHexString()}`) : { participants: [], labels: [] };
    if (view && frame && marks.participants.length) this.layers.participants.add(participantObjects(view, frame, marks.participants, this.colours));
    this.participantsDrawn = marks.participants;
    this.participantLabels = marks.labels;
    this.legendContent.participants = marks.participants.map((m) => ({ name: m.name, colour: m.colour, what: describeSelection(m.elements) }));
    renderLegend(this.legend, this.legendContent, this.colours);
    this.updateLabels();
    this.viewer.requestRender();
    const shown = marks.participants.map((m) => ({ name: m.name, colour: m.colour, elements: m.elements }));
    const text = JSON.stringify(shown);
    if (text !== this.participantsReported) {
      this.participantsReported = text;
      this.api.post({ type: 'participantsShown', selections: shown });
    }
  }

  // --- picking, hover, selection ---------------------------------------------------------------

  private listen(canvas: HTMLCanvasElement): void {
    let down: { x: number; y: number } | undefined;
    let hoverQueued = false;
    let lastMove: PointerEvent | undefined;
    canvas.addEventListener('pointerdown', (e) => {
      down = { x: e.clientX, y: e.clientY };
      this.tooltip.hidden = true;
    });
    canvas.addEventListener('pointerup', (e) => {
      if (!down || e.button !== 0) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      down = undefined;
      if (moved > 4) return;
      this.clickAt(e.clientX, e.clientY);
    });
    canvas.addEventListener('pointermove', (e) => {
      lastMove = e;
      if (e.buttons || hoverQueued) return;
      hoverQueued = true;
      requestAnimationFrame(() => {
        hoverQueued = false;
        if (lastMove) this.hoverAt(lastMove.clientX, lastMove.clientY);
      });
    });
    canvas.addEventListener('pointerleave', () => {
      lastMove = undefined;
      this.setHover(undefined);
    });
    window.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLElement && /INPUT|TEXTAREA|VSCODE-TEXT-FIELD/.test(e.target.tagName)) return;
      if (e.key === 'f' || e.key === 'F') this.setView('fit');
      else if (e.key === 'Escape') {
        this.select(null, false);
        this.api.post({ type: 'select', element: null });
      }
    });
  }

  /** What is under a point of the page (client coordinates). */
  pickAt(clientX: number, clientY: number): Picked | undefined {
    if (!this.view) return undefined;
    const rect = this.viewer.renderer.domElement.getBoundingClientRect();
    const id = this.viewer.pick(clientX - rect.left, clientY - rect.top);
    return decodePickId(this.view, id);
  }

  private clickAt(x: number, y: number): void {
    const p = this.pickAt(x, y);
    const element = p && this.refOf(p);
    this.select(element ?? null, false);
    this.api.post({ type: 'select', element: element ?? null });
    if (element) this.api.post({ type: 'reveal', element });
  }

  private hoverAt(x: number, y: number): void {
    const p = this.pickAt(x, y);
    this.setHover(p);
    if (!p || !this.view) {
      this.tooltip.hidden = true;
      return;
    }
    const result = this.currentCase();
    const info = p.kind === 'member' ? memberInfo(this.view, this.units, p.index, result, this.results) : nodeInfo(this.view, this.units, p.index, result);
    const title = document.createElement('strong');
    title.textContent = info.title;
    this.tooltip.replaceChildren(title, ...info.lines.map((l) => Object.assign(document.createElement('div'), { textContent: l })));
    this.tooltip.hidden = false;
    const w = this.tooltip.offsetWidth, h = this.tooltip.offsetHeight;
    this.tooltip.style.left = `${Math.min(x + 14, window.innerWidth - w - 4)}px`;
    this.tooltip.style.top = `${Math.min(y + 14, window.innerHeight - h - 4)}px`;
  }

  private refOf(p: Picked): ElementRef {
    const view = this.view!;
    return p.kind === 'member' ? { kind: 'member', name: view.members[p.index].name } : { kind: 'node', name: view.nodes[p.index].name };
  }

  private setHover(p: Picked | undefined): void {
    const same = p && this.hovered && p.kind === this.hovered.kind && p.index === this.hovered.index;
    if (same || (!p && !this.hovered)) return;
    this.hovered = p;
    this.viewer.renderer.domElement.style.cursor = p ? 'pointer' : '';
    this.drawHighlight();
  }

  /** Highlights an element (from a click here, or the editor's cursor); null clears. */
  select(element: ElementRef | null, post: boolean): void {
    this.selected = element;
    this.drawHighlight();
    if (post) this.api.post({ type: 'select', element });
  }

  private indexOf(ref: ElementRef): Picked | undefined {
    const view = this.view;
    if (!view) return undefined;
    const list: { name: string }[] = ref.kind === 'member' ? view.members : view.nodes;
    const index = list.findIndex((e) => e.name === ref.name);
    return index < 0 ? undefined : { kind: ref.kind, index };
  }

  private drawHighlight(): void {
    this.clear('highlight');
    const view = this.view, frame = this.frame;
    if (!view || !frame) return;
    const add = (p: Picked, colour: THREE.Color, width: number) => {
      if (p.kind === 'member') {
        const m = view.members[p.index];
        const line = lineBatch(Float32Array.from([...local(frame, view.nodes[m.i].xyz), ...local(frame, view.nodes[m.j].xyz)]), { width, colour, depthTest: false });
        line.renderOrder = 20;
        this.layers.highlight.add(line);
      } else {
        const pt = pointBatch(Float32Array.from(local(frame, view.nodes[p.index].xyz)), width * 2.6, colour, colour);
        (pt.material as THREE.Material).depthTest = false;
        pt.renderOrder = 21;
        this.layers.highlight.add(pt);
      }
    };
    if (this.hovered) add(this.hovered, this.colours.hover, MEMBER_WIDTH + 2);
    const sel = this.selected && this.indexOf(this.selected);
    if (sel) add(sel, this.colours.selection, MEMBER_WIDTH + 3);
    this.viewer.requestRender();
  }

  // --- export ----------------------------------------------------------------------------------

  private exportImage(): void {
    this.viewer.render();
    const gl = this.viewer.renderer.domElement;
    const out = document.createElement('canvas');
    out.width = gl.width;
    out.height = gl.height;
    const ctx = out.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    ctx.drawImage(this.viewer.labels.canvas, 0, 0, out.width, out.height);
    const data = out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    const name = `${(this.view?.title ?? 'model').replace(/[^\w.-]+/g, '-')}${this.state.caseName ? `-${this.state.caseName}` : ''}.png`;
    this.api.post({ type: 'exportImage', format: 'png', name, data });
  }
}

function div(cls: string): HTMLElement {
  const d = document.createElement('div');
  d.className = cls;
  return d;
}

/** "B1", "B1, N3", "B1, B2 and 5 more". */
function describeSelection(elements: ElementRef[]): string {
  const names = elements.slice(0, 3).map((e) => e.name);
  const more = elements.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
