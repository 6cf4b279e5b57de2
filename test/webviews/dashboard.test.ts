// The results dashboard in headless Chromium under the panel's real Content Security Policy
// (inline styles for plotly, never eval), fed the digest the extension sends of real analyses of
// examples/: the tiles show the right numbers, the table sorts, a click reveals and selects, the
// drawn envelope is the per-combination extremes, the utilisation toggle, image export, themes
// (screenshots kept in test-artifacts/webviews/), the out-of-date state, state across a reload,
// WebGL for large models — and not one CSP violation or console error.
import { strict as assert } from 'node:assert';
import type { DashboardState, HostToDashboard } from '../../language-server/src/shared/dashboard-messages';
import { dashboardModel, digestResults } from '../../language-server/src/shared/dashboard-digest';
import { diagramOf, valueAt, type Polyline } from '../../webviews/dashboard/envelope';
import { deflectionRows } from '../../webviews/dashboard/deflection';
import { equilibriumRows, worstEquilibrium } from '../../webviews/dashboard/equilibrium';
import { sortRows } from '../../webviews/dashboard/sorting';
import { displayUnits, formatRatio, formatRelative } from '../../webviews/dashboard/units';
import { governingRows, utilisationOf } from '../../webviews/dashboard/utilisation';
import { WEBGL_THRESHOLD } from '../../webviews/dashboard/utilisation-charts';
import { feed, isType, serveMembers, updateMessage, waitForDiagrams, type Posted } from './dashboard-host';
import { fixtureFor, type Fixture } from './support/fixtures';
import { closeBrowser, openPanelPage, type PanelPage } from './support/page';

type PlotTrace = { type?: string; x: number[]; y: number[]; name?: string; meta?: { envelope?: string; maxPoints?: number }; xaxis?: string };

const tileText = (p: PanelPage, key: string) => p.page.$eval(`[data-tile="${key}"]`, (el) => ({
  value: el.querySelector('.tile-value')!.textContent!,
  detail: el.querySelector('.tile-detail')!.textContent!,
  status: (el as HTMLElement).dataset.status!,
}));

