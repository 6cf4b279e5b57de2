// The 3D view's bundle in headless Chromium (WebGL through SwiftShader) under the extension's
// Content Security Policy, fed the model view and results of the real examples as the extension
// feeds them: the model with the results' index, then the one case the page asks for
// (FakeModel3dHost). Screenshots go to test-artifacts/webviews/; the assertions read the live
// scene through the page's probe (window.strukturModel3d) and the messages the page posts.
import { strict as assert } from 'node:assert';
import type { ModelView } from '../../language-server/src/shared/model-view';
import type { Model3dProbe } from '../../webviews/model3d/probe';
import { stationDisplacement } from '../../webviews/model3d/result-geometry';
import { fixtureFor } from './support/fixtures';
import { closeBrowser, openPanelPage, type PanelPage } from './support/page';
import type { TestTheme } from './support/themes';
import { THEMES } from './support/themes';
import { gridModel } from './model3d-grid';
import { FakeModel3dHost } from './model3d-host';

type Posted = { type: string; element?: { kind: string; name: string } | null; [k: string]: unknown };
const is = (type: string) => (m: unknown): m is Posted => (m as Posted)?.type === type;

/** Calls a method of the page's probe (window.strukturModel3d). */
function probe<K extends keyof Model3dProbe>(p: PanelPage, method: K, ...args: Parameters<Model3dProbe[K]>): Promise<Awaited<ReturnType<Model3dProbe[K]>>> {
  return p.page.evaluate(([m, a]) => {
    const pr = (window as unknown as { strukturModel3d: Record<string, (...x: unknown[]) => unknown> }).strukturModel3d;
    return pr[m as string](...(a as unknown[]));
  }, [method, args] as const) as Promise<Awaited<ReturnType<Model3dProbe[K]>>>;
}

/** The page's extension side of each open page. */
const hosts = new Map<PanelPage, FakeModel3dHost>();
const hostOf = (p: PanelPage) => hosts.get(p)!;

async function open(opts: { theme?: TestTheme; state?: unknown; example?: string; viewport?: { width: number; height: number } } = {}): Promise<PanelPage> {
  const p = await openPanelPage({ script: 'model3d', theme: opts.theme ?? 'dark', state: opts.state, viewport: opts.viewport ?? { width: 1100, height: 720 } });
  const host = new FakeModel3dHost(p);
  hosts.set(p, host);
  await p.waitForPosted(is('ready'));
  if (opts.example) {
    const f = fixtureFor(opts.example);
    await host.update(f.view, f.results);
    await frames(p, 1);
    await host.settled();
  }
  return p;
}

/** Waits until the view has drawn at least `n` frames since its last model message. */
async function frames(p: PanelPage, n: number): Promise<void> {
  await p.page.waitForFunction((k) => {
    const w = window as unknown as { strukturModel3d?: Model3dProbe };
    return !!w.strukturModel3d && w.strukturModel3d.updates() > 0 && w.strukturModel3d.stats().frames >= k;
  }, n, { timeout: 20000 });
  await probe(p, 'nextFrame');
}

