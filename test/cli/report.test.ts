// `struktur report` as a process: the PDF for a valid model, exit codes and clear messages for a
// model with errors (no PDF), a missing file, a bad configuration or preset, and failing checks.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/lsp';

const BIN = path.join(ROOT, 'bin', 'struktur.js');
const run = (args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120000, env: { ...process.env, SOURCE_DATE_EPOCH: '1714521600' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('struktur report (CLI process)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-report-cli-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the PDF of a valid model and says what it wrote, exit 0', () => {
    const out = path.join(dir, 'cantilever.pdf');
    const r = run(['report', 'examples/cantilever.struct', '-o', out, '--preset', 'full']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /cantilever\.pdf: \d+ pages, \d+ figures, \d+ tables, \d+ KiB, full preset/);
    assert.equal(fs.readFileSync(out).subarray(0, 5).toString(), '%PDF-');
    assert.equal(r.stderr, '');
  });

  it('refuses a model with errors: exit 1, no PDF, the errors with their locations', () => {
    const model = path.join(dir, 'bad.struct');
    fs.writeFileSync(model, 'units kN m\nsection S material=NOPE catalog=IPE300\nnode A 0 0 0\nnode B 3 0 0\nmember M A B S\nsupport A fixed\n');
    const out = path.join(dir, 'bad.pdf');
    const r = run(['report', model, '-o', out]);
    assert.equal(r.code, 1);
    assert.ok(!fs.existsSync(out), 'no PDF written');
    assert.match(r.stderr, /has 1 error; no report was written/);
    assert.match(r.stderr, /bad\.struct:2:\d+ error S\d+ .*NOPE/);
  });

  it('refuses an unstable model (an analysis error): exit 1, no PDF', () => {
    const model = path.join(dir, 'mechanism.struct');
    fs.writeFileSync(model, 'units kN m\nmaterial S E=210GPa fy=355MPa\nsection P material=S catalog=IPE300\nnode A 0 0 0\nnode B 3 0 0\nmember M A B P\nsupport A pinned\nload L\n  nodal B Fz=-1\nend\n');
    const out = path.join(dir, 'mechanism.pdf');
    const r = run(['report', model, '-o', out]);
    assert.equal(r.code, 1);
    assert.ok(!fs.existsSync(out));
    assert.match(r.stderr, /The analysis of .*mechanism\.struct found \d+ errors?; no report was written/);
  });

  it('writes the report of a model whose checks fail, and exits 1 naming the members', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'cantilever.struct'), 'utf8').replace('nodal TIP Fz=-10kN', 'nodal TIP Fz=-100kN');
    const model = path.join(dir, 'overloaded.struct');
    fs.writeFileSync(model, text);
    const out = path.join(dir, 'overloaded.pdf');
    const r = run(['report', model, '-o', out]);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(fs.existsSync(out));
    assert.match(r.stderr, /1 member fails a design check \(M1\); the report shows them/);
  });

  it('usage and I/O errors exit 2 with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [['report', 'examples/nope.struct', '-o', path.join(dir, 'x.pdf')], /Cannot read examples\/nope\.struct: no such file/],
      [['report', 'examples/cantilever.struct'], /needs the output file: -o report\.pdf/],
      [['report', 'examples/cantilever.struct', '-o', path.join(dir, 'x.pdf'), '--preset', 'everything'], /Unknown preset "everything": use summary, full, checker/],
      [['report', 'examples/cantilever.struct', '-o', path.join(dir, 'x.pdf'), '--config', path.join(dir, 'missing.json')], /Cannot read the configuration .*missing\.json: no such file/],
      [['report', 'examples/cantilever.struct', '-o', path.join(dir, 'no', 'such', 'x.pdf')], /the folder .* does not exist/],
      [['report', 'a.struct', 'b.struct', '-o', 'x.pdf'], /takes one model file/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    const cfg = path.join(dir, 'bad.json');
    fs.writeFileSync(cfg, JSON.stringify({ units: { force: 'kip' } }));
    const r = run(['report', 'examples/cantilever.struct', '-o', path.join(dir, 'x.pdf'), '--config', cfg]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json: "units\.force" must be one of N, kN, MN \(got "kip"\)/);
    assert.ok(!fs.existsSync(path.join(dir, 'x.pdf')));
  });

  it('--help lists the report command', () => {
    assert.match(run(['--help']).stdout, /struktur report FILE -o REPORT\.pdf \[--preset summary\|full\|checker\] \[--config report\.json\]/);
  });
});
