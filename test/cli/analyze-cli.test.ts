// `struktur analyze` as a process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, EXAMPLES } from '../support/lsp';

const BIN = path.join(ROOT, 'bin', 'struktur.js');
const run = (args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120000, maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('struktur analyze (CLI process)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-an-cli-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the results document of every example, exit 0 (all checks pass)', () => {
    for (const f of fs.readdirSync(EXAMPLES).filter((x) => x.endsWith('.struct'))) {
      const r = run(['analyze', `examples/${f}`, '--json']);
      assert.equal(r.code, 0, `${f}: ${r.stderr}`);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.format, 'struktur-results/1');
      assert.equal(doc.source, `examples/${f}`);
      assert.ok(doc.dofs > 0 && doc.cases.length > 0, f);
      assert.deepEqual(doc.diagnostics.filter((d: { severity: string }) => d.severity === 'error'), [], f);
      for (const c of doc.cases) for (const m of Object.values(c.members) as { stations: object[] }[]) assert.ok(m.stations.length >= 11);
    }
  });

  it('-o writes the file; --cases restricts the cases', () => {
    const out = path.join(dir, 'r.json');
    const r = run(['analyze', 'examples/portal-two-bay.struct', '--json', '-o', out, '--cases', 'DEAD,ULS1']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(doc.cases.map((c: { name: string }) => c.name), ['DEAD', 'ULS1']);
  });

  it('exit 1 with the diagnostics for an invalid model, and no cases', () => {
    const f = path.join(dir, 'bad.struct');
    fs.writeFileSync(f, 'node N1 0 0 0\nmember M N1 N2 S\n');
    const r = run(['analyze', 'bad.struct', '--json'], dir);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.cases, []);
    assert.ok(doc.diagnostics.some((d: { code: string; path: string }) => d.code === 'S1201' && d.path === 'bad.struct'));
    assert.match(r.stderr, /no analysis was run/);
  });

  it('exit 2 on usage errors', () => {
    assert.equal(run(['analyze']).code, 2);
    assert.equal(run(['analyze', 'examples/cantilever.struct']).code, 2);
    assert.equal(run(['analyze', 'nope.struct', '--json']).code, 2);
    assert.equal(run(['analyze', 'examples/cantilever.struct', '--json', '--cases', 'NOPE']).code, 2);
  });
});
