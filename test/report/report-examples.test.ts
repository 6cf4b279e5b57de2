// Every example as a report, read back with poppler: page count and metadata (pdfinfo), every
// section present with text in it and the numbers equal to the results document (pdftotext),
// Unicode intact, page images kept in test-artifacts/report/pages for a person to look at.
import { strict as assert } from 'node:assert';
import { Formatter } from '../../language-server/src/report/format';
import { governingChecks } from '../../language-server/src/report/sections/checks-section';
import { examples, made, pdfinfo, pdftext, renderPages } from './support';

const SECTIONS = ['Basis of the calculation', 'Structural model', 'Loads', 'Equilibrium check', 'Results', 'Design checks', 'Warnings and diagnostics'];

/** The text between a section's heading (in the body, not the contents) and the next one. */
function sectionText(text: string, title: string, next?: string): string {
  const pages = text.split('\f');
  const body = pages.slice(2).join('\f');
  const start = body.search(new RegExp(`^\\s*\\d+\\s+${title}\\s*$`, 'm'));
  assert.ok(start >= 0, `section "${title}" not found`);
  const rest = body.slice(start + 1);
  const end = next ? rest.search(new RegExp(`^\\s*\\d+\\s+${next}\\s*$`, 'm')) : -1;
  return end >= 0 ? rest.slice(0, end) : rest;
}

describe('report of every example (pdfinfo, pdftotext, pdftoppm)', function () {
  this.timeout(180000);
  for (const example of examples()) {
    it(`${example}: sections, metadata, numbers, Unicode`, async () => {
      const { input, report, file } = await made(example);
      const info = pdfinfo(file);
      assert.equal(Number(info.Pages), report.pages);
      assert.equal(info.Title, input.model.title);
      assert.equal(info.Creator, `Struktur ${input.version}`);
      assert.equal(info.CreationDate, '2024-05-01T00:00:00Z');
      assert.equal(info['Page size'], '595.28 x 841.89 pts (A4)');
      if (input.model.meta.engineer) assert.equal(info.Author, input.model.meta.engineer);

      const text = pdftext(file);
      const pages = text.split('\f').filter((p) => p.trim());
      assert.equal(pages.length, report.pages);
      // Cover: title, hash, version, approval block.
      assert.match(pages[0], new RegExp(input.files[0].sha256));
      assert.match(pages[0], /Prepared[\s\S]*Checked[\s\S]*Approved/);
      // Every page but the cover: "Page X of N" and the model hash.
      pages.forEach((p, k) => assert.match(p, new RegExp(`Page ${k + 1} of ${report.pages}`), `page ${k + 1}`));
      for (const p of pages.slice(1)) assert.match(p, new RegExp(`model SHA-256 ${input.files[0].sha256.slice(0, 16)}`));
      // Contents, then every section with text in it.
      assert.match(pages[1], /Contents/);
      SECTIONS.forEach((s, k) => {
        assert.match(pages[1], new RegExp(`${k + 1}\\s+${s}`), `contents lists ${s}`);
        const body = sectionText(text, s, SECTIONS[k + 1]);
        assert.ok(body.replace(/\s+/g, ' ').trim().length > 60, `section ${s} has content`);
      });
      assert.match(text, /List of figures/);
      assert.match(text, /List of tables/);
      // Unicode through the embedded subset fonts.
      for (const ch of ['σ', 'η', '≤', 'Σ', '²', '⁴', '³', '−', '✓', 'ν', '·']) assert.ok(text.includes(ch), `${ch} survives pdftotext`);

      // Numbers equal the results document.
      const fmt = new Formatter(input.options.units, input.options.decimals);
      const eq = sectionText(text, 'Equilibrium check', 'Results');
      for (const c of input.results.cases) {
        const e = c.equilibrium!;
        assert.ok(eq.includes(fmt.num('force', e.applied[2])), `${c.name} ΣFz applied ${fmt.num('force', e.applied[2])}`);
        assert.ok(eq.includes(fmt.num('force', e.reactions[2])), `${c.name} ΣFz reactions`);
      }
      const checks = sectionText(text, 'Design checks', 'Warnings and diagnostics');
      for (const g of governingChecks(input.results.checks)) {
        const row = checks.split('\n').find((l) => new RegExp(`^\\s*${g.member}\\s+${g.check}\\s`).test(l));
        assert.ok(row, `check row of ${g.member} ${g.check}`);
        assert.ok(row.includes(g.ratio.toFixed(3)) && row.includes(g.combination) && row.includes(g.ok ? '✓ OK' : '✗ FAIL'), row);
      }
      const results = sectionText(text, 'Results', 'Design checks');
      for (const c of input.results.cases) {
        // The largest |uz| of each case, with its node.
        let best = 0;
        let at = '';
        for (const [n, r] of Object.entries(c.nodes)) if (Math.abs(r.u[2]) > Math.abs(best)) [best, at] = [r.u[2], n];
        const row = results.split('\n').find((l) => new RegExp(`^\\s*${c.name}\\s`).test(l) && l.includes(fmt.num('displacement', best)));
        assert.ok(row && row.includes(at), `${c.name}: uz ${fmt.num('displacement', best)} at ${at}`);
      }
      renderPages(file, example.replace(/\.struct$/, ''), 1, Math.min(report.pages, 8));
    });
  }

  it('the full preset tabulates every case: reactions and end forces equal the results document', async () => {
    const { input, file } = await made('portal-two-bay.struct', 'full');
    const text = pdftext(file);
    const fmt = new Formatter(input.options.units, input.options.decimals);
    for (const c of input.results.cases) {
      assert.match(text, new RegExp(`Support reactions — ${c.name}`));
      assert.match(text, new RegExp(`Member end forces, local axes — ${c.name}`));
      for (const [node, r] of Object.entries(c.nodes)) {
        if (!r.reaction) continue;
        const cells = [0, 1, 2].map((k) => fmt.num('force', r.reaction![k])).concat([3, 4, 5].map((k) => fmt.num('moment', r.reaction![k])));
        const re = new RegExp(`^\\s*${node}\\s+${cells.map((x) => x.replace('.', '\\.')).join('\\s+')}\\s*$`, 'm');
        assert.match(text, re, `${c.name} ${node}`);
      }
    }
  });

  it('the checker preset adds the model source and details every checked member', async () => {
    const { input, file, report } = await made('continuous-beam-settlement.struct', 'checker');
    const text = pdftext(file);
    assert.match(text, /Appendix: model source/);
    const source = input.files[0].text.split('\n').filter((l) => l.trim().length > 20).slice(0, 10);
    for (const line of source) assert.ok(text.includes(line.trim()), `source line ${line}`);
    for (const g of governingChecks(input.results.checks)) assert.match(text, new RegExp(`Member ${g.member} — ${g.check}, ${g.combination}`));
    renderPages(file, 'continuous-beam-checker', report.pages - 1, report.pages);
  });
});
