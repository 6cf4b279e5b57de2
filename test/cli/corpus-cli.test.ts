// The golden corpus through the real CLI process: `struktur check … --format json`, run in the
// corpus folder, must report what the in-memory build reports — for a handful of files exactly
// the hand-written expectations, and for every corpus file the same as the in-memory build.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  corpusFiles, diagnosticsInMemory, INVALID, portableMessage, readExpected, REPO, sortDiagnostics, type ExpectedDiagnostic,
} from '../support/corpus';

const BIN = path.join(REPO, 'bin', 'struktur.js');


/** Files whose expectations the CLI must meet exactly: syntax, semantics, warnings, related locations, includes. */
const HANDFUL = [
  'syntax-bad-character.struct',
  'unterminated-string.struct',
  'load-without-end.struct',
  'unknown-section.struct',
  'duplicate-option.struct',
  'constant-cycle.struct',
  'coincident-nodes.struct',
  'include-ok-then-unknown.struct',
  'two-slips-section-and-load.struct',
];

interface CliDiagnostic {
  range: ExpectedDiagnostic['range'];
  severity: ExpectedDiagnostic['severity'];
  code: string;
  message: string;
  related?: { path: string; range: ExpectedDiagnostic['range']; message: string }[];
}
interface CheckDocument {
  format: string;
  files: { path: string; diagnostics: CliDiagnostic[] }[];
  summary: { files: number; errors: number; warnings: number };
}

function fromCli(d: CliDiagnostic): ExpectedDiagnostic {
  const out: ExpectedDiagnostic = { code: d.code, severity: d.severity, range: d.range, message: portableMessage(d.message, INVALID) };
  if (d.related?.length) out.related = d.related.map((r) => ({ path: r.path, range: r.range, message: portableMessage(r.message, INVALID) }));
  return out;
}

describe('golden corpus (struktur check process)', function () {
  this.timeout(120000);
  const files = corpusFiles(INVALID);
  let doc: CheckDocument;
  const byPath = new Map<string, ExpectedDiagnostic[]>();

  before(() => {
    // One process for the whole corpus: the CLI starts one server and opens every file in it.
    const r = spawnSync(process.execPath, [BIN, 'check', ...files, '--format', 'json', '--no-color'], { cwd: INVALID, encoding: 'utf8', timeout: 110000 });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1, 'the corpus has errors, so the exit code is 1');
    doc = JSON.parse(r.stdout) as CheckDocument;
    for (const f of doc.files) byPath.set(f.path, sortDiagnostics(f.diagnostics.map(fromCli)));
  });

  it('reports every corpus file once, in the struktur-check/1 format', () => {
    assert.equal(doc.format, 'struktur-check/1');
    assert.deepEqual([...byPath.keys()].sort(), files);
    assert.equal(doc.summary.files, files.length);
  });

  for (const file of HANDFUL) {
    it(`gives exactly the expected diagnostics for ${file}`, () => {
      assert.deepEqual(byPath.get(file), sortDiagnostics(readExpected(file)));
    });
  }

  it('agrees with the in-memory build on every corpus file', () => {
    for (const file of files) assert.deepEqual(byPath.get(file), diagnosticsInMemory(INVALID, file), file);
  });
});
