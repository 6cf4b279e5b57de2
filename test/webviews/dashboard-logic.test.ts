// The dashboard's pure logic (webviews/dashboard/*.ts without DOM) in Node, on results of real
// analyses of examples/ and on small hand-made cases with closed-form answers: governing checks,
// histogram bands, envelopes, equilibrium errors, sorting, deflections, reactions, the digest the
// extension sends.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckResult, Station } from '../../language-server/src/shared/protocol';
import { DIAGRAM_QUANTITIES, type CaseDigest } from '../../language-server/src/shared/dashboard-messages';
import { dashboardModel, digestResults, memberSeries } from '../../language-server/src/shared/dashboard-digest';
import { bandOf, BANDS, checkedCombinations, governingRows, histogram, memberUtilisation, summarizeUtilisation, topMembers, utilisationOf } from '../../webviews/dashboard/utilisation';
import { diagramOf, envelope, valueAt, type Polyline } from '../../webviews/dashboard/envelope';
import { equilibriumRows, equilibriumStatus, worstEquilibrium } from '../../webviews/dashboard/equilibrium';
import { naturalCompare, nextSort, sortRows } from '../../webviews/dashboard/sorting';
import { deflectionRows, largestDisplacement, spanRatio } from '../../webviews/dashboard/deflection';
import { reactionComponent, reactionTable } from '../../webviews/dashboard/reactions';
import { compareCases } from '../../webviews/dashboard/case-comparison';
import { banner, summarize, summarizeDiagnostics } from '../../webviews/dashboard/summary';
import { displayUnits, formatIn, formatNumber, formatRatio } from '../../webviews/dashboard/units';
import { QUANTITIES } from '../../webviews/dashboard/quantities';
import { fixtureFor, fixtureOfFile } from './support/fixtures';
import { ROOT } from './support/page';
import { mulberry32 } from '../support/random';

const check = (member: string, ratio: number, combination = 'ULS', extra: Partial<CheckResult> = {}): CheckResult => ({
  check: 'stress', member, combination, ratio, limit: 1, x: 0, ok: ratio <= 1, ...extra,
});

/** The cantilever example with a heavier tip load, so its stress check fails. */
function failingCantilever() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-dash-'));
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'cantilever.struct'), 'utf8').replace('nodal TIP Fz=-10kN', 'nodal TIP Fz=-30kN');
  const file = path.join(dir, 'cantilever-heavy.struct');
  fs.writeFileSync(file, text);
  return fixtureOfFile(file);
}

