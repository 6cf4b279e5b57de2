// The other live-session participants' selections in the 3D view. In Node: which elements are
// marked (names the model no longer has skipped), how overlapping marks stack, and that every
// colour stands out from the theme's background (WCAG contrast ≥ 3). In headless Chromium: the
// page draws each participant's members and nodes in their colour with a name badge, reports
// what it draws, keeps it across a model update (dropping what is gone), clears it, and reads
// in dark, light and high-contrast themes — checked through the probe and on the pixels.
import { strict as assert } from 'node:assert';
import type { Model3dParticipants, ParticipantSelectionView } from '../../language-server/src/shared/model3d-messages';
import type { ModelView } from '../../language-server/src/shared/model-view';
import { modelFrame } from '../../webviews/model3d/model-frame';
import { BADGE_PRIORITY, MIN_CONTRAST, contrast, legibleColour, parseHex, participantMarks, textOn } from '../../webviews/model3d/participant-marks';
import type { Model3dProbe } from '../../webviews/model3d/probe';
import { fixtureFor } from './support/fixtures';
import { closeBrowser, openPanelPage, type PanelPage } from './support/page';
import { THEMES, type TestTheme } from './support/themes';
import { FakeModel3dHost } from './model3d-host';

const ADA: ParticipantSelectionView = { name: 'Ada', colour: '#e5534b', elements: [{ kind: 'member', name: 'B1' }, { kind: 'node', name: 'N5' }] };
const BOB: ParticipantSelectionView = { name: 'Bob', colour: '#3fb950', elements: [{ kind: 'member', name: 'B1' }, { kind: 'member', name: 'C3' }, { kind: 'node', name: 'N99' }] };

describe('model3d participants (geometry)', () => {
  const { view } = fixtureFor('portal-two-bay');
  const frame = modelFrame(view);

  it('marks the elements the model has, in order, and skips names it does not have', () => {
    const marks = participantMarks(view, frame, [ADA, BOB, { name: 'Gone', colour: '#ffffff', elements: [{ kind: 'member', name: 'Z9' }] }], '#1f1f1f');
    assert.deepEqual(marks.participants.map((p) => [p.name, p.elements.map((e) => e.name)]), [['Ada', ['B1', 'N5']], ['Bob', ['B1', 'C3']]]);
    const b1 = view.members.findIndex((m) => m.name === 'B1');
    // Bob's band on B1 goes outside Ada's.
    assert.deepEqual(marks.participants[0].members, [{ index: b1, layer: 0 }]);
    assert.deepEqual(marks.participants[1].members[0], { index: b1, layer: 1 });
    assert.equal(marks.participants[1].members[1].layer, 0);
    // One badge each, on the first element, the second stacked above the first.
    assert.deepEqual(marks.labels.map((l) => [l.text, l.stack, l.badge]), [['Ada', 0, marks.participants[0].colour], ['Bob', 1, marks.participants[1].colour]]);
    assert.ok(marks.labels.every((l) => l.priority > BADGE_PRIORITY - 1), 'badges are drawn before other labels');
    // The badge sits at B1's midpoint.
    const m = view.members[b1];
    const mid = [0, 1, 2].map((c) => (view.nodes[m.i].xyz[c] + view.nodes[m.j].xyz[c]) / 2 - frame.centre[c]);
    marks.labels[0].at.forEach((v, c) => assert.ok(Math.abs(v - mid[c]) < 1e-9));
  });

  it('tells a node from a member of the same name', () => {
    const marks = participantMarks(view, frame, [{ name: 'Ada', colour: '#e5534b', elements: [{ kind: 'node', name: 'B1' }, { kind: 'member', name: 'N1' }] }], '#1f1f1f');
    assert.deepEqual(marks.participants, [], 'the portal has no node B1 and no member N1');
  });

  it('makes every colour stand out from dark, light and high-contrast backgrounds, and changes a legible one not at all', () => {
    for (const bg of ['#1f1f1f', '#ffffff', '#000000', '#f3f3f3']) {
      for (const c of ['#000080', '#1f1f1f', '#ffff00', '#ffffff', '#e5534b', '#3366cc', 'not a colour']) {
        const out = legibleColour(c, bg);
        assert.match(out, /^#[0-9a-f]{6}$/);
        assert.ok(contrast(parseHex(out)!, parseHex(bg)!) >= MIN_CONTRAST - 0.05, `${c} on ${bg} → ${out}`);
      }
    }
    assert.equal(legibleColour('#e5534b', '#1f1f1f'), '#e5534b');
    // Closed form: white on black is 21:1, and the badge text picks the better of black and white.
    assert.ok(Math.abs(contrast([1, 1, 1], [0, 0, 0]) - 21) < 1e-9);
    assert.equal(textOn('#ffff00'), '#000000');
    assert.equal(textOn('#000080'), '#ffffff');
  });
});

type Posted = { type: string; selections?: ParticipantSelectionView[] };
const is = (type: string) => (m: unknown): m is Posted => (m as Posted)?.type === type;

/** The extension's side of each open page (model, results index, the case asked for). */
const hosts = new Map<PanelPage, FakeModel3dHost>();

function probe<K extends keyof Model3dProbe>(p: PanelPage, method: K, ...args: Parameters<Model3dProbe[K]>): Promise<Awaited<ReturnType<Model3dProbe[K]>>> {
  return p.page.evaluate(([m, a]) => {
    const pr = (window as unknown as { strukturModel3d: Record<string, (...x: unknown[]) => unknown> }).strukturModel3d;
    return pr[m as string](...(a as unknown[]));
  }, [method, args] as const) as Promise<Awaited<ReturnType<Model3dProbe[K]>>>;
}

/** The colour of the page's pixels around a point, as a person would see them. */
async function pixels(p: PanelPage, x: number, y: number, r: number): Promise<[number, number, number][]> {
  const png = await p.page.screenshot({ clip: { x: x - r, y: y - r, width: 2 * r + 1, height: 2 * r + 1 } });
  return p.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const out: [number, number, number][] = [];
    for (let k = 0; k < d.length; k += 4) out.push([d[k], d[k + 1], d[k + 2]]);
    return out;
  }, png.toString('base64'));
}