const tableMembers = (p: PanelPage) => p.page.$$eval('#checks-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.member!));

async function open(theme: 'dark' | 'light' | 'high-contrast', state?: DashboardState): Promise<PanelPage> {
  const p = await openPanelPage({ script: 'dashboard', theme, inlineStyles: true, state, viewport: { width: 1280, height: 900 } });
  await p.waitForPosted(isType('ready'));
  return p;
}

function assertClean(p: PanelPage): void {
  assert.deepEqual(p.cspViolations, [], 'CSP violations');
  assert.deepEqual(p.consoleErrors, [], 'console errors');
  assert.deepEqual(p.posted.filter(isType('error')), [], 'errors posted by the panel');
}

describe('dashboard webview in a browser', function () {
  this.timeout(180000);
  const pages: PanelPage[] = [];
  const keep = (p: PanelPage) => (pages.push(p), p);
  after(async () => {
    for (const p of pages) await p.close();
    await closeBrowser();
  });

  describe('the 3D steel building (dark theme)', () => {
    let p: PanelPage;
    const f = () => fixtureFor('steel-building-3d');
    before(async () => {
      p = keep(await open('dark'));
      serveMembers(p, f);
      await feed(p, updateMessage(f()));
    });

    it('tiles show the right numbers', async () => {
      const { results, view } = f();
      const worst = results.checks.reduce((a, b) => (utilisationOf(b) > utilisationOf(a) ? b : a));
      const u = await tileText(p, 'utilisation');
      assert.equal(u.value, formatRatio(utilisationOf(worst)));
      assert.match(u.detail, new RegExp(`^${worst.member} · ${worst.check} · ${worst.combination} · x = `));
      assert.equal(u.status, 'ok');
      const failing = await tileText(p, 'failing');
      assert.equal(failing.value, `0 / ${new Set(results.checks.map((c) => c.member)).size}`);
      assert.match(failing.detail, new RegExp(`0 checks of ${results.checks.length} fail`));
      const defl = deflectionRows(results.checks, new Map(view.members.map((m) => [m.name, m.length])))[0];
      const d = await tileText(p, 'deflection');
      assert.equal(d.value, `L/${Math.floor(defl.spanOverDeflection!)}`);
      assert.match(d.detail, new RegExp(`${defl.member} · ${defl.combination}$`));
      const eq = worstEquilibrium(equilibriumRows(digestResults(results).cases, dashboardModel(view).extent))!;
      assert.equal((await tileText(p, 'equilibrium')).value, formatRelative(eq.error));
      const m = await tileText(p, 'model');
      assert.equal(m.value, `${view.members.length} members`);
      assert.match(m.detail, new RegExp(`${view.nodes.length} nodes · ${view.supports.length} supports · ${results.dofs} DOFs`));
      assert.equal((await tileText(p, 'diagnostics')).value, 'none');
      assert.equal(await p.page.textContent('#state-badge'), 'Up to date');
      assert.equal(await p.page.isHidden('#banner'), true);
    });

    it('the governing-checks table sorts by every column, both ways', async () => {
      const rows = governingRows(f().results.checks);
      assert.deepEqual((await tableMembers(p)).slice(0, 15), sortRows(rows, { key: 'utilisation', descending: true }).slice(0, 15).map((r) => r.member));
      await p.page.click('#checks-table button.sort[data-key="member"]');
      assert.deepEqual((await tableMembers(p)).slice(0, 15), sortRows(rows, { key: 'member', descending: false }).slice(0, 15).map((r) => r.member));
      assert.equal(await p.page.getAttribute('#checks-table th:first-child', 'aria-sort'), 'ascending');
      await p.page.click('#checks-table button.sort[data-key="member"]');
      assert.deepEqual((await tableMembers(p)).slice(0, 15), sortRows(rows, { key: 'member', descending: true }).slice(0, 15).map((r) => r.member));
      await p.page.click('#checks-table button.sort[data-key="x"]');
      const xs = await p.page.$$eval('#checks-table tbody tr td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent!.replace('−', '-'))));
      assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
      assert.deepEqual((await p.state() as DashboardState).sort, { key: 'x', descending: false });
      await p.page.click('#checks-table button.sort[data-key="utilisation"]');
      assert.equal((await tableMembers(p)).length, rows.length);
    });

    it('clicking a row reveals the member, selects it for the other panels, and draws its diagrams', async () => {
      const target = sortRows(governingRows(f().results.checks), { key: 'utilisation', descending: true })[3].member;
      const before = p.posted.length;
      await p.page.click(`#checks-table tbody tr[data-member="${target}"]`);
      await waitForDiagrams(p, target);
      const after = p.posted.slice(before) as Posted[];
      assert.deepEqual(after.find(isType('reveal')), { type: 'reveal', element: { kind: 'member', name: target } });
      assert.deepEqual(after.find(isType('select')), { type: 'select', element: { kind: 'member', name: target } });
      assert.equal(await p.page.getAttribute(`#checks-table tbody tr[data-member="${target}"]`, 'class'), 'selected');
      assert.equal(await p.page.inputValue('#member-input'), target);
      // The readout shows the six quantities.
      assert.equal(await p.page.locator('#readout .readout-cell').count(), 6);
    });

    it('a bar of the top-20 chart selects its member too', async () => {
      const before = p.posted.length;
      const top = await p.page.$eval('#figure-top .plot', (el) => ((el as unknown as { data: PlotTrace[] }).data[0].y as unknown as string[]).at(-1)!);
      // Click the highest bar (plotly draws the last category at the top).
      const bar = p.page.locator('#figure-top .plot .bars .point').last();
      // Plotly's drag layer takes the pointer events and finds the bar under them.
      await bar.click({ force: true });
      await waitForDiagrams(p, top);
      assert.deepEqual((p.posted.slice(before) as Posted[]).find(isType('reveal')), { type: 'reveal', element: { kind: 'member', name: top } });
    });

    it('a selection from the editor or the 3D view is followed', async () => {
      await p.send({ type: 'select', element: { kind: 'member', name: 'CA1_1' }, source: 'editor' } satisfies HostToDashboard);
      await waitForDiagrams(p, 'CA1_1');
      assert.equal(await p.page.inputValue('#member-input'), 'CA1_1');
    });

    it('the envelope toggle switches to one combination and back', async () => {
      await p.page.click('#utilisation-mode vscode-radio[value="combination"]');
      await p.page.waitForFunction(() => /under ULS/.test(document.querySelector('#figure-histogram .caption')!.textContent!));
      const state = (await p.state()) as DashboardState;
      assert.equal(state.utilisationMode, 'combination');
      const combo = state.combination ?? (await p.page.textContent('#figure-histogram .caption'))!.match(/under (\S+)/)![1];
      const rows = governingRows(f().results.checks, { kind: 'combination', combination: combo });
      assert.equal((await tableMembers(p)).length, rows.length);
      const top = await p.page.$eval('#figure-top .plot', (el) => (el as unknown as { data: PlotTrace[] }).data[0].x);
      const expected = Math.max(...rows.map((r) => r.utilisation));
      assert.ok(Math.abs(Math.max(...top) - expected) < 1e-12);
      await p.page.click('#utilisation-mode vscode-radio[value="envelope"]');
      await p.page.waitForFunction(() => /over all combinations/.test(document.querySelector('#figure-histogram .caption')!.textContent!));
    });

    it('every figure exports to SVG and PNG through the extension', async () => {
      for (const id of ['histogram', 'top', 'members', 'diagrams', 'reactions', 'cases']) {
        for (const format of ['svg', 'png'] as const) {
          const before = p.posted.length;
          await p.page.click(`#export-${id}-${format}`);
          const msg = await p.waitForPosted((m): m is Posted & { format: string; name: string; data: string } => p.posted.indexOf(m) >= before && isType('exportImage')(m));
          assert.equal(msg.format, format);
          assert.match(msg.name, new RegExp(`^three-storey-steel-office-building-${id}.*\\.${format}$`));
          if (format === 'svg') assert.match(msg.data, /^<svg[\s\S]*<\/svg>$/);
          else assert.deepEqual([...Buffer.from(msg.data, 'base64').subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        }
      }
    });

    it('re-themes on a theme change (screenshots in dark, light and high contrast)', async () => {
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot('dashboard-dark');
      await p.page.locator('#section-member').screenshot({ path: 'test-artifacts/webviews/dashboard-diagrams-dark.png' });
      const paper = () => p.page.$eval('#figure-histogram .plot', (el) => (el as unknown as { _fullLayout: { paper_bgcolor: string } })._fullLayout.paper_bgcolor);
      assert.equal(await paper(), '#1f1f1f');
      for (const [theme, bg] of [['light', '#ffffff'], ['high-contrast', '#000000']] as const) {
        await p.setTheme(theme);
        await p.page.waitForFunction((want) => (document.querySelector('#figure-histogram .plot') as unknown as { _fullLayout: { paper_bgcolor: string } })._fullLayout.paper_bgcolor === want, bg);
        await p.page.evaluate(() => window.scrollTo(0, 0));
        await p.screenshot(`dashboard-${theme}`);
        await p.page.locator('#section-member').screenshot({ path: `test-artifacts/webviews/dashboard-diagrams-${theme}.png` });
      }
      await p.setTheme('dark');
    });

    it('keeps its choices across a reload (setState) and asks for the selected member again', async () => {
      const state = (await p.state()) as DashboardState;
      assert.equal(state.model, f().view.uri);
      assert.deepEqual(state.selected, { kind: 'member', name: 'CA1_1' });
      const q = keep(await open('dark', state));
      serveMembers(q, f);
      await feed(q, updateMessage(f()));
      await waitForDiagrams(q, 'CA1_1');
      assert.equal(await q.page.getAttribute('#checks-table th:first-child', 'aria-sort'), 'none');
      assert.equal(await q.page.getAttribute('#checks-table th:nth-child(3)', 'aria-sort'), 'descending');
      assertClean(q);
    });

    it('says when the results are out of date or the model invalid, keeping the last figures', async () => {
      const base = updateMessage(f()) as Extract<HostToDashboard, { type: 'update' }>;
      await feed(p, { ...base, model: { ...base.model!, valid: false, errors: 2 }, status: { resultsCurrent: false } });
      assert.equal(await p.page.textContent('#state-badge'), 'Model invalid');
      assert.match((await p.page.textContent('#banner'))!, /2 errors: results are out of date\. The figures below are from the last analysis\./);
      assert.equal(await p.page.isVisible('#section-utilisation'), true);
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot('dashboard-invalid-dark');
      await feed(p, { ...base, status: { resultsCurrent: false, analysis: 'running' } });
      assert.equal(await p.page.textContent('#state-badge'), 'Analysing…');
      await feed(p, base);
      assert.equal(await p.page.isHidden('#banner'), true);
      assertClean(p);
    });
  });

  describe('the continuous beam (light theme)', () => {
    let p: PanelPage;
    const f = () => fixtureFor('continuous-beam-settlement');
    before(async () => {
      p = keep(await open('light'));
      serveMembers(p, f);
      await feed(p, updateMessage(f()));
    });

    it('the drawn envelope equals the per-combination extremes at every station', async () => {
      const units = displayUnits(f().view.units);
      for (const member of ['SPAN1', 'SPAN2', 'SPAN3']) {
        await p.send({ type: 'select', element: { kind: 'member', name: member }, source: 'panel' } satisfies HostToDashboard);
        await waitForDiagrams(p, member);
        const traces = await p.page.$eval('#figure-diagrams .plot', (el) => (el as unknown as { data: PlotTrace[] }).data.map((t) => ({ x: t.x, y: t.y, meta: t.meta })));
        const combos = f().results.cases.filter((c) => c.kind === 'combination').map((c) => c.members[member].stations);
        for (const q of ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'] as const) {
          const outline = traces.find((t) => t.meta?.envelope === q)!;
          assert.ok(outline, `envelope of ${q} drawn`);
          const n = outline.meta!.maxPoints!;
          const factor = q === 'T' || q === 'My' || q === 'Mz' ? units.moment.factor : units.force.factor;
          const pts = outline.x.map((x, k) => ({ x: x * units.length.factor, y: outline.y[k] * factor }));
          const max: Polyline = pts.slice(0, n);
          const min: Polyline = pts.slice(n).reverse();
          const lines = combos.map((s) => diagramOf(s, q));
          const scale = Math.max(1, ...lines.flat().map((pt) => Math.abs(pt.y)));
          for (const l of lines) {
            for (const [k, { x }] of l.entries()) {
              const side = k > 0 && l[k - 1].x === x ? 1 : -1;
              const hi = Math.max(...lines.map((o) => valueAt(o, x, side)));
              const lo = Math.min(...lines.map((o) => valueAt(o, x, side)));
              assert.ok(Math.abs(valueAt(max, x, side) - hi) <= 1e-9 * scale, `${member} ${q} max at ${x}: ${valueAt(max, x, side)} vs ${hi}`);
              assert.ok(Math.abs(valueAt(min, x, side) - lo) <= 1e-9 * scale, `${member} ${q} min at ${x}`);
            }
          }
        }
      }
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot('dashboard-continuous-beam-light');
      assertClean(p);
    });
  });

  describe('a large model', () => {
    it(`draws every member with WebGL above ${WEBGL_THRESHOLD.toLocaleString('en')} points, without eval`, async () => {
      // The checks of the real 3D building analysis, repeated as 110 copies of the building:
      // a 11,550-member model's worth of checks without a minute of analysis in the test.
      const base = fixtureFor('steel-building-3d');
      const copies = 110;
      const big: Fixture = {
        view: { ...base.view, members: Array.from({ length: copies }, (_, k) => base.view.members.map((m) => ({ ...m, name: `${m.name}#${k}` }))).flat() },
        results: { ...base.results, checks: Array.from({ length: copies }, (_, k) => base.results.checks.map((c) => {
          const ratio = c.ratio * (0.6 + (k % 10) / 5);
          return { ...c, member: `${c.member}#${k}`, ratio, ok: ratio <= c.limit };
        })).flat() },
      };
      const p = keep(await open('dark'));
      const ms = await feed(p, updateMessage(big), 120000);
      const type = await p.page.$eval('#figure-members .plot', (el) => (el as unknown as { data: PlotTrace[] }).data[0].type);
      assert.equal(type, 'scattergl');
      assert.ok(await p.page.$('#figure-members .plot canvas'), 'a WebGL canvas');
      // The table shows its first page, not 20k rows.
      assert.equal((await tableMembers(p)).length, 200);
      assert.match((await p.page.textContent('#checks-more'))!, /Show 1,000 more of/);
      const failing = await tileText(p, 'failing');
      assert.equal(failing.status, 'error');
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot('dashboard-large-dark');
      console.log(`      ${big.view.members.length} members, ${big.results.checks.length} checks drawn in ${ms} ms (in the page, from the message to the last figure)`);
      assertClean(p);
    });
  });
});
