// Section "Warnings and diagnostics": what the language server and the analysis report about the
// model (a report is only made for a model without errors, so these are warnings, notes and
// failing checks).
import type { ReportContext } from '../context';
import { FAIL_RED, MUTED, WARN_AMBER } from '../layout/display-list';
import { table } from '../layout/table';

export function diagnosticsSection(ctx: ReportContext): void {
  const { flow, results } = ctx;
  flow.heading(1, 'Warnings and diagnostics');
  const diags = results.diagnostics;
  if (!diags.length) {
    flow.paragraph('The model has no warnings or other diagnostics.');
    return;
  }
  const order = { error: 0, warning: 1, info: 2, hint: 3 };
  const sorted = [...diags].sort((a, b) => order[a.severity] - order[b.severity] || a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line);
  const count = (s: string) => diags.filter((d) => d.severity === s).length;
  flow.paragraph(`${count('error')} error(s) — failing design checks only —, ${count('warning')} warning(s), ${count('info') + count('hint')} note(s).`);
  table(flow, {
    title: 'Diagnostics of the model and the analysis',
    columns: [{ header: 'Severity' }, { header: 'Code' }, { header: 'Location' }, { header: 'Message', wrap: true }],
    rows: sorted.map((d) => ({
      cells: [
        { text: d.severity, color: d.severity === 'error' ? FAIL_RED : d.severity === 'warning' ? WARN_AMBER : MUTED, face: d.severity === 'error' ? 'bold' : 'regular' },
        d.code, `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`, d.message,
      ],
    })),
  });
}
