// `struktur check` as a process: every format, every exit code, usage errors.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from '../support/lsp';
import { LspProcessClient } from '../../language-server/src/cli/lsp-client';

const BIN = path.join(ROOT, 'bin', 'struktur.js');

function struktur(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = `model "Cantilever"
material S E=210GPa nu=0.3 fy=355MPa
section B material=S catalog=IPE300
node N1 0 0 0
node N2 4 0 0
member M1 N1 N2 B
support N1 fixed
`;
const BAD = `material S E=210GPa
section IPE300 material=S catalog=IPE300
node N1 0 0 0
node N2 4 0 0
node N3 9 9 9
member M1 N1 N2 IPE30
support N1 fixed
`;

describe('struktur check (CLI process)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-cli-'));
    fs.mkdirSync(path.join(dir, 'models'));
    fs.writeFileSync(path.join(dir, 'models', 'clean.struct'), CLEAN);
    fs.writeFileSync(path.join(dir, 'models', 'bad.struct'), BAD);
    fs.writeFileSync(path.join(dir, 'warn.struct'), CLEAN + 'node N9 1 1 1\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('text: one line per diagnostic with 1-based positions and a summary; exit 1 on errors', () => {
    const r = struktur(['check', 'models/bad.struct', '--no-color'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^models\/bad\.struct:6:17 error S1203 Unknown section "IPE30"\. Did you mean "IPE300"\?$/m);
    assert.match(r.stdout, /^models\/bad\.struct:5:6 warning S1504 Node N3 is not connected to any member$/m);
    assert.match(r.stdout, /1 error, 1 warning in 1 file/);
  });

  it('exit 0 for a clean model, and globs select files', () => {
    const r = struktur(['check', 'models/clean.struct'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No problems in 1 file/);
    const g = struktur(['check', 'models/*.struct'], dir);
    assert.equal(g.code, 1);
    assert.match(g.stdout, /in 2 files/);
  });

  it('without files, checks every .struct below the current folder', () => {
    const r = struktur(['check'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /in 3 files/);
  });

  it('--max-warnings turns warnings into a failure', () => {
    assert.equal(struktur(['check', 'warn.struct'], dir).code, 0);
    assert.equal(struktur(['check', 'warn.struct', '--max-warnings', '1'], dir).code, 0);
    assert.equal(struktur(['check', 'warn.struct', '--max-warnings', '0'], dir).code, 1);
  });

  it('json: the struktur-check/1 document', () => {
    const r = struktur(['check', 'models/bad.struct', 'models/clean.struct', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.format, 'struktur-check/1');
    assert.deepEqual(doc.summary, { files: 2, errors: 1, warnings: 1 });
    const bad = doc.files.find((f: { path: string }) => f.path === 'models/bad.struct');
    const d = bad.diagnostics.find((x: { code: string }) => x.code === 'S1203');
    assert.deepEqual(d, {
      range: { start: { line: 5, character: 16 }, end: { line: 5, character: 21 } },
      severity: 'error', code: 'S1203', message: 'Unknown section "IPE30". Did you mean "IPE300"?',
    });
  });

  it('sarif: valid against the official SARIF 2.1.0 schema', () => {
    const r = struktur(['check', 'models/bad.struct', '--format', 'sarif'], dir);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: unknown } }[] }[] }[] };
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'S1203');
    assert.deepEqual(res!.locations[0].physicalLocation.region, { startLine: 6, startColumn: 17, endLine: 6, endColumn: 22 });
  });

  it('junit: well-formed XML with a failure per error', () => {
    const r = struktur(['check', 'models/bad.struct', 'models/clean.struct', '--format', 'junit'], dir);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    assert.equal(xml.testsuites['@_failures'], '1');
  });

  it('github: workflow commands', () => {
    const r = struktur(['check', 'models/bad.struct', '--format', 'github'], dir);
    assert.match(r.stdout, /^::error file=models\/bad\.struct,line=6,col=17,endLine=6,endColumn=22,title=S1203::Unknown section "IPE30"\. Did you mean "IPE300"\?$/m);
    assert.match(r.stdout, /^::warning file=models\/bad\.struct,line=5,col=6,/m);
  });

  it('-o writes the report to a file', () => {
    const out = path.join(dir, 'report.json');
    const r = struktur(['check', 'models/clean.struct', '--format', 'json', '-o', out], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).summary.errors, 0);
  });

  it('exit 2 on usage and I/O errors, with a message', () => {
    for (const args of [['check', 'missing.struct'], ['check', '--format', 'xml', 'warn.struct'], ['check', '--bogus'], ['check', '--max-warnings', 'x'], ['frobnicate'], ['check', 'nothing/*.struct'], ['lsp']]) {
      const r = struktur(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^struktur: /);
    }
  });

  it('reports problems in included files that were not named, and fails on them', () => {
    fs.mkdirSync(path.join(dir, 'inc'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'inc', 'lib.struct'), 'material S E=210GPa E=200GPa\n');
    fs.writeFileSync(path.join(dir, 'inc', 'main.struct'), 'include "lib.struct"\n' + CLEAN.replace('material S E=210GPa nu=0.3 fy=355MPa\n', ''));
    const r = struktur(['check', 'inc/main.struct', '--no-color'], dir);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^inc\/lib\.struct:1:21 error S1008 Option "E" is given twice$/m);
  });

  it('--version and --help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(struktur(['--version'], dir).stdout.trim(), pkg.version);
    assert.match(struktur(['--help'], dir).stdout, /struktur check/);
  });

  it('lsp --stdio answers initialize like the server', async () => {
    const client = new LspProcessClient({ command: process.execPath, args: [BIN, 'lsp', '--stdio'] });
    const init = await client.initialize(null);
    assert.equal(init.serverInfo?.name, 'struktur');
    assert.equal(await client.shutdown(), 0);
  });
});
