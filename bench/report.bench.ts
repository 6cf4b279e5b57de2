// Report benchmark: PDF calculation reports (full preset) of generated building frames of growing
// size, from about 20 to about 200 pages. Prints pages, time and size, and the time and size per
// page against the smallest report of the same run (ratios near 1: the cost grows with the pages,
// not faster). Target: a 100-page report in a few seconds on a 2-core machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateFrame } from './generate';
import { prepareReport } from '../language-server/src/report/from-file';
import { generateReport } from '../language-server/src/report/generate';

const SIZES = [
  { name: 'tiny', plan: 1, storeys: 1 },
  { name: 'small', plan: 2, storeys: 2 },
  { name: 'medium', plan: 3, storeys: 3 },
  { name: 'large', plan: 4, storeys: 4 },
  { name: 'x-large', plan: 5, storeys: 5 },
];

type Row = { name: string; members: number; pages: number; ms: number; kb: number; analysisMs: number };

async function main(): Promise<void> {
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-report-bench-'));
const rows: Row[] = [];
try {
  for (const s of SIZES) {
    const g = generateFrame(0, { plan: s.plan, storeys: s.storeys, windCases: 2 });
    // A design check with a deflection limit and an SLS combination, so every section has content.
    const text = g.text + 'combination SLS1 DEAD + WIND type=SLS\ncheck deflection limit=L/300 combinations=SLS1\n';
    const file = path.join(dir, `${s.name}.struct`);
    fs.writeFileSync(file, text);
    let t = performance.now();
    const input = prepareReport({ file, cwd: dir, preset: 'full', env: { SOURCE_DATE_EPOCH: '1714521600' }, version: 'bench' });
    const analysisMs = performance.now() - t;
    // Warm up once on the smallest (JIT, font parsing), then time.
    if (!rows.length) await generateReport(input);
    t = performance.now();
    const report = await generateReport(input);
    const ms = performance.now() - t;
    rows.push({ name: s.name, members: g.members, pages: report.pages, ms, kb: report.pdf.length / 1024, analysisMs });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const base = rows[0];
console.log('model     members  pages   analysis ms  report ms   size KiB   ms/page  KiB/page  ms/page ÷ tiny  KiB/page ÷ tiny');
for (const r of rows) {
  const msPage = r.ms / r.pages;
  const kbPage = r.kb / r.pages;
  console.log(
    `${r.name.padEnd(9)} ${String(r.members).padStart(7)} ${String(r.pages).padStart(6)} ${r.analysisMs.toFixed(0).padStart(13)} ${r.ms.toFixed(0).padStart(10)} ${r.kb.toFixed(0).padStart(10)}` +
      ` ${msPage.toFixed(1).padStart(9)} ${kbPage.toFixed(1).padStart(9)} ${(msPage / (base.ms / base.pages)).toFixed(2).padStart(15)} ${(kbPage / (base.kb / base.pages)).toFixed(2).padStart(16)}`,
  );
}
const hundred = rows.find((r) => r.pages >= 90);
if (hundred) console.log(`\n${hundred.pages}-page report: ${(hundred.ms / 1000).toFixed(2)} s, ${(hundred.kb / 1024).toFixed(2)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
