// Completion through the real server process: keywords by context (top level, inside a load
// block, on a line that does not parse yet), names of the right kind per slot, option keys,
// enum words, units after a number, catalogue sections and grades, snippets, and bad input.
import assert from 'node:assert/strict';
import {
  CompletionItemKind, CompletionRequest, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { startServer } from '../support/lsp';
import { everyPosition, MESSY, SPEC_MODEL, withCursor, withDocument } from './editing.fixture';

let client: LspProcessClient;

async function completeAt(text: string, position: { line: number; character: number }, trigger?: string): Promise<CompletionItem[]> {
  return withDocument(client, text, async (uri) => {
    const r = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : { triggerKind: CompletionTriggerKind.Invoked },
    })) as CompletionItem[] | CompletionList | null;
    assert.ok(r !== null, 'completion answered null');
    return Array.isArray(r) ? r : r.items;
  });
}

/** Completion at the `‸` of `marked`. */
async function complete(marked: string, trigger?: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(marked);
  return completeAt(text, position, trigger);
}

/** Completion at the `‸` of a line appended to the spec example. */
function completeAfterModel(line: string, trigger?: string): Promise<CompletionItem[]> {
  return complete(SPEC_MODEL + line, trigger);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string, kind?: CompletionItemKind) => {
  const found = items.find((i) => i.label === label && (kind === undefined || i.kind === kind));
  assert.ok(found, `no item "${label}" in ${JSON.stringify(labels(items))}`);
  return found;
};
const has = (items: CompletionItem[], ...want: string[]) => {
  const got = labels(items);
  for (const w of want) assert.ok(got.includes(w), `expected "${w}" in ${JSON.stringify(got)}`);
};
const lacks = (items: CompletionItem[], ...unwanted: string[]) => {
  const got = labels(items);
  for (const w of unwanted) assert.ok(!got.includes(w), `did not expect "${w}" in ${JSON.stringify(got)}`);
};
const docText = (i: CompletionItem) => (typeof i.documentation === 'string' ? i.documentation : i.documentation?.value ?? '');

