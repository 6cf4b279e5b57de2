// Byte-reproducible reports: the same model and options give the same file, in separate processes
// (font subsetting, object order, dates and the file identifier all fixed); another date gives
// another file.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfinfo, ROOT } from './support';

const BIN = path.join(ROOT, 'bin', 'struktur.js');

function report(out: string, env: Record<string, string>, extra: string[] = []): string {
  const r = spawnSync(process.execPath, [BIN, 'report', 'examples/steel-building-3d.struct', '-o', out, ...extra], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120000 });
  assert.equal(r.status, 0, r.stderr);
  return createHash('sha256').update(fs.readFileSync(out)).digest('hex');
}

describe('report reproducibility', function () {
  this.timeout(180000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-repro-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives byte-identical PDFs from two processes (SOURCE_DATE_EPOCH)', () => {
    const a = report(path.join(dir, 'a.pdf'), { SOURCE_DATE_EPOCH: '1714521600' });
    const b = report(path.join(dir, 'b.pdf'), { SOURCE_DATE_EPOCH: '1714521600' });
    assert.equal(a, b);
    const c = report(path.join(dir, 'c.pdf'), { SOURCE_DATE_EPOCH: '1717200000' });
    assert.notEqual(a, c, 'another date, another file');
  });

  it('is reproducible with the full preset and a configuration too, and the date of the configuration wins', () => {
    const cfg = path.join(dir, 'report.json');
    fs.writeFileSync(cfg, JSON.stringify({ date: '2023-02-03', revision: 'B', signatures: { checked: 'C. Hecker' } }));
    const a = report(path.join(dir, 'f1.pdf'), { SOURCE_DATE_EPOCH: '1714521600' }, ['--preset', 'full', '--config', cfg]);
    const b = report(path.join(dir, 'f2.pdf'), { SOURCE_DATE_EPOCH: '1600000000' }, ['--preset', 'full', '--config', cfg]);
    assert.equal(a, b);
    assert.equal(pdfinfo(path.join(dir, 'f1.pdf')).CreationDate, '2023-02-03T00:00:00Z');
  });
});
