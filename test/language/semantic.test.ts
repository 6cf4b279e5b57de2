// The semantic model: values in SI, names resolved across declaration order and files.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../language-server/src/language/workspace';
import type { Model } from '../../language-server/src/language/semantic/model';

const close = (a: number | undefined, b: number, rel = 1e-12) => assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.max(1e-30, Math.abs(b)), `${a} != ${b}`);

function build(text: string, uri = 'file:///mem/model.struct'): Model {
  const ws = new Workspace({ root: '/mem', readFile: () => undefined });
  ws.setDocument(uri, text);
  return ws.modelFor(uri);
}

const errors = (m: Model) => m.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('semantic model', () => {
  it('converts every value to SI under the file units', () => {
    const m = build(`units kN mm
material S E=210 nu=0.3 weight=78.5e-9 fy=0.355
section B material=S A=5380 Iy=83.56e6 Iz=6.04e6 J=0.201e6 Wy=557e3 Wz=80.5e3
node N1 0 0 0
node N2 6000 0 0
member M N1 N2 B roll=90
support N1 fixed
support N2 y z kx=20 krx=5000
load L
  uniform M Fz=-0.004 from=1000 to=50%
  point M Fz=-12 at=3000
end`);
    assert.deepEqual(errors(m), []);
    const mat = m.materials[0];
    close(mat.E, 210e9);
    close(mat.weight, 78.5e3);
    close(mat.fy, 355e6);
    close(mat.G, 210e9 / 2.6);
    const s = m.sections[0].properties!;
    close(s.A, 5380e-6);
    close(s.Iy, 83.56e-6);
    close(s.Wy, 557e-6);
    close(m.nodes[1].xyz![0], 6);
    close(m.members[0].roll, Math.PI / 2);
    close(m.supports[1].springs[0], 20e3 / 1e-3); // kN/mm → N/m
    close(m.supports[1].springs[3], 5000 * 1e3 * 1e-3); // kN*mm/rad → N*m/rad
    const [u, p] = m.loadCases[0].loads;
    assert.equal(u.kind, 'uniform');
    if (u.kind === 'uniform') {
      close(u.values[2], -4e3); // 0.004 kN/mm = 4 kN/m
      assert.deepEqual(u.from, { distance: 1 });
      assert.deepEqual(u.to, { fraction: 0.5 });
    }
    if (p.kind === 'point') assert.deepEqual(p.at, { distance: 3 });
  });

  it('reads the spec example cleanly with its values', () => {
    const m = build(`model "Two-bay portal frame"
let bay = 6m
let h = 3.5m
material S355 E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa
section IPE300 material=S355 catalog=IPE300
node N1 0 0 0
node N2 0 0 h
node N3 bay 0 h
node N5 2*bay 0 h
node N6 2*bay 0 0
member C1 N1 N2 IPE300
member B1 N2 N3 IPE300
member B2 N3 N5 IPE300 hinge=j
member C3 N6 N5 IPE300 release_i=My
support N1 fixed
support N6 x y rz kz=2e5kN/m kry=5000kN*m/rad
combination ULS1 1.35*DEAD + 1.5*LIVE
load DEAD
  selfweight
end
load LIVE
  nodal N2 Fx=8kN My=2kN*m
end`);
    assert.deepEqual(errors(m), []);
    assert.equal(m.title, 'Two-bay portal frame');
    close(m.nodes.find((n) => n.decl.name === 'N5')!.xyz![0], 12);
    const b2 = m.members.find((x) => x.decl.name === 'B2')!;
    assert.deepEqual(b2.releaseJ, [false, false, false, false, true, true]);
    const c3 = m.members.find((x) => x.decl.name === 'C3')!;
    assert.deepEqual(c3.releaseI, [false, false, false, false, true, false]);
    const s6 = m.supports[1];
    assert.deepEqual(s6.restrained, [true, true, false, false, false, true]);
    close(s6.springs[2], 2e8);
    close(s6.springs[4], 5e6);
    assert.deepEqual(m.combinations[0].terms.map((t) => [t.ref.name, t.factor]), [['DEAD', 1.35], ['LIVE', 1.5]]);
    const nodal = m.loadCases[1].loads[0];
    if (nodal.kind === 'nodal') assert.deepEqual(nodal.values, [8000, 0, 0, 0, 2000, 0]);
  });

  it('resolves constants in any order and mixes bare numbers sensibly', () => {
    const m = build(`let a = b + 0.5
let b = 2m
let c = a * 2
node N1 c 0 (b + 500mm)
node N2 0 0 0
member M N1 N2 S
section S material=X A=1 Iy=1 Iz=1 J=1
material X E=1
support N2 fixed`);
    assert.deepEqual(errors(m), []);
    close(m.nodes[0].xyz![0], 5); // (2 m + 0.5 m) * 2
    close(m.nodes[0].xyz![2], 2.5);
  });

  it('counts a lone carriage return as a line break, as LSP clients do', () => {
    const m = build('node N1 0 0 0\rnode N2 1 0 0\rmember M N1 N9 S\r');
    const unknown = m.diagnostics.find((d) => d.code === 'S1201')!;
    assert.deepEqual(unknown.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } });
  });

  it('reports wrong dimensions with the words engineers use', () => {
    const m = build('material S E=3.5m\n');
    assert.deepEqual(errors(m), ['S1401 E expects a stress, got a length']);
  });

  it('detects constant and combination cycles', () => {
    const m = build('let a = b\nlet b = a\ncombination C1 C2\ncombination C2 2*C1\n');
    const codes = m.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('S1406'), codes.join());
    assert.ok(codes.includes('S1506'), codes.join());
  });

  it('expands combination terms with constants and parentheses', () => {
    const m = build('let g = 1.35\nload D\nend\nload Q\nend\ncombination C g*D + 1.5*(Q - D/2)\n');
    assert.deepEqual(errors(m), []);
    assert.deepEqual(m.combinations[0].terms.map((t) => [t.ref.name, +t.factor.toFixed(12)]), [['D', 1.35], ['Q', 1.5], ['D', -0.75]]);
  });

  describe('includes', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-sem-'));
      fs.mkdirSync(path.join(dir, 'lib'));
      fs.writeFileSync(path.join(dir, 'lib', 'mat.struct'), 'units N mm\nmaterial S E=210000 nu=0.3 fy=355\nsection IPE300 material=S catalog=IPE300\n');
      fs.writeFileSync(path.join(dir, 'main.struct'), 'include "lib/mat.struct"\nnode N1 0 0 0\nnode N2 6 0 0\nmember M N1 N2 IPE300\nsupport N1 fixed\n');
      fs.writeFileSync(path.join(dir, 'a.struct'), 'include "b.struct"\n');
      fs.writeFileSync(path.join(dir, 'b.struct'), 'include "a.struct"\n');
      fs.writeFileSync(path.join(dir, 'escape.struct'), 'include "../outside.struct"\n');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('shares names across files, each file with its own units', () => {
      const ws = new Workspace({ root: dir });
      const m = ws.modelFor(pathToFileURL(path.join(dir, 'main.struct')).toString());
      assert.deepEqual(errors(m), []);
      close(m.materials[0].E, 210e9); // N/mm2 in the included file
      close(m.nodes[1].xyz![0], 6); // m in the main file
      assert.equal(m.files.length, 2);
    });

    it('reports an include cycle once, with the chain', () => {
      const ws = new Workspace({ root: dir });
      const m = ws.modelFor(pathToFileURL(path.join(dir, 'a.struct')).toString());
      assert.deepEqual(m.diagnostics.map((d) => [d.code, d.message]), [['S1601', 'Include cycle: a.struct → b.struct → a.struct']]);
    });

    it('refuses a path outside the workspace root', () => {
      const ws = new Workspace({ root: dir });
      const m = ws.modelFor(pathToFileURL(path.join(dir, 'escape.struct')).toString());
      assert.equal(m.diagnostics[0].code, 'S1602');
    });

    it('validates an included file in the context of the file that includes it', () => {
      const ws = new Workspace({ root: dir });
      ws.indexFiles([path.join(dir, 'main.struct'), path.join(dir, 'lib', 'mat.struct')]);
      const lib = pathToFileURL(path.join(dir, 'lib', 'mat.struct')).toString();
      assert.equal(ws.rootOf(lib), pathToFileURL(path.join(dir, 'main.struct')).toString());
    });
  });
});