describe('completion (LSP)', function () {
  this.timeout(30000);

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  describe('statement keywords', () => {
    it('offers the top-level keywords at the start of a line', async () => {
      const items = await completeAfterModel('‸');
      has(items, 'model', 'units', 'let', 'material', 'section', 'node', 'member', 'support', 'group', 'load', 'combination', 'check');
      lacks(items, 'uniform', 'selfweight', 'end');
      assert.equal(item(items, 'member', CompletionItemKind.Keyword).detail, 'member name i j section [roll=…] [hinge=…] [release_i=…] [release_j=…] [type=…]');
      assert.match(docText(item(items, 'member', CompletionItemKind.Keyword)), /A member from node i to node j with a section\./);
    });

    it('offers the load keywords and end inside a load block', async () => {
      const items = await complete('node N1 0 0 0\nload DEAD\n  selfweight\n  ‸\nend\n');
      has(items, 'selfweight', 'nodal', 'uniform', 'point', 'trapezoid', 'displacement', 'end');
      lacks(items, 'node', 'member', 'load', 'combination');
    });

    it('knows a half-typed line (which does not parse yet) is still inside the block', async () => {
      const items = await complete('load DEAD\n  selfweight\n  uni‸\nend\n');
      has(items, 'uniform', 'point', 'end');
      lacks(items, 'node', 'member');
      const uniform = item(items, 'uniform', CompletionItemKind.Keyword);
      assert.deepEqual((uniform.textEdit as TextEdit).range, { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } });
    });

    it('is inside an unclosed block at the end of the file, and outside after end', async () => {
      has(await complete('load DEAD\n  selfweight\n‸'), 'uniform', 'end');
      const after = await complete('load DEAD\n  selfweight\nend\n‸');
      has(after, 'node', 'load');
      lacks(after, 'uniform', 'end');
    });

    it('offers statement snippets built from the schema', async () => {
      const items = await completeAfterModel('‸');
      const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet);
      assert.ok(snippets.every((s) => s.insertTextFormat === InsertTextFormat.Snippet));
      const member = snippets.find((s) => s.filterText === 'member');
      assert.ok(member);
      // The new name follows the most common numbered prefix (C1…C3).
      assert.equal((member.textEdit as TextEdit).newText, 'member ${1:C4} ${2|N1,N2,N3,N4,N5,N6|} ${3|N1,N2,N3,N4,N5,N6|} ${4|IPE300,COL,R300,CHS,CUSTOM|}$0');
      const node = snippets.find((s) => s.filterText === 'node')!;
      assert.equal((node.textEdit as TextEdit).newText, 'node ${1:N7} ${2:0} ${3:0} ${4:0}$0');
      const load = snippets.find((s) => s.filterText === 'load')!;
      assert.match((load.textEdit as TextEdit).newText, /^load \$\{1:[A-Z]+\d*\} "\$\{2:description\}" category=\$\{3\|permanent,imposed,snow,wind,thermal,accidental,seismic,other\|\}\n\t\$0\nend$/);
    });

    it('offers no snippets when the line already has arguments after the keyword', async () => {
      const items = await complete('mem‸ber B1 N1 N2 IPE300\n');
      has(items, 'member');
      assert.equal(items.filter((i) => i.kind === CompletionItemKind.Snippet).length, 0);
      // At the very start of the keyword, the keyword is replaced rather than typed into.
      const atStart = await complete('‸member B1 N1 N2 IPE300\n');
      assert.deepEqual((item(atStart, 'node').textEdit as TextEdit).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
      assert.equal(atStart.filter((i) => i.kind === CompletionItemKind.Snippet).length, 0);
    });
  });

  describe('names by slot', () => {
    it('offers nodes for member ends, and not the node already used as end i', async () => {
      const i = await completeAfterModel('member M9 ‸');
      has(i, 'N1', 'N2', 'N3', 'N4', 'N5', 'N6');
      lacks(i, 'IPE300', 'B1', 'S355', 'DEAD');
      assert.equal(item(i, 'N3').detail, 'node (6, 0, 3.5) m');
      const j = await completeAfterModel('member M9 N1 ‸');
      has(j, 'N2', 'N6');
      lacks(j, 'N1');
    });

    it('offers sections for the member section and materials for material=', async () => {
      const sec = await completeAfterModel('member M9 N1 N2 ‸');
      assert.deepEqual(labels(sec).filter((l) => !l.endsWith('=')).sort(), ['CHS', 'COL', 'CUSTOM', 'IPE300', 'R300']);
      assert.equal(item(sec, 'COL').detail, 'section: catalogue HEB200, S355');
      const mat = await completeAfterModel('section S9 material=‸');
      assert.deepEqual(labels(mat).sort(), ['C30', 'S235', 'S355']);
    });

    it('offers members and groups as load targets, nodes for nodal loads', async () => {
      const target = await completeAfterModel('load W\n  uniform ‸\nend\n');
      has(target, 'B1', 'B2', 'C1', 'X1', 'Beams');
      lacks(target, 'N1', 'IPE300', 'local');
      assert.equal(item(target, 'Beams').kind, CompletionItemKind.Module);
      const nodal = await completeAfterModel('load W\n  nodal ‸\nend\n');
      has(nodal, 'N1', 'N6');
      lacks(nodal, 'B1', 'Beams');
    });

    it('offers local and the option keys after a load target', async () => {
      const items = await completeAfterModel('load W\n  uniform B1 ‸\nend\n');
      has(items, 'local', 'Fx=', 'Fz=', 'from=', 'to=');
      lacks(items, 'B2', 'at=');
      const pointItems = await completeAfterModel('load W\n  point B1 local Fz=-1 ‸\nend\n');
      has(pointItems, 'at=', 'Fx=');
      lacks(pointItems, 'local', 'Fz=');
    });

    it('offers group members, leaving out those listed and the group itself', async () => {
      const items = await completeAfterModel('group G9 B1 ‸');
      has(items, 'B2', 'C1', 'Beams');
      lacks(items, 'B1', 'G9', 'N1');
    });

    it('offers load cases and combinations in combination terms and check options', async () => {
      const terms = await completeAfterModel('combination ALL 1.2*ULS1 + ‸');
      has(terms, 'DEAD', 'LIVE', 'SETTLE', 'ULS1', 'SLS1', 'type=');
      lacks(terms, 'ALL', 'B1');
      const afterFactor = await completeAfterModel('combination ALL 1.2*‸');
      has(afterFactor, 'DEAD', 'SLS1');
      lacks(afterFactor, 'type=');
      const combos = await completeAfterModel('check stress combinations=ULS1,‸');
      has(combos, 'SLS1', 'DEAD');
      lacks(combos, 'ULS1', 'B1');
      const members = await completeAfterModel('check deflection limit=L/200 members=‸');
      has(members, 'Beams', 'B1', 'C3');
      lacks(members, 'N1', 'ULS1');
    });

    it('offers let constants in quantity slots and in expressions', async () => {
      const items = await completeAfterModel('node N9 2*‸');
      assert.deepEqual(labels(items).sort(), ['bay', 'h']);
      assert.equal(item(items, 'bay').detail, 'constant = 6 m');
    });

    it('offers a fresh name in the style of the existing ones for a new node', async () => {
      const items = await completeAfterModel('node ‸');
      assert.deepEqual(labels(items), ['N7']);
    });
  });

  describe('options and enum values', () => {
    it('offers the option keys not used yet, with "=" and the schema documentation', async () => {
      const items = await completeAfterModel('member M9 N1 N2 COL hinge=j ‸');
      assert.deepEqual(labels(items), ['roll=', 'release_i=', 'release_j=', 'type=']);
      const roll = item(items, 'roll=');
      assert.equal((roll.textEdit as TextEdit).newText, 'roll=');
      assert.equal(docText(roll), 'Rotation of local y and z about x, from y towards z (degrees unless a unit is given)');
      assert.equal(roll.detail, 'an angle; a bare number is read in deg');
      assert.equal(item(items, 'type=').command?.command, 'editor.action.triggerSuggest');
    });

    it('replaces a half-typed key', async () => {
      const items = await completeAfterModel('member M9 N1 N2 COL hin‸');
      const hinge = item(items, 'hinge=');
      const line = SPEC_MODEL.split('\n').length - 1;
      assert.deepEqual((hinge.textEdit as TextEdit).range, { start: { line, character: 20 }, end: { line, character: 23 } });
    });

    it('offers enum words for hinge=, type=, shape= and category=', async () => {
      assert.deepEqual(labels(await completeAfterModel('member M9 N1 N2 COL hinge=‸')), ['i', 'j', 'both']);
      assert.deepEqual(labels(await completeAfterModel('member M9 N1 N2 COL type=‸')), ['frame', 'truss']);
      assert.deepEqual(labels(await completeAfterModel('section S9 material=S355 shape=‸')), ['rect', 'pipe', 'box', 'i']);
      assert.deepEqual(labels(await completeAfterModel('load W category=‸\nend\n')), ['permanent', 'imposed', 'snow', 'wind', 'thermal', 'accidental', 'seismic', 'other']);
      assert.deepEqual(labels(await completeAfterModel('check ‸')), ['stress', 'deflection']);
    });

    it('offers the release names not yet in the list after a comma', async () => {
      const items = await completeAfterModel('member M9 N1 N2 COL release_i=My,‸');
      assert.deepEqual(labels(items), ['N', 'Vy', 'Vz', 'T', 'Mz']);
    });

    it('offers support DOF words not given yet, then springs', async () => {
      const first = await completeAfterModel('support N2 ‸');
      has(first, 'fixed', 'pinned', 'x', 'rz', 'kx=');
      const more = await completeAfterModel('support N2 x z ‸');
      has(more, 'y', 'rx', 'ry', 'rz', 'kx=', 'krz=');
      lacks(more, 'x', 'z', 'fixed', 'pinned');
      assert.equal(item(more, 'ky=').detail, 'a translational spring stiffness (force per length); a bare number is read in kN/m');
    });

    it('offers the units of a units statement', async () => {
      assert.deepEqual(labels(await complete('units ‸')), ['N', 'kN', 'MN', 'lbf', 'kip']);
      assert.deepEqual(labels(await complete('units kN ‸')), ['m', 'mm', 'cm', 'in', 'ft']);
    });

    it('offers deflection limits as L/n', async () => {
      const items = await completeAfterModel('check deflection limit=‸');
      assert.deepEqual(labels(items), ['L/300', 'L/250', 'L/200', 'L/500']);
    });
  });

  describe('units after a number', () => {
    it('offers the stress units after E=210, atoms first, and inserts at the cursor', async () => {
      const items = await completeAfterModel('material M9 E=210‸');
      assert.deepEqual(labels(items).slice(0, 6), ['Pa', 'kPa', 'MPa', 'GPa', 'psi', 'ksi']);
      has(items, 'N/mm2', 'kN/m2');
      lacks(items, 'm', 'kN', 'kN/m', '%');
      const line = SPEC_MODEL.split('\n').length - 1;
      const gpa = item(items, 'GPa');
      assert.deepEqual((gpa.textEdit as TextEdit).range, { start: { line, character: 17 }, end: { line, character: 17 } });
      assert.equal(gpa.detail, 'gigapascal');
      assert.equal(docText(gpa), '210 GPa = 2.1e+11 Pa (SI)');
      assert.equal(item(items, 'kN/m2').detail, 'the unit of a bare number here');
    });

    it('replaces a half-typed unit', async () => {
      const items = await completeAfterModel('material M9 E=210G‸');
      const line = SPEC_MODEL.split('\n').length - 1;
      assert.deepEqual((item(items, 'GPa').textEdit as TextEdit).range, { start: { line, character: 17 }, end: { line, character: 18 } });
    });

    it('offers line-load, length, angle and percentage units by slot', async () => {
      const lineLoad = await completeAfterModel('load W\n  uniform B1 Fz=-5‸\nend\n');
      has(lineLoad, 'kN/m', 'N/m', 'N/mm');
      lacks(lineLoad, 'kN', 'm');
      const coords = await completeAfterModel('node N9 1 2 3‸');
      assert.deepEqual(labels(coords), ['m', 'mm', 'cm', 'in', 'ft']);
      assert.equal(item(coords, 'm').detail, 'metre; the unit of a bare number here');
      assert.deepEqual(labels(await completeAfterModel('member M9 N1 N2 COL roll=90‸')), ['deg', 'rad']);
      const at = await completeAfterModel('load W\n  point B1 Fz=-5 at=50‸\nend\n');
      assert.deepEqual(labels(at), ['%', 'm', 'mm', 'cm', 'in', 'ft']);
      const spring = await completeAfterModel('support N2 x kry=5000‸');
      assert.equal(labels(spring)[0], 'kN*m/rad');
    });

    it('follows the file units for the unit of a bare number', async () => {
      const items = await complete('units N mm\nmaterial M E=210000‸\n');
      assert.equal(item(items, 'N/mm2').detail, 'the unit of a bare number here');
    });
  });

  describe('catalogue and grades', () => {
    it('offers catalogue sections with their properties in cm units', async () => {
      const items = await completeAfterModel('section S9 material=S355 catalog=‸');
      assert.ok(items.length > 300, `only ${items.length} sections`);
      const ipe = item(items, 'IPE300');
      assert.equal(ipe.detail, 'IPE: A = 53.81 cm², Iy = 8356 cm⁴, Wy = 557.1 cm³');
      const doc = docText(ipe);
      assert.match(doc, /h = 300 mm, b = 150 mm, tw = 7\.1 mm, tf = 10\.7 mm, r = 15 mm/);
      assert.match(doc, /A = 53\.81 cm², Iy = 8356 cm⁴, Iz = 603\.8 cm⁴, J = 20\.12 cm⁴, Wy = 557\.1 cm³, Wz = 80\.5 cm³/);
      has(items, 'HEB200', 'UPN200', 'SHS100x5', 'CHS168_3x8');
    });

    it('offers grades, concrete classes written as identifiers', async () => {
      const items = await completeAfterModel('material M9 grade=‸');
      has(items, 'S235', 'S355', 'S460', 'C30_37');
      assert.equal(item(items, 'S355').detail, 'S355 (EN 10025-2): fy = 355 MPa');
      assert.match(docText(item(items, 'C30_37')), /E = 33 GPa/);
    });
  });

  describe('trigger characters', () => {
    it('after a typed space, offers names but no constants or keys', async () => {
      has(await completeAfterModel('member M9 ‸', ' '), 'N1');
      assert.deepEqual(await completeAfterModel('node N9 ‸', ' '), []);
      assert.deepEqual(await completeAfterModel('‸', ' '), []);
      // Invoked explicitly, the same place offers the constants.
      has(await completeAfterModel('node N9 ‸'), 'bay', 'h');
    });
  });

  describe('bad input never fails', () => {
    it('an empty document gets the top-level keywords', async () => {
      const items = await complete('‸');
      has(items, 'model', 'node');
      lacks(items, 'uniform');
    });

    it('a line with syntax errors still completes its slots', async () => {
      const items = await complete('node N1 0 0 0\nnode N2 1 0 0\nmember B1 N1 (( ‸');
      assert.ok(Array.isArray(items));
      const broken = await complete('node N1 0 0 0\n12 member ‸\n');
      assert.deepEqual(broken, []);
      const badKeyword = await complete('frobnicate N1 ‸');
      assert.deepEqual(badKeyword, []);
    });

    it('nothing inside a comment or a string', async () => {
      assert.deepEqual(await complete('node N1 0 0 0 # member ‸'), []);
      assert.deepEqual(await complete('model "Two ‸'), []);
    });

    it('at the end of the file and beyond the last line', async () => {
      has(await complete('node N1 0 0 0\n‸'), 'member');
      const text = 'node N1 0 0 0\n';
      assert.deepEqual(await completeAt(text, { line: 5, character: 0 }), []);
      const far = await completeAt(text, { line: 0, character: 200 });
      assert.ok(Array.isArray(far));
    });

    it('CRLF line ends', async () => {
      const items = await complete('node N1 0 0 0\r\nnode N2 1 0 0\r\nmember M N1 ‸\r\n');
      assert.deepEqual(labels(items), ['N2']);
    });

    it('a line continued with a backslash is one statement', async () => {
      const items = await complete('node N1 0 0 0\nnode N2 1 0 0\nsection S material=M catalog=IPE300\nmember B1 \\\n  N1 N2 ‸\n');
      assert.deepEqual(labels(items).filter((l) => !l.endsWith('=')), ['S']);
    });
  });

  it('answers every position of a messy document without an error response', async () => {
    await withDocument(client, MESSY, async (uri) => {
      for (const position of everyPosition(MESSY)) {
        // register.ts turns an exception into an empty answer and a logged "… failed" message.
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      }
    });
    assert.ok(!client.stderr.includes('struktur: completion failed'), client.stderr);
  });
});