/** Whether some pixel near (x, y) is within `tol` of the colour (each channel, 0…255). */
async function near(p: PanelPage, at: [number, number], colour: string, r = 8, tol = 40): Promise<boolean> {
  const want = parseHex(colour)!.map((v) => v * 255);
  return (await pixels(p, Math.round(at[0]), Math.round(at[1]), r)).some((px) => px.every((v, k) => Math.abs(v - want[k]) <= tol));
}

describe('model3d participants in a browser', function () {
  this.timeout(180000);
  const pages: PanelPage[] = [];
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

  async function open(theme: TestTheme): Promise<PanelPage> {
    const p = await openPanelPage({ script: 'model3d', theme, state: { version: 1, loads: false }, viewport: { width: 1000, height: 680 } });
    pages.push(p);
    const host = new FakeModel3dHost(p);
    hosts.set(p, host);
    await p.waitForPosted(is('ready'));
    const f = fixtureFor('portal-two-bay');
    await host.update(f.view, f.results);
    await p.page.waitForFunction(() => {
      const w = window as unknown as { strukturModel3d?: Model3dProbe };
      return !!w.strukturModel3d && w.strukturModel3d.updates() > 0 && w.strukturModel3d.stats().frames > 0;
    }, undefined, { timeout: 20000 });
    await host.settled();
    return p;
  }

  async function show(p: PanelPage, selections: ParticipantSelectionView[]): Promise<ParticipantSelectionView[]> {
    const before = p.posted.length;
    const msg: Model3dParticipants = { type: 'participants', selections };
    await p.send(msg);
    const shown = await p.waitForPosted((m): m is Posted => is('participantsShown')(m) && p.posted.indexOf(m) >= before);
    await probe(p, 'nextFrame');
    return shown.selections!;
  }

  it('draws each participant\'s members and nodes in their colour with a name badge, apart from our own selection', async () => {
    const p = await open('dark');
    // Our own selection, to tell apart.
    await p.send({ type: 'select', element: { kind: 'member', name: 'C1' }, source: 'editor' });
    const shown = await show(p, [ADA, BOB]);
    assert.deepEqual(shown, [
      { name: 'Ada', colour: '#e5534b', elements: [{ kind: 'member', name: 'B1' }, { kind: 'node', name: 'N5' }] },
      { name: 'Bob', colour: '#3fb950', elements: [{ kind: 'member', name: 'B1' }, { kind: 'member', name: 'C3' }] },
    ]);
    const drawn = await probe(p, 'participants');
    assert.deepEqual(drawn.map((d) => [d.name, d.colour, d.objects]), [['Ada', '#e5534b', 2], ['Bob', '#3fb950', 2]], 'Ada: a band and a ring; Bob: two bands (B1 stacked, C3)');
    // On screen: Ada's red around B1 and N5, Bob's green around C3 and outside Ada's on B1; the
    // focus colour on C1.
    const b1 = (await probe(p, 'screenOf', 'member', 'B1', 0.3))!;
    assert.ok(await near(p, b1, ADA.colour), 'Ada\'s band on B1');
    assert.ok(await near(p, b1, BOB.colour), 'Bob\'s band outside it');
    assert.ok(await near(p, (await probe(p, 'screenOf', 'node', 'N5'))!, ADA.colour, 12), 'Ada\'s ring on N5');
    const c3 = (await probe(p, 'screenOf', 'member', 'C3', 0.5))!;
    assert.ok(await near(p, c3, BOB.colour), 'Bob\'s band on C3');
    assert.ok(!(await near(p, c3, ADA.colour)), 'not Ada\'s');
    const c1 = (await probe(p, 'screenOf', 'member', 'C1', 0.5))!;
    assert.ok(await near(p, c1, THEMES.dark.vars.focusBorder, 4), 'our selection in the focus colour');
    assert.ok(!(await near(p, c1, ADA.colour)) && !(await near(p, c1, BOB.colour)), 'and no participant colour there');
    // The legend names them with what they selected; the badges are labels drawn.
    const legend = (await p.page.textContent('.legend'))!;
    assert.match(legend, /Ada B1, N5/);
    assert.match(legend, /Bob B1, C3/);
    await p.screenshot('model3d-participants-dark');
    const labels = (await probe(p, 'stats')).labels;
    assert.ok(labels >= 2, `${labels} labels drawn`);
  });

  it('keeps the marks across a model update, drops elements that are gone, and clears', async () => {
    const p = await open('dark');
    await show(p, [ADA, BOB]);
    // The model loses C3: Bob keeps B1, Ada keeps both of hers.
    const f = fixtureFor('portal-two-bay');
    const members = f.view.members.filter((m) => m.name !== 'C3');
    const changed: ModelView = { ...f.view, members };
    const before = p.posted.length;
    await hosts.get(p)!.update(changed, null);
    const after = await p.waitForPosted((m): m is Posted => is('participantsShown')(m) && p.posted.indexOf(m) >= before);
    assert.deepEqual(after.selections!.map((s) => [s.name, s.elements.map((e) => e.name)]), [['Ada', ['B1', 'N5']], ['Bob', ['B1']]]);
    // The same set again posts nothing new (the page reports changes only).
    const n = p.posted.filter(is('participantsShown')).length;
    await p.send({ type: 'participants', selections: [ADA, BOB] });
    await probe(p, 'nextFrame');
    assert.equal(p.posted.filter(is('participantsShown')).length, n);
    // Everyone clears.
    assert.deepEqual(await show(p, []), []);
    assert.deepEqual(await probe(p, 'participants'), []);
    assert.doesNotMatch((await p.page.textContent('.legend')) ?? '', /Ada|Bob/);
  });

  for (const theme of ['light', 'high-contrast'] as const) {
    it(`stands out in the ${theme} theme`, async () => {
      const p = await open(theme);
      // A navy participant: on a high-contrast black background it is lightened until it reads.
      const navy: ParticipantSelectionView = { name: 'Nina', colour: '#000080', elements: [{ kind: 'member', name: 'C2' }] };
      const shown = await show(p, [ADA, navy]);
      const bg = THEMES[theme].vars['editor-background'];
      for (const s of shown) assert.ok(contrast(parseHex(s.colour)!, parseHex(bg)!) >= MIN_CONTRAST - 0.05, `${s.name} ${s.colour} on ${bg}`);
      if (theme === 'high-contrast') assert.notEqual(shown[1].colour, '#000080');
      assert.ok(await near(p, (await probe(p, 'screenOf', 'member', 'C2', 0.5))!, shown[1].colour), 'Nina\'s band on C2');
      await p.screenshot(`model3d-participants-${theme}`);
    });
  }
});
