import { strict as assert } from 'node:assert';
import { parse } from '../../language-server/src/language/syntax/parser';
import type { Expr } from '../../language-server/src/language/syntax/syntax-tree';

function show(e: Expr): string {
  switch (e.kind) {
    case 'number': return `${e.value}${e.unitText ?? ''}`;
    case 'name': return e.name;
    case 'string': return JSON.stringify(e.value);
    case 'unary': return `(${e.op}${show(e.operand)})`;
    case 'binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'paren': return show(e.expr);
    case 'error': return '<error>';
  }
}

describe('parser', () => {
  it('splits positional arguments and options, in any order of options', () => {
    const t = parse('member B2 N3 N5 IPE300 hinge=j roll=90deg release_i=My,Mz');
    const s = t.statements[0];
    assert.equal(s.keyword.text, 'member');
    assert.deepEqual(s.args.map((a) => a.items.map(show).join(',')), ['B2', 'N3', 'N5', 'IPE300']);
    assert.deepEqual(s.options.map((o) => [o.key.text, o.value!.items.map(show).join(',')]), [['hinge', 'j'], ['roll', '90deg'], ['release_i', 'My,Mz']]);
    assert.deepEqual(t.errors, []);
  });

  it('parses expressions with precedence, unary minus and parentheses with spaces', () => {
    const t = parse('node N5 2*bay -h/2 (a + 3 * (b - 1))');
    assert.deepEqual(t.statements[0].args.slice(1).map((a) => show(a.items[0])), ['(2 * bay)', '((-h) / 2)', '(a + (3 * (b - 1)))']);
  });

  it('reads trapezoid lists with negative values', () => {
    const t = parse('trapezoid B1 Fz=-2,-5');
    assert.deepEqual(t.statements[0].options[0].value!.items.map(show), ['(-2)', '(-5)']);
  });

  it('reads let with spaces and combination expressions up to the first option', () => {
    const t = parse('let bay = 2 * 3m\ncombination SLS1 DEAD + 0.5*LIVE - WIND type=SLS');
    assert.equal(show(t.statements[0].expression!), '(2 * 3m)');
    const c = t.statements[1];
    assert.equal(show(c.expression!), '((DEAD + (0.5 * LIVE)) - WIND)');
    assert.deepEqual(c.options.map((o) => o.key.text), ['type']);
  });

  it('builds load blocks with their body and end', () => {
    const t = parse('load DEAD "Self weight" category=permanent\n  selfweight\n  uniform B1 Fz=-4\nend\nnode N1 0 0 0');
    assert.equal(t.statements.length, 2);
    const load = t.statements[0];
    assert.deepEqual(load.body!.map((s) => s.keyword.text), ['selfweight', 'uniform']);
    assert.equal(load.end!.keyword.text, 'end');
    assert.equal(load.range.end.line, 3);
    assert.deepEqual(t.errors, []);
  });

  it('reports one diagnostic for an unclosed load block and keeps the following statements', () => {
    const t = parse('load DEAD\n  selfweight\nnode N1 0 0 0\nnode N2 1 0 0');
    assert.equal(t.errors.length, 1);
    assert.equal(t.errors[0].code, 'S1004');
    assert.deepEqual(t.statements.map((s) => s.keyword.text), ['load', 'node', 'node']);
  });

  it('recovers at the next line: one typo, one diagnostic', () => {
    const t = parse('node N1 0 0 0\nnode N2 (1 0 0\nnode N3 2 0 0\nmember M1 N1 N2 S = 3');
    assert.equal(t.statements.length, 4);
    assert.deepEqual(t.errors.map((e) => [e.code, e.range.start.line]), [['S1009', 1], ['S1001', 3]]);
  });

  it('gives exact ranges for every argument across a continuation', () => {
    const t = parse('node N1 \\\n   1.5m 0 0');
    const s = t.statements[0];
    assert.deepEqual(s.args[1].range, { start: { line: 1, character: 3 }, end: { line: 1, character: 7 } });
    assert.equal(s.firstLine, 0);
    assert.equal(s.lastLine, 1);
  });

  it('keeps comments on statements and on their own lines', () => {
    const t = parse('# header\nnode N1 0 0 0 # origin\n');
    assert.equal(t.comments[0].text, '# header');
    assert.equal(t.statements[0].comments[0].text, '# origin');
  });

  it('handles empty and whitespace-only documents', () => {
    assert.deepEqual(parse('').statements, []);
    assert.deepEqual(parse('   \n\t\n').errors, []);
  });
});
