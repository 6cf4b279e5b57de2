// Hover through the real server process: nodes, members, sections, materials, load cases and
// combinations with their values in engineers' units; keywords and options with the schema's
// documentation; numbers with their SI value; and bad input.
import assert from 'node:assert/strict';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { positionOf, startServer } from '../support/lsp';
import { everyPosition, MESSY, SPEC_MODEL, withCursor, withDocument } from './editing.fixture';

let client: LspProcessClient;

async function hoverAt(text: string, position: { line: number; character: number }): Promise<Hover | null> {
  return withDocument(client, text, (uri) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
}

/** The hover text at `needle` (plus `offset` characters, n-th occurrence) in `text`. */
async function hoverText(text: string, needle: string, offset = 0, occurrence = 0): Promise<string> {
  const h = await hoverAt(text, positionOf(text, needle, offset, occurrence));
  assert.ok(h, `no hover at "${needle}"+${offset}`);
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

const spec = (needle: string, offset = 0, occurrence = 0) => hoverText(SPEC_MODEL, needle, offset, occurrence);

function contains(text: string, ...parts: string[]): void {
  for (const p of parts) assert.ok(text.includes(p), `expected ${JSON.stringify(p)} in:\n${text}`);
}

describe('hover (LSP)', function () {
  this.timeout(30000);

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  describe('nodes', () => {
    it('shows coordinates in the file units and the members that connect', async () => {
      const text = await spec('node N3', 5);
      assert.ok(text.startsWith('```struktur\nnode N3 bay 0 h\n```'), text);
      contains(text, '**node** N3 at (6, 0, 3.5) m', 'members: B1 (end j), C2 (end j), B2 (end i), X1 (end j)');
    });

    it('shows the same on a reference, with its support', async () => {
      const decl = await spec('node N4', 5);
      const ref = await spec('member C2 N4', 10);
      assert.equal(ref, decl);
      contains(decl, 'support: pinned (x y z)');
      contains(await spec('support N6', 8), 'support: x y rz; springs kz = 200000 kN/m, kry = 5000 kN·m/rad');
    });

    it('uses the units of the file', async () => {
      const text = 'units kN mm\nnode A 0 0 0\nnode B 6000 0 0\nsection S material=M catalog=IPE300\nmaterial M grade=S355\nmember AB A B S\n';
      contains(await hoverText(text, 'node B', 5), '**node** B at (6000, 0, 0) mm');
      contains(await hoverText(text, 'member AB', 7), 'length 6000 mm');
    });
  });

  describe('members', () => {
    it('shows ends, length, section properties and material', async () => {
      const text = await spec('member B1', 7);
      contains(text, '**member** B1: N2 → N3', 'length 6 m', 'section IPE300 (catalogue IPE300), material S355');
      contains(text, 'A = 53.81 cm², Iy = 8356 cm⁴, Iz = 603.8 cm⁴, J = 20.12 cm⁴, Wy = 557.1 cm³, Wz = 80.5 cm³');
      contains(text, 'S355: E = 210 GPa, fy = 355 MPa', 'releases: none (rigid ends)', 'type frame', 'groups: Beams');
    });

    it('shows releases, roll and truss type', async () => {
      contains(await spec('member B2', 7), 'releases: end j My Mz');
      contains(await spec('member C3', 7), 'releases: end i My');
      contains(await spec('member C2', 7), 'roll 90°', 'length 3.5 m');
      contains(await spec('member X1', 7), 'type truss (axial force only)', 'length 6.94622 m');
    });

    it('shows a member on a reference in a load', async () => {
      contains(await spec('point B2', 6), '**member** B2: N3 → N5');
    });
  });

  describe('sections and materials', () => {
    it('shows explicit section properties in cm units', async () => {
      const text = await spec('section CUSTOM', 8);
      contains(text, '**section** CUSTOM, explicit properties, material S355', 'A = 53.8 cm², Iy = 8356 cm⁴, Iz = 604 cm⁴, J = 20.1 cm⁴', 'used by no member');
    });

    it('shows catalogue sections with plastic moduli and their users', async () => {
      const text = await spec('section IPE300', 8);
      contains(text, 'from the catalogue: IPE300', 'A = 53.81 cm²', 'Wpl,y = 628.4 cm³', 'mass 42.24 kg/m', 'used by 2 members: B1, B2');
    });

    it('shows shape-derived sections', async () => {
      contains(await spec('section R300', 8), 'derived from shape rect', 'A = 1500 cm², Iy = 312500 cm⁴, Iz = 112500 cm⁴');
    });

    it('shows material values in GPa, MPa and kN/m³', async () => {
      const s355 = await spec('material S355', 10);
      contains(s355, 'E = 210 GPa, G = 80.7692 GPa, nu = 0.3', 'fy = 355 MPa', 'weight = 78.5 kN/m³', 'used by sections: IPE300, COL, CHS, CUSTOM');
      const c30 = await spec('material C30', 10);
      contains(c30, 'E = 33 GPa, G = 13.75 GPa', 'density = 2500 kg/m³ (selfweight: 24.5166 kN/m³)');
      contains(await spec('material S235', 10), '**material** S235 (grade S235, EN 10025-2)', 'fy = 235 MPa');
    });

    it('shows a catalogue designation and a grade in option values', async () => {
      contains(await spec('catalog=HEB200', 10), '**HEB200**', 'A = 78.08 cm², Iy = 5696 cm⁴');
      contains(await spec('grade=S235', 7), '**S235** (EN 10025-2)', 'fy = 235 MPa');
    });
  });

  describe('load cases and combinations', () => {
    it('shows description, category and the total force per global axis', async () => {
      const live = await spec('load LIVE', 6);
      contains(live, '**load case** LIVE', 'category imposed; 4 loads', 'total force: Fx = 8 kN, Fy = 0 kN, Fz = -57 kN', 'in combinations: ULS1, SLS1');
      const dead = await spec('load DEAD', 6);
      contains(dead, '**load case** DEAD — Self weight and finishes', 'category permanent; 2 loads', 'total force: Fx = 0 kN, Fy = 0 kN, Fz = -61.7017 kN');
      contains(await spec('load SETTLE', 6), '1 prescribed displacement');
    });

    it('shows the same on a reference in a combination', async () => {
      contains(await spec('1.5*LIVE', 5), 'Fz = -57 kN');
    });

    it('turns local member loads into global totals, in the file force unit', async () => {
      const text = [
        'units N m',
        'material M E=210GPa',
        'section S material=M A=1cm2 Iy=1cm4 Iz=1cm4 J=1cm4',
        'node A 0 0 0',
        'node B 0 0 4',
        'member C A B S',
        'support A fixed',
        'load W',
        '  uniform C local Fy=2 from=25%',
        'end',
        '',
      ].join('\n');
      // A vertical member's local y is global +Y; 2 N/m over 3 m.
      contains(await hoverText(text, 'load W', 5), 'total force: Fx = 0 N, Fy = 6 N, Fz = 0 N');
    });

    it('shows a combination with its terms, expanded through nested combinations', async () => {
      contains(await spec('combination ULS1', 13), '**combination** ULS1 (ULS) = 1.35 × DEAD + 1.5 × LIVE', 'used by: check stress');
      contains(await spec('combinations=SLS1', 14), '**combination** SLS1 (SLS) = DEAD + LIVE');
      const nested = await hoverText(SPEC_MODEL + 'combination ALL 2*ULS1 - SETTLE\n', 'combination ALL', 13);
      contains(nested, '= 2 × ULS1 − SETTLE', 'expanded: 2.7 × DEAD + 3 × LIVE − SETTLE');
    });

    it('shows groups with their members and total length', async () => {
      contains(await spec('group Beams', 7), '**group** Beams: B1 B2', '2 members: B1, B2; total length 12 m');
    });

    it('shows constants in the file units', async () => {
      contains(await spec('let bay', 5), '**constant** bay = 6 m');
      contains(await spec('node N5 2*bay', 11), '**constant** bay = 6 m');
    });
  });

  describe('keywords and options', () => {
    it('shows the schema documentation of a keyword', async () => {
      const text = await spec('member C1', 2);
      assert.ok(text.startsWith('```struktur\nmember name i j section [roll=…] [hinge=…] [release_i=…] [release_j=…] [type=…]\n```'), text);
      contains(text, 'A member from node i to node j with a section.', '- `i`: Start node (local x runs from i to j)', '- `hinge=`: Releases My and Mz at end i, j or both');
      contains(await spec('  selfweight', 4), 'Gravity (−Z) on every member from its material weight or density.');
    });

    it('shows the schema documentation of an option key', async () => {
      const text = await spec('hinge=j', 2);
      contains(text, '```struktur\nhinge=…\n```', 'Releases My and Mz at end i, j or both', 'Value: one of i, j, both');
      contains(await spec('weight=78.5', 2), "Unit weight, for selfweight", 'Value: a unit weight; a bare number is read in kN/m³');
    });

    it('explains enum words, local and L', async () => {
      contains(await spec('hinge=j', 6), 'j: My and Mz released at end j');
      contains(await spec('support N6 x', 11), 'x: translation along global X restrained');
      contains(await spec('type=truss', 6), 'truss: axial force only');
      contains(await hoverText(SPEC_MODEL + 'load W\n  uniform B1 local Fz=-1\nend\n', 'B1 local', 4), "local axes");
      contains(await spec('L/300', 0), "The length of each checked member");
    });
  });

  describe('numbers', () => {
    it('shows the SI value of a number with a unit', async () => {
      contains(await spec('E=210GPa', 3), '210 GPa = 2.1e+11 Pa (SI), a stress');
      contains(await spec('Fz=-4kN/m', 5), '-4 kN/m = -4000 N/m (SI), a line load');
      contains(await spec('d=168.3mm', 3), '168.3 mm = 0.1683 m (SI), a length');
      contains(await spec('at=50%', 4), '50 % = 0.5 (a fraction)');
    });

    it('shows the unit a bare number was read in', async () => {
      contains(await spec('Fz=-6', 4), 'read in kN/m (units kN m): -6 kN/m = -6000 N/m (SI)');
      contains(await spec('roll=90', 6), 'read in deg (units kN m): 90 deg = 1.5708 rad (SI)');
      contains(await hoverText('units kN mm\nnode A 0 0 3500\n', '3500', 1), 'read in mm (units kN mm): 3500 mm = 3.5 m (SI)');
      contains(await spec('nu=0.3', 4), '0.3, a plain number');
      contains(await spec('1.35*DEAD', 1), 'a load factor: 1.35');
    });
  });

  describe('bad input never fails', () => {
    it('answers null on an empty document, blank lines, comments and beyond the last line', async () => {
      assert.equal(await hoverAt('', { line: 0, character: 0 }), null);
      assert.equal(await hoverAt('node N1 0 0 0\n\n', { line: 1, character: 0 }), null);
      assert.equal(await hoverAt('node N1 0 0 0 # a comment\n', { line: 0, character: 18 }), null);
      assert.equal(await hoverAt('node N1 0 0 0\n', { line: 7, character: 3 }), null);
      assert.equal(await hoverAt('node N1 0 0 0\n', { line: 0, character: 500 }), null);
    });

    it('still explains what it can on a line with syntax errors', async () => {
      const { text, position } = withCursor('node N1 0 0 0\nnode N2 0 0 1\nmember B1 N1 (( ‸N2\n');
      const h = await hoverAt(text, position);
      // The unbalanced parenthesis keeps "(( N2" in one word: the slot of node j.
      contains((h?.contents as MarkupContent).value, 'End node', 'Value: the name of a node');
      contains(await hoverText(text, 'B1 N1', 4), '**node** N1 at (0, 0, 0) m', 'members: B1 (end i)');
      contains(await hoverText('membr B1 N1 N2 X\nnode N1 0 0 0 ((\n', 'node', 1), 'A node at global coordinates x y z.');
      assert.equal(await hoverAt('frobnicate N1\n', { line: 0, character: 3 }), null);
    });

    it('answers at the end of the file, on the token the cursor touches', async () => {
      const text = 'node N1 0 0 0';
      const h = await hoverAt(text, { line: 0, character: text.length });
      contains((h?.contents as MarkupContent).value, 'read in m (units kN m): 0 m = 0 m (SI)');
      assert.deepEqual(h?.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 13 } });
    });
  });

  it('answers every position of a messy document without an error response', async () => {
    await withDocument(client, MESSY, async (uri) => {
      for (const position of everyPosition(MESSY)) {
        // register.ts turns an exception into an empty answer and a logged "… failed" message.
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      }
    });
    assert.ok(!client.stderr.includes('struktur: hover failed'), client.stderr);
  });
});