/** The colour of one page pixel (from a screenshot, as a person would see it). */
async function pixel(p: PanelPage, x: number, y: number): Promise<string> {
  const png = await p.page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return p.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return `#${[d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }, png.toString('base64'));
}

describe('model3d in a browser', function () {
  this.timeout(180000);
  const pages: PanelPage[] = [];
  const track = (p: PanelPage) => (pages.push(p), p);
  afterEach(async () => {
    for (const p of pages.splice(0)) {
      hosts.get(p)?.dispose();
      hosts.delete(p);
      assert.deepEqual(p.cspViolations, [], 'no CSP violations');
      assert.deepEqual(p.consoleErrors, [], 'no console errors');
      await p.close();
    }
  });
  after(() => closeBrowser());

  it('draws the reference portal with supports, hinges and loads in a handful of draw calls', async () => {
    const p = track(await open({ example: 'portal-two-bay' }));
    const stats = await probe(p, 'stats');
    assert.ok(stats.drawCalls >= 8 && stats.drawCalls <= 20, `draw calls: ${stats.drawCalls}`);
    assert.ok(stats.labels >= 2, 'load values are labelled');
    assert.equal(await p.page.textContent('.status'), 'Two-bay portal frame · 6 members · 6 nodes');
    assert.match((await p.page.textContent('.legend'))!, /Loads DEAD.*Self weight ×1 \(−Z\)/);
    // The background is the theme's editor background.
    assert.equal(await pixel(p, 1090, 700), THEMES.dark.vars['editor-background']);
    await p.screenshot('model3d-portal-dead-dark');
  });

  it('keeps the number of draw calls flat from 6 to 2 000 members', async () => {
    const p = track(await open({ example: 'portal-two-bay', state: { version: 1, loads: false } }));
    const small = await probe(p, 'stats');
    const grid = gridModel(2000);
    await hostOf(p).update(grid.view, grid.results);
    await hostOf(p).settled();
    const big = await probe(p, 'stats');
    assert.ok(big.drawCalls <= small.drawCalls + 2, `portal ${small.drawCalls} draw calls, ${grid.view.members.length} members ${big.drawCalls}`);
    assert.ok(big.triangles > 20 * small.triangles, 'the solids are all there (instanced)');
    await p.screenshot('model3d-grid-2000');
  });

  it('shows the My diagram on the tension side with the deformed shape, and the numbers match the results', async () => {
    const state = { version: 1, caseName: 'ULS1', diagram: 'My', deformed: true, loads: false };
    const p = track(await open({ example: 'portal-two-bay', state }));
    const { view, results } = fixtureFor('portal-two-bay');
    const uls = results.cases.find((c) => c.name === 'ULS1')!;
    assert.match((await p.page.textContent('.legend'))!, /My moment\s*max 60\.7 kN·m · tension side/);

    // Deformed nodes: exactly the model's position plus the shown factor times u.
    for (const n of view.nodes) {
      const d = await probe(p, 'deformed', n.name);
      assert.ok(d, n.name);
      const u = uls.nodes[n.name].u;
      for (let k = 0; k < 3; k++) assert.ok(Math.abs(d.xyz[k] - (n.xyz[k] + d.factor * u[k])) < 1e-4, `${n.name}[${k}]: ${d.xyz[k]} vs ${n.xyz[k] + d.factor * u[k]}`);
    }
    // Deformed members: every station at its point on the axis plus factor × (axial, dy, dz).
    const m = view.members.findIndex((x) => x.name === 'B1');
    const pts = (await probe(p, 'deformedMember', 'B1'))!;
    const stations = uls.members.B1.stations;
    assert.equal(pts.length, stations.length);
    const factor = (await probe(p, 'deformed', 'N1'))!.factor;
    stations.forEach((s, k) => {
      const u = stationDisplacement(view, uls, m, s);
      const i = view.nodes[view.members[m].i].xyz, x = view.members[m].axes.x;
      for (let c = 0; c < 3; c++) {
        const expected = i[c] + x[c] * s.x + factor * u[c];
        assert.ok(Math.abs(pts[k][c] - expected) < 1e-4, `station ${k}[${c}]: ${pts[k][c]} vs ${expected}`);
      }
    });
    await p.screenshot('model3d-portal-uls-my-deformed');
  });

  it('clicking a member or a node posts select and reveal; empty space clears', async () => {
    const p = track(await open({ example: 'portal-two-bay', state: { version: 1, loads: false } }));
    const [x, y] = (await probe(p, 'screenOf', 'member', 'B1', 0.35))!;
    await p.page.mouse.click(x, y);
    const select = await p.waitForPosted((m): m is Posted => is('select')(m) && !!m.element);
    assert.deepEqual(select.element, { kind: 'member', name: 'B1' });
    assert.deepEqual((await p.waitForPosted(is('reveal'))).element, { kind: 'member', name: 'B1' });
    assert.deepEqual(await probe(p, 'selected'), { kind: 'member', name: 'B1' });

    p.posted.length = 0;
    const [nx, ny] = (await probe(p, 'screenOf', 'node', 'N3'))!;
    await p.page.mouse.click(nx, ny);
    assert.deepEqual((await p.waitForPosted(is('reveal'))).element, { kind: 'node', name: 'N3' });

    // Off by three pixels still hits a 2 px member.
    p.posted.length = 0;
    const [cx, cy] = (await probe(p, 'screenOf', 'member', 'C1', 0.5))!;
    await p.page.mouse.click(cx + 3, cy);
    assert.deepEqual((await p.waitForPosted(is('reveal'))).element, { kind: 'member', name: 'C1' });

    p.posted.length = 0;
    await p.page.mouse.click(1050, 140);
    assert.deepEqual(await p.waitForPosted(is('select')), { type: 'select', element: null });
    assert.equal(p.posted.filter(is('reveal')).length, 0);

    // A drag orbits the camera and selects nothing.
    p.posted.length = 0;
    const before = JSON.stringify(await p.state());
    await p.page.mouse.move(500, 400);
    await p.page.mouse.down();
    await p.page.mouse.move(600, 380, { steps: 5 });
    await p.page.mouse.up();
    await p.page.waitForFunction((b) => JSON.stringify((window as any).__strukturState().camera) !== JSON.stringify(JSON.parse(b).camera), before);
    assert.equal(p.posted.filter(is('select')).length, 0);
  });

  it('hovering a member shows its name, section and key results', async () => {
    const p = track(await open({ example: 'portal-two-bay', state: { version: 1, caseName: 'ULS1', utilisation: true, loads: false } }));
    const [x, y] = (await probe(p, 'screenOf', 'member', 'B1', 0.5))!;
    await p.page.mouse.move(x, y);
    await p.page.waitForSelector('.tooltip:not([hidden])');
    const text = (await p.page.textContent('.tooltip'))!;
    assert.match(text, /^Member B1/);
    assert.match(text, /N2 → N3 · IPE300 \(IPE300\) · S355|N2 → N3 · IPE300 · S355/);
    assert.match(text, /L = 6 m/);
    assert.match(text, /ULS1: .*My −?\d/);
    assert.match(text, /utilisation 0\.\d\d \(stress, ULS1\)/);
    await p.screenshot('model3d-portal-utilisation-hover');
  });

  it('highlights what the editor selects and says so; an unknown element clears', async () => {
    const p = track(await open({ example: 'portal-two-bay' }));
    await p.send({ type: 'select', element: { kind: 'member', name: 'C2' }, source: 'editor' });
    assert.deepEqual((await p.waitForPosted(is('highlighted'))).element, { kind: 'member', name: 'C2' });
    assert.deepEqual(await probe(p, 'selected'), { kind: 'member', name: 'C2' });
    p.posted.length = 0;
    await p.send({ type: 'select', element: { kind: 'member', name: 'GONE' }, source: 'editor' });
    assert.deepEqual((await p.waitForPosted(is('highlighted'))).element, null);
    assert.equal(p.posted.filter(is('select')).length, 0, 'a selection from outside is not echoed back');
  });

  it('keeps the camera across live updates and shows the last good model with a notice', async () => {
    const p = track(await open({ example: 'portal-two-bay' }));
    await p.page.click('vscode-button:has-text("XZ")');
    const camera = ((await p.state()) as { camera: unknown }).camera;
    const f = fixtureFor('portal-two-bay');
    // An edit (the brace deleted): the view follows without moving the camera.
    const edited: ModelView = JSON.parse(JSON.stringify(f.view));
    edited.members = edited.members.filter((m) => m.name !== 'X1');
    await hostOf(p).update(edited, f.results);
    await hostOf(p).settled();
    assert.deepEqual(((await p.state()) as { camera: unknown }).camera, camera);
    // An invalid edit: the extension sends the last good view, flagged.
    await hostOf(p).update(edited, f.results, { stale: true, errors: 2, resultsStale: true });
    await p.page.waitForSelector('.notice:not([hidden])');
    assert.equal(await p.page.textContent('.notice'), 'The model has 2 errors: showing the last valid model.');
    await p.screenshot('model3d-portal-invalid-notice');
    await hostOf(p).update(f.view, f.results);
    await p.page.waitForSelector('.notice[hidden]', { state: 'attached' });
  });

  it('restores toggles, case and camera from its state, and saves changes made in the toolbar', async () => {
    const camera = { position: [20, -30, 15], target: [6, 0, 1.75], up: [0, 0, 1], zoom: 1.4 };
    const p = track(await open({ example: 'portal-two-bay', state: { version: 1, model: fixtureFor('portal-two-bay').view.uri, caseName: 'LIVE', reactions: true, camera } }));
    const s = (await p.state()) as { caseName: string; reactions: boolean; camera: typeof camera };
    assert.equal(s.caseName, 'LIVE');
    assert.equal(s.reactions, true);
    s.camera.position.forEach((v, k) => assert.ok(Math.abs(v - camera.position[k]) < 1e-6));
    assert.match((await p.page.textContent('.legend'))!, /Reactions/);
    await p.page.click('vscode-dropdown:near(:text("Diagram"))');
    await p.page.click('vscode-option[value="Vz"]');
    await p.page.waitForFunction(() => (window as any).__strukturState().diagram === 'Vz');
    await p.page.click('vscode-checkbox:has-text("Deformed")');
    await p.page.waitForFunction(() => (window as any).__strukturState().deformed === true);
    assert.match((await p.page.textContent('.legend'))!, /Vz shear/);
    await p.screenshot('model3d-portal-live-reactions-vz');
  });

  it('saves the view as a PNG through the extension', async () => {
    const p = track(await open({ example: 'cantilever' }));
    await p.page.click('vscode-button:has-text("PNG")');
    const msg = await p.waitForPosted(is('exportImage'));
    assert.equal(msg.format, 'png');
    assert.equal(msg.name, 'Cantilever-DEAD.png');
    const bytes = Buffer.from(msg.data as string, 'base64');
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(bytes.length > 5000);
  });

  for (const theme of ['light', 'high-contrast'] as TestTheme[]) {
    it(`follows the ${theme} theme`, async () => {
      const p = track(await open({ theme, example: 'steel-building-3d', state: { version: 1, caseName: 'ULS1', diagram: 'My', loads: false, utilisation: true } }));
      assert.equal(await pixel(p, 1090, 700), THEMES[theme].vars['editor-background']);
      await p.screenshot(`model3d-building-${theme}`);
    });
  }

  it('re-reads the colours when the theme changes', async () => {
    const p = track(await open({ example: 'cantilever' }));
    await p.setTheme('light');
    await p.page.waitForFunction(() => (window as any).strukturModel3d.stats().frames > 2);
    await probe(p, 'nextFrame');
    assert.equal(await pixel(p, 1090, 700), THEMES.light.vars['editor-background']);
  });

  it('says what is missing instead of drawing nothing', async () => {
    const p = track(await open());
    assert.equal(await p.page.textContent('.empty'), 'Waiting for the model…');
    await hostOf(p).update(null, null, { stale: true, errors: 3 });
    await p.page.waitForFunction(() => document.querySelector('.empty')?.textContent?.includes('3 errors'));
    assert.equal(await p.page.textContent('.notice'), 'The model has 3 errors.');
  });

  it('asks the host for the case the selector shows and draws only the answer for that case of the index it holds', async () => {
    const p = track(await open({ example: 'portal-two-bay', state: { version: 1, caseName: 'DEAD', deformed: true, loads: false } }));
    const host = hostOf(p);
    const { view, results } = fixtureFor('portal-two-bay');
    const first = host.index!.id;
    // The restored case, asked for once with the index the page holds, and drawn.
    assert.deepEqual(host.requests, [{ name: 'DEAD', id: first }]);
    assert.deepEqual((await probe(p, 'cases')).shown, { name: 'DEAD', id: first });
    const n3 = view.nodes.find((n) => n.name === 'N3')!;
    const expectDeformed = async (caseName: string) => {
      const d = (await probe(p, 'deformed', 'N3'))!;
      assert.ok(d, `deformed shape of ${caseName}`);
      const u = results.cases.find((c) => c.name === caseName)!.nodes.N3.u;
      for (let k = 0; k < 3; k++) assert.ok(Math.abs(d.xyz[k] - (n3.xyz[k] + d.factor * u[k])) < 1e-4, `${caseName} N3[${k}]`);
    };
    await expectDeformed('DEAD');

    // Two switches in a row; the answers held back.
    host.hold = true;
    const choose = async (name: string) => {
      await p.page.click(`vscode-dropdown:has(vscode-option[value="${name}"])`);
      await p.page.click(`vscode-option[value="${name}"]`);
    };
    await choose('LIVE');
    assert.deepEqual(await host.requested(2), { name: 'LIVE', id: first });
    await choose('ULS1');
    const uls = await host.requested(3);
    assert.deepEqual(uls, { name: 'ULS1', id: first });
    // Waiting, nothing of another case is drawn under ULS1's name.
    assert.equal((await probe(p, 'cases')).shown, null);
    assert.equal(await probe(p, 'deformed', 'N3'), undefined);
    // LIVE's answer arrives late: dropped.
    const dropped = async (n: number) => p.page.waitForFunction((k) => (window as unknown as { strukturModel3d: Model3dProbe }).strukturModel3d.cases().dropped >= k, n, { timeout: 10000 });
    await p.send(host.caseMessage(host.held[0]));
    await dropped(1);
    assert.equal((await probe(p, 'cases')).shown, null);
    await p.send(host.caseMessage(uls));
    await host.settled();
    assert.deepEqual((await probe(p, 'cases')).shown, { name: 'ULS1', id: first });
    await expectDeformed('ULS1');
    assert.equal(((await p.state()) as { caseName: string }).caseName, 'ULS1');

    // A new analysis (a new index): the page asks again; an answer of the old index is not drawn.
    await host.update(view, results, { newIndex: true });
    const again = await host.requested(4);
    assert.equal(again.name, 'ULS1');
    assert.notEqual(again.id, first);
    await p.send(host.caseMessage(again, first));
    await dropped(2);
    assert.equal((await probe(p, 'cases')).shown, null);
    await p.send(host.caseMessage(again));
    await host.settled();
    assert.deepEqual((await probe(p, 'cases')).shown, { name: 'ULS1', id: again.id });
    await expectDeformed('ULS1');
    assert.equal(host.requests.length, 4, `no other requests: ${JSON.stringify(host.requests)}`);
    await p.screenshot('model3d-portal-case-switched');
  });

  it('draws a case that comes with the model message at once, without asking for it', async () => {
    const p = track(await open({ state: { version: 1, caseName: 'ULS1', diagram: 'My', loads: false } }));
    const host = hostOf(p);
    const { view, results } = fixtureFor('portal-two-bay');
    // What the panel sends after a new analysis when it knows the case the page shows.
    await host.update(view, results, { withCase: 'ULS1' });
    await host.settled();
    assert.deepEqual((await probe(p, 'cases')).shown, { name: 'ULS1', id: host.index!.id });
    assert.match((await p.page.textContent('.legend'))!, /My moment\s*max 60\.7 kN·m/);
    assert.deepEqual(host.requests, [], 'nothing asked');
  });
});
