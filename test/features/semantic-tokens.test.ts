// Semantic tokens through the real server process: the legend the server announces, and the
// decoded tokens of documents with every kind of name, unit and comment.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { EXAMPLES, SERVER, uriOf } from '../support/lsp';

interface Decoded {
  line: number;
  char: number;
  length: number;
  text: string;
  type: string;
  mods: string[];
}

function decode(data: number[], legend: SemanticTokensLegend, text: string): Decoded[] {
  const lines = text.split(/\r?\n/);
  const out: Decoded[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = legend.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k));
    out.push({ line, char, length: data[i + 2], text: lines[line].substr(char, data[i + 2]), type: legend.tokenTypes[data[i + 3]], mods });
  }
  return out;
}

/** "text type mod,mod" for every token of a line. */
function lineTokens(tokens: Decoded[], line: number): string[] {
  return tokens.filter((t) => t.line === line).map((t) => `${t.text} ${t.type}${t.mods.length ? ' ' + t.mods.join(',') : ''}`);
}

describe('semantic tokens', function () {
  let dir: string;
  let client: LspProcessClient;
  let legend: SemanticTokensLegend;
  let n = 0;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-tokens-'));
    client = new LspProcessClient({ command: process.execPath, args: [SERVER, '--stdio'] });
    const init = await client.initialize(uriOf(dir), { initializationOptions: { debounceMs: 0 } });
    const provider = init.capabilities.semanticTokensProvider!;
    legend = provider.legend;
    assert.equal('full' in provider && provider.full, true);
  });

  after(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function tokensOf(text: string): Promise<{ tokens: Decoded[]; data: number[] }> {
    const uri = uriOf(path.join(dir, `doc${n++}.struct`));
    await client.open(uri, text);
    const result = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    await client.close(uri);
    return { tokens: decode(result.data, legend, text), data: result.data };
  }

  /** Tokens sorted, on one line each, not overlapping, and inside their line. */
  function assertWellFormed(tokens: Decoded[], text: string): void {
    const lines = text.split(/\r?\n/);
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      assert.ok(t.length > 0, `empty token at ${t.line}:${t.char}`);
      assert.ok(t.char + t.length <= lines[t.line].length, `token past the end of line ${t.line}`);
      if (k > 0) {
        const p = tokens[k - 1];
        assert.ok(p.line < t.line || p.char + p.length <= t.char, `overlap at ${t.line}:${t.char}`);
      }
    }
  }

  it('announces a legend of standard token types and modifiers', function () {
    assert.deepEqual(legend.tokenTypes, ['keyword', 'type', 'class', 'variable', 'enumMember', 'event', 'parameter', 'number', 'operator', 'string', 'comment', 'macro']);
    assert.deepEqual(legend.tokenModifiers, ['declaration', 'readonly', 'defaultLibrary']);
  });

  it('classifies declarations, references by kind, enum words, units and comments', async function () {
    const text = [
      'units kN m', // 0
      'let bay = 6m # grid', // 1
      'material S355 E=210GPa grade=S355', // 2
      'section IPE300 material=S355 catalog=IPE300', // 3
      'node N1 0 0 0', // 4
      'node N2 bay 0 3.5', // 5
      'member B1 N1 N2 IPE300 hinge=j release_i=My,Mz', // 6
      'group Beams B1', // 7
      'support N1 fixed kz=2e5kN/m', // 8
      'load DEAD "Dead" category=permanent', // 9
      '  uniform Beams local Fz=-4kN/m', // 10
      'end', // 11
      'combination ULS1 1.35*DEAD type=ULS', // 12
      'check deflection limit=L/300 members=Beams combinations=ULS1', // 13
      '# closing remark', // 14
      '',
    ].join('\n');
    const { tokens } = await tokensOf(text);
    assertWellFormed(tokens, text);
    assert.deepEqual(lineTokens(tokens, 0), ['units keyword', 'kN macro', 'm macro']);
    assert.deepEqual(lineTokens(tokens, 1), ['let keyword', 'bay variable declaration,readonly', '= operator', '6 number', 'm macro', '# grid comment']);
    assert.deepEqual(lineTokens(tokens, 2), ['material keyword', 'S355 type declaration', 'E parameter', '= operator', '210 number', 'GPa macro', 'grade parameter', '= operator', 'S355 type defaultLibrary']);
    assert.deepEqual(lineTokens(tokens, 3), ['section keyword', 'IPE300 type declaration', 'material parameter', '= operator', 'S355 type', 'catalog parameter', '= operator', 'IPE300 type defaultLibrary']);
    assert.deepEqual(lineTokens(tokens, 4), ['node keyword', 'N1 variable declaration', '0 number', '0 number', '0 number']);
    assert.deepEqual(lineTokens(tokens, 5), ['node keyword', 'N2 variable declaration', 'bay variable readonly', '0 number', '3.5 number']);
    assert.deepEqual(lineTokens(tokens, 6), [
      'member keyword', 'B1 class declaration', 'N1 variable', 'N2 variable', 'IPE300 type',
      'hinge parameter', '= operator', 'j enumMember', 'release_i parameter', '= operator', 'My enumMember', 'Mz enumMember',
    ]);
    assert.deepEqual(lineTokens(tokens, 7), ['group keyword', 'Beams class declaration', 'B1 class']);
    assert.deepEqual(lineTokens(tokens, 8), ['support keyword', 'N1 variable', 'fixed enumMember', 'kz parameter', '= operator', '2e5 number', 'kN/m macro']);
    assert.deepEqual(lineTokens(tokens, 9), ['load keyword', 'DEAD event declaration', '"Dead" string', 'category parameter', '= operator', 'permanent enumMember']);
    assert.deepEqual(lineTokens(tokens, 10), ['uniform keyword', 'Beams class', 'local keyword', 'Fz parameter', '= operator', '- operator', '4 number', 'kN/m macro']);
    assert.deepEqual(lineTokens(tokens, 11), ['end keyword']);
    assert.deepEqual(lineTokens(tokens, 12), [
      'combination keyword', 'ULS1 event declaration', '1.35 number', '* operator', 'DEAD event', 'type parameter', '= operator', 'ULS enumMember',
    ]);
    assert.deepEqual(lineTokens(tokens, 13), [
      'check keyword', 'deflection enumMember', 'limit parameter', '= operator', 'L variable readonly,defaultLibrary', '/ operator', '300 number',
      'members parameter', '= operator', 'Beams class', 'combinations parameter', '= operator', 'ULS1 event',
    ]);
    assert.deepEqual(lineTokens(tokens, 14), ['# closing remark comment']);
  });

  it('colours a reference by the kind it resolved to, and an unknown one by its slot', async function () {
    const text = [
      'node A 0 0 0',
      'node B 1 0 0',
      'member M1 A B S',
      'member M2 A MISSING S',
      'group G M1',
      'group H G M2',
      'load L1',
      'end',
      'combination C1 L1',
      'combination C2 C1 + 2*L1',
      'check stress combinations=C2,L1 members=H',
      'section S catalog=IPE200',
      '',
    ].join('\n');
    const { tokens } = await tokensOf(text);
    assertWellFormed(tokens, text);
    assert.deepEqual(lineTokens(tokens, 3), ['member keyword', 'M2 class declaration', 'A variable', 'MISSING variable', 'S type']);
    assert.deepEqual(lineTokens(tokens, 5), ['group keyword', 'H class declaration', 'G class', 'M2 class']);
    assert.deepEqual(lineTokens(tokens, 9), ['combination keyword', 'C2 event declaration', 'C1 event', '+ operator', '2 number', '* operator', 'L1 event']);
    assert.deepEqual(lineTokens(tokens, 10), [
      'check keyword', 'stress enumMember', 'combinations parameter', '= operator', 'C2 event', 'L1 event', 'members parameter', '= operator', 'H class',
    ]);
  });

  it('keeps tokens of a continued statement on their own lines, in order, with the comment after the backslash', async function () {
    const text = ['section CUSTOM material=S355 \\ # properties follow', '  A=53.8cm2 \\', '  Iy=8356cm4', 'material S355 E=210GPa', ''].join('\n');
    const { tokens } = await tokensOf(text);
    assertWellFormed(tokens, text);
    assert.deepEqual(tokens.slice(0, 11).map((t) => `${t.line}:${t.char} ${t.text} ${t.type}`), [
      '0:0 section keyword',
      '0:8 CUSTOM type',
      '0:15 material parameter',
      '0:23 = operator',
      '0:24 S355 type',
      '0:31 # properties follow comment',
      '1:2 A parameter',
      '1:3 = operator',
      '1:4 53.8 number',
      '1:8 cm2 macro',
      '2:2 Iy parameter',
    ]);
    assert.deepEqual(tokens[1].mods, ['declaration']);
  });

  it('answers an empty document, a comment-only document and broken lines without an error', async function () {
    assert.deepEqual((await tokensOf('')).data, []);
    const comments = '# one\n\n   # two  \n';
    const c = await tokensOf(comments);
    assert.deepEqual(c.tokens.map((t) => `${t.line}:${t.char} ${t.text} ${t.type}`), ['0:0 # one comment', '2:3 # two   comment']);
    const broken = ['node N1 0 0 "open', '12 bogus # after a bad start', 'member = = =', 'nod N2 1 0 0', 'load X', '  point', 'let = 3', '\u00a7 # odd', ''].join('\n');
    const b = await tokensOf(broken);
    assertWellFormed(b.tokens, broken);
    assert.deepEqual(lineTokens(b.tokens, 0), ['node keyword', 'N1 variable declaration', '0 number', '0 number', '"open string']);
    assert.deepEqual(lineTokens(b.tokens, 1), ['# after a bad start comment']);
    // An unknown statement word is no keyword; its numbers still are numbers.
    assert.deepEqual(lineTokens(b.tokens, 3), ['1 number', '0 number', '0 number']);
  });

  it('tokenizes every example well-formed, with every name of the specification example classified', async function () {
    const files = fs.readdirSync(EXAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith('.struct'));
    assert.ok(files.length > 0);
    for (const f of files) {
      const text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      const { tokens } = await tokensOf(text);
      assertWellFormed(tokens, text);
      assert.ok(tokens.length > 0, f);
    }
    const portal = fs.readFileSync(path.join(EXAMPLES, 'portal-two-bay.struct'), 'utf8');
    const { tokens } = await tokensOf(portal);
    const declared = tokens.filter((t) => t.mods.includes('declaration')).map((t) => `${t.text} ${t.type}`);
    assert.deepEqual(declared, [
      'bay variable', 'h variable', 'S355 type', 'C30 type', 'S235 type', 'IPE300 type', 'COL type', 'R300 type', 'CHS type', 'CUSTOM type',
      'N1 variable', 'N2 variable', 'N3 variable', 'N4 variable', 'N5 variable', 'N6 variable',
      'C1 class', 'B1 class', 'C2 class', 'B2 class', 'C3 class', 'X1 class', 'Beams class', 'DEAD event', 'LIVE event', 'SETTLE event', 'ULS1 event', 'SLS1 event',
    ]);
    // Every identifier outside comments and strings has a class.
    const lines = portal.split('\n');
    const covered = new Set(tokens.flatMap((t) => Array.from({ length: t.length }, (_, k) => `${t.line}:${t.char + k}`)));
    lines.forEach((line, l) => {
      const code = line.replace(/#.*$/, '').replace(/"[^"]*"/g, (s) => ' '.repeat(s.length));
      for (const m of code.matchAll(/(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*/g)) assert.ok(covered.has(`${l}:${m.index}`), `unclassified "${m[0]}" at ${l + 1}:${m.index! + 1}`);
    });
  });
});
