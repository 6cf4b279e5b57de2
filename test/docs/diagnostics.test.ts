// docs/diagnostics.md documents every diagnostic code: an anchor and a heading with the code's
// title and severity, and for the language codes an example model whose documented message is
// exactly what the language layer reports for it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../language-server/src/language/workspace';
import { CODES } from '../../language-server/src/language/semantic/codes';
import { CODE_TITLES } from '../../language-server/src/language/semantic/code-titles';
import { REPO } from '../support/corpus';

const DOC = fs.readFileSync(path.join(REPO, 'docs', 'diagnostics.md'), 'utf8');
const WARNINGS = new Set<string>([CODES.coincidentNodes, CODES.unconnectedNode, CODES.emptyGroup, CODES.illConditioned]);

interface Section {
  code: string;
  heading: string;
  severity: string;
  example?: string;
  message?: { line: number; character: number; text: string };
}

function sections(): Section[] {
  const parts = DOC.split(/^<a id="(s\d{4})"><\/a>\n/m);
  const out: Section[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1];
    const heading = /^## (.*)$/m.exec(body)?.[1] ?? '';
    const severity = /^\*\*Severity:\*\* (\w+)/m.exec(body)?.[1] ?? '';
    const example = /```struct\n([\s\S]*?)```/.exec(body)?.[1];
    const m = /^Message \(at (\d+):(\d+)\): `([^`]*)`/m.exec(body);
    out.push({
      code: parts[i].toUpperCase(), heading, severity, example,
      message: m ? { line: Number(m[1]) - 1, character: Number(m[2]) - 1, text: m[3] } : undefined,
    });
  }
  return out;
}

describe('docs/diagnostics.md', () => {
  const docs = sections();

  it('has an anchor, a heading with the title and the severity for every code, in code order', () => {
    const codes = Object.values(CODES);
    assert.deepEqual(docs.map((s) => s.code), [...codes].sort());
    for (const s of docs) {
      assert.equal(s.heading, `${s.code} ${CODE_TITLES[s.code]}`);
      assert.equal(s.severity, WARNINGS.has(s.code) ? 'warning' : 'error', s.code);
      const row = `| [${s.code}](#${s.code.toLowerCase()}) | ${CODE_TITLES[s.code]} | ${s.severity} |`;
      assert.ok(DOC.split('\n').includes(row), `table row ${row}`);
    }
  });

  describe('examples of the language codes give the documented message', () => {
    for (const s of docs) {
      // Includes need files around them, the analysis a solver: the golden corpus and the
      // analysis tests cover those.
      if (!/^S1[0-5]/.test(s.code)) continue;
      it(s.code, () => {
        assert.ok(s.example && s.message, 'an example and a "Message (at L:C)" line');
        const file = path.join(os.tmpdir(), 'struktur-docs-example.struct');
        const ws = new Workspace({ root: os.tmpdir() });
        const uri = pathToFileURL(file).toString();
        ws.setDocument(uri, s.example);
        const found = ws.model(uri).diagnostics.filter((d) => d.code === s.code);
        const brief = found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
        assert.ok(
          found.some((d) => d.message === s.message!.text && d.range.start.line === s.message!.line && d.range.start.character === s.message!.character),
          `expected ${s.message.line + 1}:${s.message.character + 1} ${s.message.text}\ngot ${JSON.stringify(brief)}`,
        );
      });
    }
  });
});