describe('dashboard logic', () => {
  describe('utilisation', () => {
    it('bands: upper edges belong to the lower band, 1.00 passes, anything above fails', () => {
      assert.equal(bandOf(0), 'low');
      assert.equal(bandOf(0.5), 'low');
      assert.equal(bandOf(0.5000001), 'moderate');
      assert.equal(bandOf(0.75), 'moderate');
      assert.equal(bandOf(0.9), 'high');
      assert.equal(bandOf(1), 'critical');
      assert.equal(bandOf(1.0000001), 'fails');
      assert.equal(bandOf(NaN), 'fails');
      assert.deepEqual(BANDS.map((b) => b.key), ['low', 'moderate', 'high', 'critical', 'fails']);
    });

    it('utilisation is ratio / limit (a stress check with limit 0.9 is full at 0.9)', () => {
      assert.equal(utilisationOf(check('A', 0.45, 'ULS', { limit: 0.9 })), 0.5);
      const s = summarizeUtilisation([check('A', 0.85, 'ULS', { limit: 0.9, ok: true }), check('B', 0.95, 'ULS', { limit: 1.0 })]);
      assert.equal(s.worst?.member, 'B');
    });

    it('governing rows: one per member and check kind over the combinations, or within one', () => {
      const checks = [
        check('B1', 0.3, 'ULS1'), check('B1', 0.6, 'ULS2'), check('B1', 0.2, 'SLS1', { check: 'deflection' }),
        check('C1', 0.8, 'ULS1'), check('C1', 0.4, 'ULS2'),
      ];
      const env = governingRows(checks);
      assert.deepEqual(env.map((r) => [r.member, r.check, r.combination, r.utilisation]), [
        ['B1', 'stress', 'ULS2', 0.6], ['B1', 'deflection', 'SLS1', 0.2], ['C1', 'stress', 'ULS1', 0.8],
      ]);
      const uls1 = governingRows(checks, { kind: 'combination', combination: 'ULS1' });
      assert.deepEqual(uls1.map((r) => [r.member, r.utilisation]), [['B1', 0.3], ['C1', 0.8]]);
      assert.deepEqual(checkedCombinations(checks), ['ULS1', 'ULS2', 'SLS1']);
    });

    it('member utilisation: the worst check of each member; failing when any check fails', () => {
      const rows = memberUtilisation([check('A', 0.5), check('A', 1.2, 'ULS2'), check('B', 0.7)]);
      assert.deepEqual(rows.map((r) => [r.member, r.utilisation, r.combination, r.ok]), [['A', 1.2, 'ULS2', false], ['B', 0.7, 'ULS', true]]);
    });

    it('histogram: bins of 0.05 with upper edges inclusive, band edges on bin edges, one overflow bin', () => {
      const rows = memberUtilisation([check('A', 0.05), check('B', 0.5), check('C', 0.51), check('D', 1), check('E', 1.01), check('F', 7), check('G', 0)]);
      const bins = histogram(rows);
      const binOf = (m: string) => bins.find((b) => b.members.includes(m))!;
      assert.deepEqual([binOf('A').from, binOf('A').to], [0, 0.05]);
      assert.deepEqual([binOf('G').from, binOf('G').to], [0, 0.05]);
      assert.deepEqual([binOf('B').from, binOf('B').to, binOf('B').band], [0.45, 0.5, 'low']);
      assert.deepEqual([binOf('C').from, binOf('C').band], [0.5, 'moderate']);
      assert.deepEqual([binOf('D').from, binOf('D').to, binOf('D').band], [0.95, 1, 'critical']);
      assert.deepEqual([binOf('E').from, binOf('E').band], [1, 'fails']);
      assert.deepEqual([binOf('F').from, binOf('F').to, binOf('F').band], [1.5, Infinity, 'fails']);
      assert.equal(bins.reduce((s, b) => s + b.count, 0), rows.length);
      // Every bin lies in one band: its band is that of any value inside it.
      for (const b of bins.filter((b) => Number.isFinite(b.to))) assert.equal(bandOf((b.from + b.to) / 2), b.band, `bin ${b.from}`);
    });

    it('histogram of low utilisation still reaches 1.0, and stops after the last member above it', () => {
      const low = histogram(memberUtilisation([check('A', 0.2)]));
      assert.equal(low[low.length - 1].to, 1);
      const high = histogram(memberUtilisation([check('A', 1.12)]));
      assert.equal(high[high.length - 1].to, 1.15);
    });

    it('top members: highest first, ties by name, at most n', () => {
      const rows = memberUtilisation(['M3', 'M1', 'M2', 'M4'].map((m, k) => check(m, k === 3 ? 0.9 : 0.5)));
      assert.deepEqual(topMembers(rows, 3).map((r) => r.member), ['M4', 'M1', 'M2']);
    });

    it('on the 3D steel building: the governing row is the largest check, and the histogram counts every checked member once', () => {
      const { results } = fixtureFor('steel-building-3d');
      const worst = results.checks.reduce((a, b) => (utilisationOf(b) > utilisationOf(a) ? b : a));
      const s = summarizeUtilisation(results.checks);
      assert.equal(s.worst?.member, worst.member);
      assert.equal(s.worst?.utilisation, utilisationOf(worst));
      const rows = memberUtilisation(results.checks);
      assert.equal(rows.length, new Set(results.checks.map((c) => c.member)).size);
      assert.equal(histogram(rows).reduce((n, b) => n + b.count, 0), rows.length);
      assert.equal(topMembers(rows)[0].member, worst.member);
    });

    it('counts failing members and checks (a cantilever loaded past its capacity)', () => {
      const { results } = failingCantilever();
      const s = summarizeUtilisation(results.checks);
      assert.equal(s.failingMembers, 1);
      assert.equal(s.failingChecks, results.checks.filter((c) => !c.ok).length);
      assert.ok(s.worst && s.worst.utilisation > 1 && !s.worst.ok);
    });
  });

  describe('envelope', () => {
    const line = (...pts: [number, number][]): Polyline => pts.map(([x, y]) => ({ x, y }));

    it('two crossing lines: the envelope has the corner where they cross', () => {
      const env = envelope([line([0, 0], [1, 1]), line([0, 1], [1, 0])]);
      assert.deepEqual(env.max, line([0, 1], [0.5, 0.5], [1, 1]));
      assert.deepEqual(env.min, line([0, 0], [0.5, 0.5], [1, 0]));
    });

    it('a jump in one case only: both sides of the jump are kept, the other case is interpolated', () => {
      const a = line([0, 0], [2, 4], [2, -4], [4, 0]);
      const b = line([0, 1], [4, 1]);
      const env = envelope([a, b]);
      assert.deepEqual(env.max, line([0, 1], [0.5, 1], [2, 4], [2, 1], [4, 1]));
      assert.equal(valueAt(a, 2, -1), 4);
      assert.equal(valueAt(a, 2, 1), -4);
      assert.equal(valueAt(a, 1, 1), 2);
      assert.deepEqual(env.min, line([0, 0], [0.5, 1], [2, 1], [2, -4], [4, 0]));
    });

    it('equals the per-combination extremes at every station of every combination (continuous beam, all quantities)', () => {
      const { results } = fixtureFor('continuous-beam-settlement');
      for (const member of Object.keys(results.cases[0].members)) {
        const series = memberSeries(results, member)!;
        const combos = series.cases.filter((c) => c.kind === 'combination');
        assert.ok(combos.length >= 5);
        for (const q of DIAGRAM_QUANTITIES) {
          const lines = combos.map((c) => diagramOf(c.stations, q));
          const env = envelope(lines);
          const scale = Math.max(1, ...lines.flat().map((p) => Math.abs(p.y)));
          for (const l of lines) {
            for (let k = 0; k < l.length; k++) {
              const { x } = l[k];
              // The side of the station within its own polyline: the first of a pair is "before".
              const side = k + 1 < l.length && l[k + 1].x === x ? -1 : k > 0 && l[k - 1].x === x ? 1 : -1;
              const maxHere = Math.max(...lines.map((o) => valueAt(o, x, side)));
              const minHere = Math.min(...lines.map((o) => valueAt(o, x, side)));
              assert.ok(Math.abs(valueAt(env.max, x, side) - maxHere) <= 1e-9 * scale, `${member} ${q} max at x=${x}`);
              assert.ok(Math.abs(valueAt(env.min, x, side) - minHere) <= 1e-9 * scale, `${member} ${q} min at x=${x}`);
            }
          }
        }
      }
    });

    it('never under- or overshoots between stations (seeded random polylines)', () => {
      const rnd = mulberry32(7);
      for (let trial = 0; trial < 200; trial++) {
        const lines: Polyline[] = [];
        const count = 1 + Math.floor(rnd() * 5);
        for (let i = 0; i < count; i++) {
          const xs = [0, 6, ...Array.from({ length: Math.floor(rnd() * 6) }, () => Math.round(rnd() * 60) / 10)].sort((a, b) => a - b);
          const l: Polyline = [];
          for (const x of xs) {
            l.push({ x, y: rnd() * 20 - 10 });
            if (rnd() < 0.2 && x > 0 && x < 6) l.push({ x, y: rnd() * 20 - 10 });
          }
          lines.push(l);
        }
        const env = envelope(lines);
        for (let s = 0; s <= 600; s++) {
          const x = s / 100;
          for (const side of [-1, 1] as const) {
            const vals = lines.map((l) => valueAt(l, x, side));
            assert.ok(Math.abs(valueAt(env.max, x, side) - Math.max(...vals)) < 1e-9, `trial ${trial} max at ${x}`);
            assert.ok(Math.abs(valueAt(env.min, x, side) - Math.min(...vals)) < 1e-9, `trial ${trial} min at ${x}`);
          }
        }
      }
    });
  });

  describe('equilibrium', () => {
    it('the cantilever: reactions balance the applied load (closed form: Fz = (2 kN/m + g·ρ·A)·3 m)', () => {
      const { view, results } = fixtureFor('cantilever');
      const digest = digestResults(results);
      const rows = equilibriumRows(digest.cases, dashboardModel(view).extent);
      assert.equal(rows.length, results.cases.length);
      const dead = rows.find((r) => r.case === 'DEAD')!;
      const A = 39.1e-4; // IPE240
      const w = 2000 + 7850 * 9.80665 * A;
      assert.ok(Math.abs(-dead.applied[2] - 3 * w) < 1e-3 * 3 * w, `applied Fz ${dead.applied[2]}`);
      assert.ok(Math.abs(dead.reactions[2] - 3 * w) < 1e-3 * 3 * w);
      for (const r of rows) {
        assert.equal(r.status, 'ok', `${r.case}: ${r.error}`);
        assert.ok(r.error < 1e-9);
      }
    });

    it('a settlement case (nothing applied, self-balancing reactions) is scaled by its reactions', () => {
      const { view, results } = fixtureFor('portal-two-bay');
      const rows = equilibriumRows(digestResults(results).cases, dashboardModel(view).extent);
      const settle = rows.find((r) => r.case === 'SETTLE')!;
      assert.deepEqual(settle.applied, [0, 0, 0, 0, 0, 0]);
      assert.equal(settle.status, 'ok');
      assert.ok(settle.error < 1e-9, String(settle.error));
    });

    it('an unbalanced case is flagged, and the worst case is found', () => {
      const mk = (name: string, applied: number[], reactions: number[]): CaseDigest => ({
        name, kind: 'load', reactions: { N1: reactions }, maxDisplacement: null, peaks: {}, equilibrium: { applied, reactions },
      });
      const rows = equilibriumRows([
        mk('GOOD', [0, 0, -1000, 0, 0, 0], [0, 0, 1000, 0, 0, 0]),
        mk('OFF', [0, 0, -1000, 0, 0, 0], [0, 0, 990, 0, 0, 0]),
        mk('EMPTY', [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]),
      ], 10);
      assert.deepEqual(rows.map((r) => r.status), ['ok', 'error', 'ok']);
      assert.ok(Math.abs(rows[1].forceError - 0.01) < 1e-12);
      assert.equal(worstEquilibrium(rows)?.case, 'OFF');
      assert.equal(equilibriumStatus(1e-5), 'warning');
      assert.equal(equilibriumStatus(NaN), 'error');
    });
  });

  describe('sorting', () => {
    const rows = governingRows([check('B10', 0.2, 'ULS2'), check('B2', 0.9, 'ULS1', { x: 3 }), check('A1', 0.5, 'ULS1', { x: 1 }), check('B1', 0.5, 'ULS3', { x: 2 })]);

    it('names in natural order (B2 before B10), numbers numerically, ties by member', () => {
      assert.ok(naturalCompare('B2', 'B10') < 0);
      assert.deepEqual(sortRows(rows, { key: 'member', descending: false }).map((r) => r.member), ['A1', 'B1', 'B2', 'B10']);
      assert.deepEqual(sortRows(rows, { key: 'member', descending: true }).map((r) => r.member), ['B10', 'B2', 'B1', 'A1']);
      assert.deepEqual(sortRows(rows, { key: 'utilisation', descending: true }).map((r) => r.member), ['B2', 'A1', 'B1', 'B10']);
      assert.deepEqual(sortRows(rows, { key: 'utilisation', descending: false }).map((r) => r.member), ['B10', 'A1', 'B1', 'B2']);
      assert.deepEqual(sortRows(rows, { key: 'x', descending: false }).map((r) => r.x), [0, 1, 2, 3]);
      assert.deepEqual(sortRows(rows, { key: 'combination', descending: false }).map((r) => r.combination), ['ULS1', 'ULS1', 'ULS2', 'ULS3']);
    });

    it('NaN stays last in either direction; a header click flips or starts in the natural direction', () => {
      const withNaN = [...rows, { ...rows[0], member: 'Z', utilisation: NaN }];
      assert.equal(sortRows(withNaN, { key: 'utilisation', descending: true }).at(-1)?.member, 'Z');
      assert.equal(sortRows(withNaN, { key: 'utilisation', descending: false }).at(-1)?.member, 'Z');
      assert.deepEqual(nextSort({ key: 'member', descending: false }, 'member'), { key: 'member', descending: true });
      assert.deepEqual(nextSort({ key: 'member', descending: false }, 'utilisation'), { key: 'utilisation', descending: true });
      assert.deepEqual(nextSort({ key: 'utilisation', descending: true }, 'x'), { key: 'x', descending: false });
    });
  });

  describe('deflection, reactions, case comparison', () => {
    it('deflection rows as L/δ against L/limit (portal: L/300 on the beams)', () => {
      const { view, results } = fixtureFor('portal-two-bay');
      const lengths = new Map(view.members.map((m) => [m.name, m.length]));
      const rows = deflectionRows(results.checks, lengths);
      assert.deepEqual(rows.map((r) => r.member).sort(), ['B1', 'B2']);
      for (const r of rows) {
        assert.ok(Math.abs(r.spanOverLimit! - 300) < 1e-6, String(r.spanOverLimit));
        assert.ok(Math.abs(r.utilisation - r.deflection! / r.allowed!) < 1e-12);
        assert.ok(Math.abs(r.spanOverDeflection! - 6 / r.deflection!) < 1e-6);
      }
      assert.ok(rows[0].utilisation >= rows[1].utilisation);
      assert.equal(spanRatio(330.9), 'L/330');
      assert.equal(spanRatio(Infinity), 'L/∞');
    });

    it('the largest displacement prefers SLS combinations (cantilever tip, closed form within 2 %)', () => {
      const { results } = fixtureFor('cantilever');
      const d = largestDisplacement(digestResults(results).cases)!;
      assert.equal(d.case, 'SLS');
      assert.equal(d.node, 'TIP');
      // wL⁴/(8EI) + PL³/(3EI), IPE240: Iy = 3892 cm⁴, w = 2 kN/m + self weight.
      const EI = 210e9 * 3892e-8;
      const w = 2000 + 7850 * 9.80665 * 39.1e-4;
      const expected = (w * 3 ** 4) / (8 * EI) + (10000 * 3 ** 3) / (3 * EI);
      assert.ok(Math.abs(d.value - expected) < 0.02 * expected, `${d.value} vs ${expected}`);
    });

    it('reactions per support with totals against the applied loads (portal, every case)', () => {
      const { view, results } = fixtureFor('portal-two-bay');
      const digest = digestResults(results);
      for (const c of digest.cases) {
        const t = reactionTable(c, view.supports.map((s) => view.nodes[s.node].name));
        assert.deepEqual(t.rows.map((r) => r.node), ['N1', 'N4', 'N6']);
        for (let k = 0; k < 3; k++) {
          const sum = t.rows.reduce((s, r) => s + r.values[k], 0);
          assert.ok(Math.abs(sum - t.total[k]) <= 1e-6 * (1 + Math.abs(sum)), `${c.name} ΣF${k}`);
          assert.ok(Math.abs(t.difference[k]) <= 1e-6 * (1 + Math.abs(t.applied[k])), `${c.name} difference ${t.difference[k]}`);
        }
      }
      const fz = reactionComponent(digest.cases, 'Fz', ['N1', 'N4', 'N6', 'N2']);
      assert.deepEqual(fz.supports, ['N1', 'N4', 'N6']);
      assert.equal(fz.values.length, digest.cases.length);
      assert.equal(fz.values[0][0], results.cases[0].nodes.N1.reaction![2]);
    });

    it('case comparison: per-case peaks match a brute-force scan of the stations', () => {
      const { results } = fixtureFor('steel-building-3d');
      const digest = digestResults(results);
      for (const q of DIAGRAM_QUANTITIES) {
        const bars = compareCases(digest.cases, q);
        assert.equal(bars.length, results.cases.length);
        for (const [k, c] of results.cases.entries()) {
          let best = 0;
          for (const m of Object.values(c.members)) for (const s of m.stations) best = Math.max(best, Math.abs(s[q]));
          // The digest uses the exact extremes, which are never below the stations' values.
          assert.ok(Math.abs(bars[k].value) >= best * (1 - 1e-9), `${c.name} ${q}`);
          assert.ok(Math.abs(bars[k].value) <= best * 1.5 + 1e-6, `${c.name} ${q}: ${bars[k].value} vs ${best}`);
        }
      }
      const vertical = compareCases(digest.cases, 'verticalLoad');
      assert.ok(vertical.find((b) => b.case === 'DEAD')!.value > 0);
    });
  });

  describe('summary and digest', () => {
    it('tiles of the portal: statistics, worst check, deflection, equilibrium, diagnostics', () => {
      const { view, results } = fixtureFor('portal-two-bay');
      const model = dashboardModel(view);
      const s = summarize(model, digestResults(results));
      assert.deepEqual(s.statistics, { nodes: 6, members: 6, supports: 3, dofs: results.dofs, loadCases: 3, combinations: 2 });
      const worst = results.checks.reduce((a, b) => (utilisationOf(b) > utilisationOf(a) ? b : a));
      assert.equal(s.utilisation.worst?.member, worst.member);
      assert.equal(s.utilisation.failingMembers, 0);
      assert.ok(s.deflection && ['B1', 'B2'].includes(s.deflection.member));
      assert.equal(s.equilibrium.length, 5);
      assert.equal(s.worstEquilibrium?.status, 'ok');
      assert.equal(s.diagnostics.errors, 0);
    });

    it('diagnostics: errors before warnings, counted by severity', () => {
      const d = (severity: 'error' | 'warning' | 'info', code: string) => ({ path: 'a.struct', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity, code, message: code });
      const s = summarizeDiagnostics([d('info', 'I'), d('warning', 'W1'), d('error', 'E'), d('warning', 'W2')], 3);
      assert.deepEqual([s.errors, s.warnings, s.infos], [1, 2, 1]);
      assert.deepEqual(s.shown.map((x) => x.code), ['E', 'W1', 'W2']);
    });

    it('the banner says when results are out of date, why, and that the old figures are kept', () => {
      const { view, results } = fixtureFor('cantilever');
      const model = dashboardModel(view);
      const digest = digestResults(results);
      assert.equal(banner(model, digest, { resultsCurrent: true, analysis: 'done' }).state, 'current');
      assert.equal(banner(model, digest, { resultsCurrent: false, analysis: 'running' }).state, 'running');
      const invalid = banner({ ...model, valid: false, errors: 2 }, digest, { resultsCurrent: false });
      assert.equal(invalid.state, 'invalid');
      assert.match(invalid.text, /2 errors.*out of date.*last analysis/);
      assert.match(banner(model, digest, { resultsCurrent: false, analysis: 'failed', message: 'unstable at N7' }).text, /failed: unstable at N7/);
      assert.equal(banner(model, null, { resultsCurrent: false, analysis: 'skipped' }).state, 'empty');
      assert.equal(banner(null, null, { resultsCurrent: false }).state, 'empty');
    });

    it('the digest keeps what the dashboard needs and drops the stations', () => {
      const { view, results } = fixtureFor('pratt-truss-bridge');
      const digest = digestResults(results);
      assert.equal(digest.cases.length, results.cases.length);
      assert.equal(digest.checks, results.checks);
      const full = JSON.stringify(results).length;
      const small = JSON.stringify({ model: dashboardModel(view), results: digest }).length;
      assert.ok(small < full / 4, `digest ${small} of ${full} bytes`);
      const c = results.cases[0];
      const reactionsOf = Object.entries(c.nodes).filter(([, n]) => n.reaction).map(([k]) => k);
      assert.deepEqual(Object.keys(digest.cases[0].reactions), reactionsOf);
      const series = memberSeries(results, view.members[0].name, view.members[0].length)!;
      assert.equal(series.cases.length, results.cases.length);
      assert.equal(series.cases[0].stations, c.members[view.members[0].name].stations as Station[]);
      assert.equal(memberSeries(results, 'NO_SUCH_MEMBER'), null);
    });

    it('the webview draws the quantities the digest reduces', () => {
      assert.deepEqual(QUANTITIES, DIAGRAM_QUANTITIES);
    });

    it('units: SI shown in the model units, real minus signs, ratios with two decimals', () => {
      const u = displayUnits({ force: 'kN', length: 'm' });
      assert.equal(formatIn(-12345, u.force), '−12.3 kN');
      assert.equal(formatIn(59_000, u.moment), '59.0 kN·m');
      assert.equal(formatIn(0.0139, u.displacement), '13.9 mm');
      assert.equal(formatNumber(1e-15), '0');
      assert.equal(formatRatio(0.5123), '0.51');
      const imperial = displayUnits({ force: 'kip', length: 'ft' });
      assert.equal(imperial.displacement.symbol, 'in');
      assert.equal(displayUnits({ force: '??', length: 'furlong' }).force.symbol, 'kN');
    });
  });
});
