// Incremental re-parsing must give exactly the tree a full parse gives. Checked on seeded random
// edits of every example (edits inside a line, across lines, at block boundaries).
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '../../language-server/src/language/syntax/parser';
import { reparse } from '../../language-server/src/language/syntax/reparse';
import { LineIndex } from '../../language-server/src/language/syntax/range';
import type { Statement, SyntaxTree } from '../../language-server/src/language/syntax/syntax-tree';
import { mulberry32 as rng } from '../support/random';


function dumpStatement(s: Statement): unknown {
  return {
    kw: s.keyword.text, lines: [s.firstLine, s.lastLine], range: s.range,
    tokens: s.tokens.map((t) => `${t.kind}:${t.text}@${t.line}:${t.col}-${t.endCol}${t.spaceBefore ? 's' : ''}`),
    args: s.args.map((a) => a.range), options: s.options.map((o) => [o.key.text, o.range]),
    comments: s.comments.map((c) => `${c.line}:${c.col}:${c.text}`),
    body: s.body?.map(dumpStatement), end: s.end && dumpStatement(s.end),
  };
}

function dump(t: SyntaxTree): unknown {
  return {
    statements: t.statements.map(dumpStatement),
    comments: t.comments.map((c) => `${c.line}:${c.col}:${c.text}`),
    errors: [...t.errors].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character).map((e) => `${e.code}@${e.range.start.line}:${e.range.start.character}:${e.message}`),
  };
}

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const PIECES = ['x', '1', ' ', '=', 'kN', '\\', '#c', '"', 'load L', 'end', 'node N9 1 2 3', '(', ')', ',', '-', '*', 'é', '🏗', '\t', '\r'];

describe('incremental re-parsing', () => {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.struct'));
  it('equals a full parse after thousands of random edits', function () {
    this.timeout(120000);
    const random = rng(42);
    let incremental = 0;
    let total = 0;
    for (const f of files) {
      let text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      let tree = parse(text);
      for (let i = 0; i < 200; i++) {
        const a = Math.floor(random() * text.length);
        const len = random() < 0.7 ? Math.floor(random() * 4) : Math.floor(random() * 60);
        const b = Math.min(text.length, a + len);
        let insert = '';
        const n = Math.floor(random() * 3);
        for (let k = 0; k < n; k++) insert += PIECES[Math.floor(random() * PIECES.length)];
        // Keep the line count most of the time, so the incremental path is exercised.
        if (random() < 0.8) {
          const removedBreaks = text.slice(a, b).split('\n').length - 1;
          insert = insert.replace(/\n/g, '') + '\n'.repeat(removedBreaks);
        }
        const next = text.slice(0, a) + insert + text.slice(b);
        const r = reparse(text, tree, new LineIndex(text), next);
        const expected = parse(next);
        assert.deepEqual(dump(r.tree), dump(expected), `${f}, edit ${i}: [${a}, ${b}) → ${JSON.stringify(insert)}`);
        if (r.splice) incremental++;
        if (r.lines) {
          const fresh = new LineIndex(next);
          assert.equal(r.lines.lineCount, fresh.lineCount);
          for (let k = 0; k < fresh.lineCount; k++) assert.equal(r.lines.lineStart(k), fresh.lineStart(k), `line ${k} start after edit ${i} of ${f}`);
        }
        total++;
        text = next;
        tree = r.tree;
      }
    }
    // Most edits keep the line count and avoid block lines, so most must have been incremental.
    assert.ok(incremental > total / 3, `${incremental} of ${total} edits were incremental`);
  });

  it('reports the replaced and the new statements', () => {
    const text = 'node N1 0 0 0\nnode N2 1 0 0\nload L\n  nodal N2 Fz=-1\nend\n';
    const tree = parse(text);
    const next = text.replace('Fz=-1', 'Fz=-2');
    const r = reparse(text, tree, new LineIndex(text), next);
    assert.ok(r.splice);
    assert.equal(r.splice.parent?.keyword.text, 'load');
    assert.equal(r.splice.removed.length, 1);
    assert.equal(r.splice.added[0].options[0].value!.tokens.map((t) => t.text).join(''), '-2');
    assert.equal(r.tree.statements[0], tree.statements[0]); // untouched statements are kept as they are
  });

  it('parses in full when lines are added or a block line changes', () => {
    const text = 'load L\n  selfweight\nend\n';
    const tree = parse(text);
    assert.equal(reparse(text, tree, new LineIndex(text), text + 'node N 0 0 0\n').splice, undefined);
    assert.equal(reparse(text, tree, new LineIndex(text), text.replace('load L', 'load M')).splice, undefined);
  });
});
