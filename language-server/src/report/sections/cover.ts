// The cover: title, the model's meta fields, revision and date, the model files with their
// SHA-256, the software version, the results at a glance, and the prepared / checked /
// approved block for signatures.
import type { ReportContext } from '../context';
import { fixed, isoDate } from '../format';
import { ACCENT, FAIL_RED, INK, MUTED, OK_GREEN, RULE, SHADE } from '../layout/display-list';
import type { Flow } from '../layout/flow';
import { wrapText } from '../layout/text-metrics';
import { equilibriumStatus } from './equilibrium-section';
import { modelExtent } from '../report-model';
import { governingChecks } from './checks-section';

export function reportTitle(ctx: ReportContext): string {
  return ctx.options.title ?? ctx.model.title ?? ctx.results.model;
}

const META_LABELS: Record<string, string> = { project: 'Project', engineer: 'Engineer', code: 'Design code', client: 'Client', revision: 'Revision' };

export function cover(ctx: ReportContext, flow: Flow): void {
  const g = flow.geometry;
  flow.push({ t: 'rect', x: 0, y: g.height - 14, w: g.width, h: 14, fill: ACCENT });
  let y = g.height - 92;
  flow.text(flow.left, y, 'C A L C U L A T I O N   R E P O R T', 'bold', 9, MUTED);
  y -= 36;
  for (const line of wrapText(reportTitle(ctx), flow.measure, 'bold', 24, flow.width)) {
    flow.text(flow.left, y, line, 'bold', 24, INK);
    y -= 29;
  }
  const subtitle = ctx.options.subtitle ?? 'Linear static analysis and design checks of a 3D frame';
  flow.text(flow.left, y + 4, subtitle, 'regular', 12, MUTED);
  y -= 22;
  flow.push({ t: 'path', pts: [flow.left, y, flow.right, y], stroke: ACCENT, width: 1.2 });
  y -= 8;

  const meta = ctx.model.meta;
  const rows: [string, string, ('mono' | 'regular')?][] = [];
  for (const k of ['project', 'client', 'engineer', 'code']) if (meta[k]) rows.push([META_LABELS[k], meta[k]]);
  for (const [k, v] of Object.entries(meta)) if (!(k in META_LABELS)) rows.push([k[0].toUpperCase() + k.slice(1), v]);
  rows.push(['Revision', ctx.options.revision]);
  rows.push(['Date', isoDate(ctx.options.date)]);
  rows.push(['Report', `${ctx.options.preset} preset`]);
  rows.push(['Model file', ctx.files[0].path]);
  rows.push(['Model SHA-256', ctx.files[0].sha256, 'mono']);
  for (const f of ctx.files.slice(1)) {
    rows.push(['Included file', f.path]);
    rows.push(['SHA-256', f.sha256, 'mono']);
  }
  rows.push(['Software', `Struktur ${ctx.version} — linear static analysis, ${ctx.results.dofs} free degrees of freedom, ${ctx.results.cases.length} cases`]);
  const labelW = 120;
  for (const [label, value, face] of rows) {
    const size = face === 'mono' ? 7.4 : 9.5;
    const lines = wrapText(value, flow.measure, face ?? 'regular', size, flow.width - labelW);
    y -= 15;
    flow.text(flow.left, y, label, 'bold', 9.5, MUTED);
    lines.forEach((l, k) => flow.text(flow.left + labelW, y - k * 12, l, face ?? 'regular', size, INK));
    y -= (lines.length - 1) * 12;
  }

  // Results at a glance.
  y -= 26;
  const boxH = 62;
  flow.push({ t: 'rect', x: flow.left, y: y - boxH, w: flow.width, h: boxH, fill: SHADE });
  const governing = governingChecks(ctx.results.checks);
  const failing = governing.filter((c) => !c.ok);
  const maxEta = governing.length ? Math.max(...governing.map((c) => c.ratio)) : undefined;
  const extent = modelExtent(ctx.rm.points);
  const eqOk = ctx.results.cases.every((c) => equilibriumStatus(c, extent)?.ok !== false);
  const warnings = ctx.results.diagnostics.filter((d) => d.severity === 'warning').length;
  flow.text(flow.left + 10, y - 16, 'Results at a glance', 'bold', 10, ACCENT);
  const col = (k: number) => flow.left + 10 + k * (flow.width / 4);
  const fact = (k: number, label: string, value: string, color = INK) => {
    flow.text(col(k), y - 33, label, 'regular', 7.5, MUTED);
    flow.text(col(k), y - 48, value, 'bold', 11, color);
  };
  fact(0, 'Largest utilisation η', maxEta === undefined ? 'no checks' : fixed(maxEta, 3), maxEta !== undefined && maxEta > 1 ? FAIL_RED : INK);
  fact(1, 'Design checks', governing.length ? (failing.length ? `✗ ${failing.length} fail` : `✓ ${governing.length} pass`) : '—', failing.length ? FAIL_RED : OK_GREEN);
  fact(2, 'Equilibrium', eqOk ? '✓ all cases' : '✗ violated', eqOk ? OK_GREEN : FAIL_RED);
  fact(3, 'Warnings', String(warnings));
  y -= boxH;

  // Signatures.
  const sigTop = g.bottom + 128;
  const rowH = 30;
  const cols = [flow.left, flow.left + 90, flow.left + 250, flow.left + 400, flow.right];
  flow.text(flow.left, sigTop + 12, 'Approval', 'bold', 10, ACCENT);
  flow.push({ t: 'rect', x: flow.left, y: sigTop - 16, w: flow.width, h: 16, fill: SHADE });
  ['', 'Name', 'Signature', 'Date'].forEach((h, k) => flow.text(cols[k] + 5, sigTop - 11, h, 'bold', 8, INK));
  const people: [string, string][] = [['Prepared', ctx.options.signatures.prepared], ['Checked', ctx.options.signatures.checked], ['Approved', ctx.options.signatures.approved]];
  people.forEach(([role, name], k) => {
    const top = sigTop - 16 - k * rowH;
    flow.text(cols[0] + 5, top - 18, role, 'bold', 8.5, INK);
    flow.text(cols[1] + 5, top - 18, name, 'regular', 8.5, INK);
    flow.push({ t: 'path', pts: [flow.left, top - rowH, flow.right, top - rowH], stroke: RULE, width: 0.5 });
  });
  const bottom = sigTop - 16 - 3 * rowH;
  flow.push({ t: 'rect', x: flow.left, y: bottom, w: flow.width, h: sigTop - bottom, stroke: INK, width: 0.6 });
  for (const x of cols.slice(1, -1)) flow.push({ t: 'path', pts: [x, bottom, x, sigTop], stroke: RULE, width: 0.5 });
  flow.text(flow.left, g.bottom - 20, `Generated by Struktur ${ctx.version} from ${ctx.files[0].path}. The same model and options give the same file.`, 'regular', 7, MUTED);
}
