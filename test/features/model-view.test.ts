// `struktur/modelView` over stdio: the geometry the panels draw, with local axes per the spec,
// loads in SI with positions resolved, support kinds, combination factors multiplied out, the
// declaration locations a click reveals — and an answer for a model with errors too.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { ModelViewRequest, ResultsRequest } from '../../language-server/src/shared/protocol';
import { openAndWait, positionOf, startServer, uriOf } from '../support/lsp';

const FRAME = `model "Frame"
units kN m
material S grade=S355
section COL material=S catalog=HEB200
section BOX material=S shape=box b=200mm h=300mm t=10mm
node A 0 0 0
node B 0 0 4
node C 6 0 4
node D 6 0 0
member C1 A B COL
member R1 B C BOX roll=90deg release_j=My
member C2 D C COL
group COLS C1 C2
support A fixed
support D pinned
load DEAD
  nodal C Fx=5 My=2kN*m
  uniform COLS Fz=-1kN/m
  point R1 at=25% Fz=-10
  trapezoid R1 Fz=-2,-4 from=1m to=5m
end
load WIND
  uniform R1 local Fy=1.5
end
combination C0 1.35*DEAD
combination C1X 1.0*C0 + 1.5*WIND
`;

describe('struktur/modelView', function () {
  this.timeout(60000);
  let client: LspProcessClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-mv-'));
    client = await startServer(dir);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('describes geometry, sections, supports, loads and combinations in SI', async () => {
    const uri = uriOf(path.join(dir, 'frame.struct'));
    await openAndWait(client, uri, FRAME);
    const v = await client.connection.sendRequest(ModelViewRequest, { uri });
    assert.ok(v);
    assert.equal(v.format, 'struktur-model-view/1');
    assert.equal(v.valid, true);
    assert.deepEqual(v.files, [uri]);
    assert.deepEqual(v.units, { force: 'kN', length: 'm' });
    assert.deepEqual(v.nodes.map((n) => n.name), ['A', 'B', 'C', 'D']);
    assert.deepEqual(v.nodes[2].xyz, [6, 0, 4]);
    // Declaration locations are the name tokens.
    assert.deepEqual(v.members[1].at, { uri, range: { start: positionOf(FRAME, 'R1 B C'), end: { ...positionOf(FRAME, 'R1 B C'), character: positionOf(FRAME, 'R1 B C').character + 2 } } });

    const [c1, r1] = v.members;
    assert.equal(c1.length, 4);
    // Vertical member: x = +Z, y = global +Y, z = x × y = −X (spec, Conventions).
    assert.deepEqual(c1.axes, { x: [0, 0, 1], y: [0, 1, 0], z: [-1, 0, 0] });
    // Horizontal member along +X rolled by 90°: unrolled y = +Y... z = +Z; roll turns y towards z.
    const close = (a: number[], b: number[]) => a.every((x, k) => Math.abs(x - b[k]) < 1e-12);
    assert.ok(close(r1.axes.x, [1, 0, 0]) && close(r1.axes.y, [0, 0, 1]) && close(r1.axes.z, [0, -1, 0]), JSON.stringify(r1.axes));
    assert.deepEqual(r1.releaseJ, [false, false, false, false, true, false]);

    const col = v.sections[c1.section!];
    assert.equal(col.shape, 'i');
    assert.equal(col.catalog, 'HEB200');
    assert.ok(Math.abs(col.dimensions!.h! - 0.2) < 1e-12);
    const box = v.sections[r1.section!];
    assert.deepEqual({ shape: box.shape, ...box.dimensions }, { shape: 'box', b: 0.2, h: 0.3, t: 0.01 });

    assert.deepEqual(v.supports.map((s) => [v.nodes[s.node].name, s.kind]), [['A', 'fixed'], ['D', 'pinned']]);

    const dead = v.loadCases.find((c) => c.name === 'DEAD')!;
    assert.deepEqual(dead.loads[0], { kind: 'nodal', node: 2, values: [5000, 0, 0, 0, 2000, 0] });
    // The group load lands on each of its members, over the whole length.
    const cols = dead.loads.filter((l) => l.kind === 'distributed' && !l.local && l.start[2] === -1000);
    assert.deepEqual(cols.map((l) => l.kind === 'distributed' && [v.members[l.member].name, l.from, l.to]), [['C1', 0, 4], ['C2', 0, 4]]);
    assert.deepEqual(dead.loads.find((l) => l.kind === 'point'), { kind: 'point', member: 1, local: false, at: 1.5, values: [0, 0, -10000, 0, 0, 0] });
    const trap = dead.loads.find((l) => l.kind === 'distributed' && l.member === 1)!;
    assert.deepEqual(trap, { kind: 'distributed', member: 1, local: false, from: 1, to: 5, start: [0, 0, -2000, 0, 0, 0], end: [0, 0, -4000, 0, 0, 0] });
    assert.equal((v.loadCases[1].loads[0] as { local: boolean }).local, true);

    // Nested combinations multiplied out.
    assert.deepEqual(v.combinations.find((c) => c.name === 'C1X')!.terms, [{ case: 'DEAD', factor: 1.35 }, { case: 'WIND', factor: 1.5 }]);
  });

  it('answers for a model with errors, with what could be built', async () => {
    const uri = uriOf(path.join(dir, 'broken.struct'));
    await openAndWait(client, uri, FRAME.replace('member C2 D C COL', 'member C2 D Q COL'));
    const v = await client.connection.sendRequest(ModelViewRequest, { uri });
    assert.ok(v);
    assert.equal(v.valid, false);
    assert.equal(v.errors, 1);
    assert.deepEqual(v.members.map((m) => m.name), ['C1', 'R1']);
    assert.equal(await client.connection.sendRequest(ResultsRequest, { uri }), null);
  });
});
