// Document and workspace symbols through the real server process, and the outline of a
// 100k-member file computed in memory.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { Workspace } from '../../language-server/src/language/workspace';
import { documentSymbols } from '../../language-server/src/features/document-symbols';
import { MAX_WORKSPACE_SYMBOLS } from '../../language-server/src/features/workspace-symbols';
import { EXAMPLES, openAndWait, startServer, uriOf, until } from '../support/lsp';

const range = (line: number, start: number, endLine: number, end: number) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

const SymbolKindName: Record<number, string> = Object.fromEntries(Object.entries(SymbolKind).map(([k, v]) => [v, k]));

/** name, kind, detail, and the children indented, one string each. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.name} | ${SymbolKindName[s.kind]} | ${s.detail ?? ''}`, ...outline(s.children ?? [], `${indent}  `)]);
}



describe('symbols', function () {
  let dir: string;
  let client: LspProcessClient;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-symbols-'));
    fs.writeFileSync(path.join(dir, 'a-common.struct'), 'material S355 grade=S355\nnode N1 0 0 0\nnode AC1 1 0 0\n');
    fs.writeFileSync(path.join(dir, 'b-main.struct'), 'include "a-common.struct"\nnode N2 0 0 3\nmember C1 N1 N2 IPE300\nsection IPE300 material=S355 catalog=IPE300\n');
    fs.writeFileSync(path.join(dir, 'c-other.struct'), 'node N3 4 0 0\nnode NB 5 0 0\nmember B1 N3 NB SEC\ngroup Beams B1\n');
    const many = Array.from({ length: 400 }, (_, i) => `node P${i} ${i} 0 0`).join('\n');
    fs.writeFileSync(path.join(dir, 'd-many.struct'), `${many}\n`);
    client = await startServer(dir);
  });

  after(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const docSymbols = (uri: string) => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
  const wsSymbols = (query: string) => client.connection.sendRequest('workspace/symbol', { query }) as Promise<SymbolInformation[]>;

  describe('document symbols', function () {
    // Opened documents join the workspace symbols: close them again.
    const opened: string[] = [];
    const open = async (name: string, text: string) => {
      const uri = uriOf(path.join(dir, name));
      opened.push(uri);
      return { uri, diagnostics: await openAndWait(client, uri, text) };
    };
    after(async function () {
      for (const uri of opened) await client.close(uri);
    });

    it('outlines the specification example: every declaration, support and check, loads under their case', async function () {
      const text = fs.readFileSync(path.join(EXAMPLES, 'portal-two-bay.struct'), 'utf8');
      const { uri, diagnostics } = await open('portal.struct', text);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(outline(await docSymbols(uri)), [
        'bay | Constant | = 6m',
        'h | Constant | = 3.5m',
        'S355 | Class | E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa',
        'C30 | Class | E=33GPa G=13.75GPa density=2500kg/m3',
        'S235 | Class | grade=S235',
        'IPE300 | Struct | IPE300 · S355',
        'COL | Struct | HEB200 · S355',
        'R300 | Struct | rect · C30',
        'CHS | Struct | pipe · S355',
        'CUSTOM | Struct | properties · S355',
        'N1 | Field | (0, 0, 0) m',
        'N2 | Field | (0, 0, 3.5) m',
        'N3 | Field | (6, 0, 3.5) m',
        'N4 | Field | (6, 0, 0) m',
        'N5 | Field | (12, 0, 3.5) m',
        'N6 | Field | (12, 0, 0) m',
        'C1 | Object | N1 → N2 · COL',
        'B1 | Object | N2 → N3 · IPE300',
        'C2 | Object | N4 → N3 · COL',
        'B2 | Object | N3 → N5 · IPE300',
        'C3 | Object | N6 → N5 · COL',
        'X1 | Object | N1 → N3 · CHS · truss',
        'support N1 | Key | fixed',
        'support N4 | Key | pinned',
        'support N6 | Key | x y rz kz=2e5kN/m kry=5000kN*m/rad',
        'Beams | Array | B1 B2',
        'DEAD | Event | permanent · Self weight and finishes',
        '  selfweight | Property | ',
        '  uniform Beams | Property | Fz=-4kN/m',
        'LIVE | Event | imposed',
        '  uniform B1 | Property | Fz=-6 from=1m to=5m',
        '  point B2 | Property | Fz=-12kN at=50%',
        '  trapezoid B1 | Property | Fz=-2,-5',
        '  nodal N2 | Property | Fx=8kN My=2kN*m',
        'SETTLE | Event | other',
        '  displacement N4 | Property | z=-10mm',
        'ULS1 | Operator | 1.35*DEAD + 1.5*LIVE',
        'SLS1 | Operator | DEAD + LIVE type=SLS',
        'check stress | Function | limit=1.0 combinations=ULS1',
        'check deflection | Function | limit=L/300 members=Beams combinations=SLS1',
      ]);
    });

    it('gives the statement as range and the name as selection range', async function () {
      const text = [
        'units kN mm', // 0
        'node A 1000 0 2500 # top', // 1
        'member M1 A \\', // 2
        '  B S', // 3
        'load L1 "Wind" category=wind', // 4
        '  nodal A Fx=1', // 5
        '  selfweight 1.1', // 6
        'end', // 7
        'let k = (2 * 3)', // 8
        '',
      ].join('\n');
      const { uri } = await open('ranges.struct', text);
      assert.deepEqual(await docSymbols(uri), [
        { name: 'A', kind: SymbolKind.Field, detail: '(1000, 0, 2500) mm', range: range(1, 0, 1, 18), selectionRange: range(1, 5, 1, 6) },
        { name: 'M1', kind: SymbolKind.Object, detail: 'A → B · S', range: range(2, 0, 3, 5), selectionRange: range(2, 7, 2, 9) },
        {
          name: 'L1', kind: SymbolKind.Event, detail: 'wind · Wind', range: range(4, 0, 7, 3), selectionRange: range(4, 5, 4, 7),
          children: [
            { name: 'nodal A', kind: SymbolKind.Property, detail: 'Fx=1', range: range(5, 2, 5, 14), selectionRange: range(5, 8, 5, 9) },
            { name: 'selfweight', kind: SymbolKind.Property, detail: '1.1', range: range(6, 2, 6, 16), selectionRange: range(6, 2, 6, 12) },
          ],
        },
        { name: 'k', kind: SymbolKind.Constant, detail: '= (2 * 3)', range: range(8, 0, 8, 15), selectionRange: range(8, 4, 8, 5) },
      ]);
    });

    it('keeps the loads of an unclosed load case inside its range', async function () {
      const text = 'load L1\n  selfweight\n  nodal A Fz=-1\n';
      const { uri } = await open('unclosed.struct', text);
      const [l1] = await docSymbols(uri);
      assert.deepEqual(l1.range, range(0, 0, 2, 15));
      assert.deepEqual(l1.children!.map((c) => c.name), ['selfweight', 'nodal A']);
    });

    it('skips statements that declare no name yet, and answers [] on bad input', async function () {
      const text = 'node\nmember 12 A B S\nnode N1 0 0 0\nfoo bar\n';
      const { uri } = await open('partial.struct', text);
      assert.deepEqual((await docSymbols(uri)).map((s) => s.name), ['N1']);
      const { uri: empty } = await open('empty.struct', '');
      assert.deepEqual(await docSymbols(empty), []);
      assert.deepEqual(await docSymbols('file:///nowhere/missing.struct'), []);
    });
  });

  describe('workspace symbols', function () {
    const brief = (list: SymbolInformation[]) => list.map((s) => `${s.name} ${SymbolKindName[s.kind]} ${path.basename(s.location.uri)}:${s.location.range.start.line}`);

    before(async function () {
      // Files are indexed at startup, in the background: wait until the last one is known.
      assert.equal((await until(() => wsSymbols('p399'), (l) => l.length === 1)).length, 1);
    });

    it('finds declarations of files that are not open, by case-insensitive subsequence', async function () {
      assert.deepEqual(brief(await wsSymbols('n')), [
        'N1 Field a-common.struct:1', 'N2 Field b-main.struct:1', 'N3 Field c-other.struct:0', 'NB Field c-other.struct:1',
      ]);
      assert.deepEqual(brief(await wsSymbols('ipe')), ['IPE300 Struct b-main.struct:3']);
      assert.deepEqual(brief(await wsSymbols('bms')), ['Beams Array c-other.struct:3']);
      assert.deepEqual(brief(await wsSymbols('S355')), ['S355 Class a-common.struct:0']);
      assert.deepEqual(brief(await wsSymbols('zz')), []);
    });

    it('puts exact matches first, then prefixes, then the rest', async function () {
      assert.deepEqual(brief(await wsSymbols('c1')), ['C1 Object b-main.struct:2', 'AC1 Field a-common.struct:2']);
      assert.deepEqual(brief(await wsSymbols('b')), ['B1 Object c-other.struct:2', 'Beams Array c-other.struct:3', 'NB Field c-other.struct:1']);
    });

    it('answers locations at the names, with the file as container', async function () {
      const [n2] = await wsSymbols('N2');
      assert.deepEqual(n2, {
        name: 'N2', kind: SymbolKind.Field, containerName: 'b-main.struct',
        location: { uri: uriOf(path.join(dir, 'b-main.struct')), range: range(1, 5, 1, 7) },
      });
    });

    it('caps the list', async function () {
      assert.equal(MAX_WORKSPACE_SYMBOLS, 300);
      assert.equal((await wsSymbols('')).length, 300);
      assert.equal((await wsSymbols('p')).length, 300);
      assert.deepEqual(brief(await wsSymbols('p12')).slice(0, 2), ['P12 Field d-many.struct:12', 'P120 Field d-many.struct:120']);
    });
  });

  describe('on a 100k-member file (in memory)', function () {
    this.timeout(180000);

    it('lists every declaration once', function () {
      const lines = ['material S355 grade=S355', 'section IPE300 material=S355 catalog=IPE300'];
      for (let i = 0; i < 1000; i++) lines.push(`node N${i} ${i} 0 0`);
      for (let i = 0; i < 100000; i++) lines.push(`member M${i} N${i % 1000} N${(i + 1) % 1000} IPE300`);
      lines.push('support N0 fixed');
      const ws = new Workspace();
      const uri = 'file:///big.struct';
      ws.setDocument(uri, `${lines.join('\n')}\n`);
      const symbols = documentSymbols({ workspace: ws }, { textDocument: { uri } });
      assert.equal(symbols.length, 2 + 1000 + 100000 + 1);
      assert.deepEqual(symbols[1002], { name: 'M0', kind: SymbolKind.Object, detail: 'N0 → N1 · IPE300', range: range(1002, 0, 1002, 22), selectionRange: range(1002, 7, 1002, 9) });
      assert.equal(symbols[101001].detail, 'N999 → N0 · IPE300');
      assert.equal(symbols[1001].detail, '(999, 0, 0) m');
    });
  });
});
