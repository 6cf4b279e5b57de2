// Analysis in the language server: results over `struktur/results`, analysis diagnostics next to
// the language ones, a new edit superseding a run, and status notifications.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { HoverRequest, InlayHintRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { AnalysisStatusNotification, ResultsRequest, type AnalysisStatus } from '../../language-server/src/shared/protocol';
import { startServer, uriOf, openAndWait } from '../support/lsp';

// Cantilever L = 4 m, IPE300 (Iy = 8356 cm⁴), tip load P = 10 kN down: the tip deflection is
// PL³/(3EIy) and the root moment PL (any mechanics textbook, e.g. Gere & Goodno, Mechanics of
// Materials, Table G-1 case 4).
const CANTILEVER = `model "Cantilever"
material S E=210GPa nu=0.3 fy=355MPa
section B material=S A=53.8cm2 Iy=8356cm4 Iz=604cm4 J=20.1cm4 Wy=557cm3 Wz=80.5cm3
node N1 0 0 0
node N2 4 0 0
member M1 N1 N2 B
support N1 fixed
load P
  nodal N2 Fz=-10kN
end
combination ULS 1.5*P
check stress limit=1.0
`;

describe('analysis in the language server', function () {
  this.timeout(60000);
  let client: LspProcessClient;
  let dir: string;
  const statuses: AnalysisStatus[] = [];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-an-'));
    client = await startServer(dir);
    client.connection.onNotification(AnalysisStatusNotification.method, (s: AnalysisStatus) => {
      statuses.push(s);
    });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the results document with closed-form values', async () => {
    const uri = uriOf(path.join(dir, 'cantilever.struct'));
    await openAndWait(client, uri, CANTILEVER);
    const doc = await client.connection.sendRequest(ResultsRequest, { uri });
    assert.ok(doc);
    assert.equal(doc.format, 'struktur-results/1');
    assert.equal(doc.model, 'Cantilever');
    assert.equal(doc.dofs, 6);
    const p = doc.cases.find((c) => c.name === 'P')!;
    const E = 210e9, I = 8356e-8, L = 4, P = 10e3;
    const w = p.nodes.N2.u[2];
    assert.ok(Math.abs(w - -(P * L ** 3) / (3 * E * I)) < 1e-9 * Math.abs(w), `tip ${w}`);
    assert.ok(Math.abs(p.nodes.N1.reaction![2] - P) < 1e-6);
    const uls = doc.cases.find((c) => c.name === 'ULS')!;
    assert.equal(uls.kind, 'combination');
    assert.ok(Math.abs(uls.nodes.N2.u[2] - 1.5 * w) < 1e-12);
    // σ = 1.5·P·L / Wy at the root, against fy = 355 MPa.
    const stress = doc.checks.find((c) => c.check === 'stress' && c.member === 'M1')!;
    assert.ok(Math.abs(stress.ratio - (1.5 * P * L) / 557e-6 / 355e6) < 1e-6, String(stress.ratio));
    assert.equal(stress.ok, true);
    assert.deepEqual(doc.diagnostics, []);
    const done = statuses.filter((s) => s.uri === uri && s.state === 'done');
    assert.ok(done.length >= 1);
    assert.equal(done[done.length - 1].cases, 2);
  });

  it('shows key results in the hover of a node and of a member, and utilisation as an inlay hint', async () => {
    const uri = uriOf(path.join(dir, 'cantilever.struct'));
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 6 } });
    const text = (h!.contents as MarkupContent).value;
    // Tip deflection PL³/(3EI) = 10e3·64/(3·210e9·8356e-8) m = 12.16 mm.
    const w = ((10e3 * 64) / (3 * 210e9 * 8356e-8)) * 1000;
    assert.match(text, /\| case \| ux \| uy \| uz \|/);
    assert.ok(text.includes(`| P | 0 mm | 0 mm | ${Number((-w).toPrecision(4))} mm |`), text);
    const hm = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } });
    const mt = (hm!.contents as MarkupContent).value;
    // Cut face with outward normal +x: Vz = -P, and a hogging moment My = +PL (tension on +z;
    // results.md: sagging under gravity is My < 0).
    assert.ok(mt.includes('| P | 0 kN | -10 kN | 40 kN·m | 0 kN·m | -12.16 mm |'), mt);
    const ratio = (1.5 * 10e3 * 4) / 557e-6 / 355e6;
    assert.ok(mt.includes(`✓ stress check: ratio ${ratio.toFixed(3)} (limit 1) under ULS at x = 0 m`), mt);
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } } });
    assert.ok(hints!.some((x) => x.label === `η=${ratio.toFixed(2)}`), JSON.stringify(hints));
  });

  it('reports a failing check as a diagnostic on the member, with its ratio', async () => {
    const uri = uriOf(path.join(dir, 'weak.struct'));
    const text = CANTILEVER.replace('Fz=-10kN', 'Fz=-100kN');
    const wait = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'S2101'));
    await client.open(uri, text);
    const diags = await wait;
    const d = diags.find((x) => x.code === 'S2101')!;
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 5, character: 7 }, end: { line: 5, character: 9 } });
    const ratio = (1.5 * 100e3 * 4) / 557e-6 / 355e6;
    assert.equal(d.message, `Member M1 fails the stress check under ULS: ratio ${ratio.toFixed(3)} > 1 at x = 0 m`);
  });

  it('explains a mechanism at the free node instead of "singular matrix"', async () => {
    const uri = uriOf(path.join(dir, 'mechanism.struct'));
    const text = CANTILEVER.replace('support N1 fixed', 'support N1 x y z');
    const wait = client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'S2001'));
    await client.open(uri, text);
    const diags = await wait;
    const mech = diags.filter((x) => x.code === 'S2001');
    assert.ok(mech.length >= 1);
    for (const m of mech) assert.doesNotMatch(String(m.message), /singular|NaN/i);
    assert.ok(mech.some((m) => /N1|N2/.test(String(m.message))), mech.map((m) => String(m.message)).join('\n'));
    assert.equal(await client.connection.sendRequest(ResultsRequest, { uri }).then((r) => r?.cases.length ?? 0), 0);
  });

  it('an edit supersedes the previous results; fixing the model clears analysis diagnostics', async () => {
    const uri = uriOf(path.join(dir, 'mechanism.struct'));
    const fixed = client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.change(uri, [{ range: { start: { line: 6, character: 11 }, end: { line: 6, character: 16 } }, text: 'fixed' }]);
    await fixed;
    const doc = await client.connection.sendRequest(ResultsRequest, { uri });
    assert.ok(doc && doc.cases.length === 2);
  });

  it('returns null results for a model with errors, and no analysis diagnostics', async () => {
    const uri = uriOf(path.join(dir, 'broken.struct'));
    const diags = await openAndWait(client, uri, CANTILEVER.replace('member M1 N1 N2 B', 'member M1 N1 N9 B'));
    assert.ok(diags.some((d) => d.code === 'S1201'));
    assert.ok(!diags.some((d) => String(d.code).startsWith('S2')));
    assert.equal(await client.connection.sendRequest(ResultsRequest, { uri }), null);
  });
});
