import { strict as assert } from 'node:assert';
import { lex } from '../../language-server/src/language/syntax/lexer';

const kinds = (text: string) => lex(text).flatMap((l) => l.tokens.map((t) => `${t.kind}:${t.text}`));

describe('lexer', () => {
  it('glues units to numbers, including compound units', () => {
    assert.deepEqual(kinds('E=210GPa w=5kN/m k=5000kN*m/rad r=7850kg/m3 a=53.8cm2 p=50%'), [
      'ident:E', 'equals:=', 'number:210GPa', 'ident:w', 'equals:=', 'number:5kN/m', 'ident:k', 'equals:=', 'number:5000kN*m/rad',
      'ident:r', 'equals:=', 'number:7850kg/m3', 'ident:a', 'equals:=', 'number:53.8cm2', 'ident:p', 'equals:=', 'number:50%',
    ]);
  });

  it('stops a unit before an operator followed by a name that is not a unit (2m*bay)', () => {
    assert.deepEqual(kinds('2m*bay 6m/2 2*bay'), ['number:2m', 'star:*', 'ident:bay', 'number:6m', 'slash:/', 'number:2', 'number:2', 'star:*', 'ident:bay']);
  });

  it('reads exponents and leading dots', () => {
    assert.deepEqual(kinds('2e5kN/m .5 1.5E-3'), ['number:2e5kN/m', 'number:.5', 'number:1.5E-3']);
    const t = lex('2e5kN/m')[0].tokens[0];
    assert.equal(t.numberLength, 3);
  });

  it('records whitespace before tokens, positions in UTF-16 units', () => {
    const [line] = lex('node  N1 (2 * a)');
    assert.deepEqual(line.tokens.map((t) => [t.text, t.col, t.endCol, t.spaceBefore]), [
      ['node', 0, 4, false], ['N1', 6, 8, true], ['(', 9, 10, true], ['2', 10, 11, false], ['*', 12, 13, true], ['a', 14, 15, true], [')', 15, 16, false],
    ]);
    const [u] = lex('model "𝛼β" x');
    assert.equal(u.tokens[2].col, 12); // "𝛼" is two UTF-16 units: m o d e l _ " 𝛼𝛼 β " _ x
  });

  it('handles strings with escapes and reports an unterminated one', () => {
    const [l] = lex('model "a \\"quoted\\" \\\\ name"');
    assert.equal(l.tokens[1].value, 'a "quoted" \\ name');
    const [bad] = lex('model "open\nnode N1 0 0 0');
    assert.equal(bad.tokens[1].value, undefined);
    assert.equal(bad.errors.length, 1);
  });

  it('splits comments off and joins continued lines', () => {
    const lines = lex('node N1 \\\n  0 0 0 # here\n# only a comment\n');
    assert.equal(lines[0].tokens.length, 5);
    assert.equal(lines[0].firstLine, 0);
    assert.equal(lines[0].lastLine, 1);
    assert.equal(lines[0].tokens[2].line, 1);
    assert.equal(lines[0].comments[0].text, '# here');
    assert.equal(lines[1].tokens.length, 0);
    assert.equal(lines[1].comments[0].text, '# only a comment');
  });

  it('accepts CRLF line endings', () => {
    const lines = lex('node N1 0 0 0\r\nnode N2 1 0 0\r\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[1].tokens[0].line, 1);
    assert.deepEqual(lines[0].tokens.map((t) => t.text), ['node', 'N1', '0', '0', '0']);
  });

  it('turns unexpected characters into one invalid token each, keeping surrogate pairs whole', () => {
    const [l] = lex('node N1 0 0 0 ; 🏗');
    assert.deepEqual(l.tokens.filter((t) => t.kind === 'invalid').map((t) => [t.text, t.endCol - t.col]), [[';', 1], ['🏗', 2]]);
    assert.equal(l.errors.length, 2);
  });

  it('rejects a backslash that is not at the end of a line', () => {
    const [l] = lex('node N1 \\ 0 0 0');
    assert.equal(l.errors.length, 1);
    assert.match(l.errors[0].message, /end of a line/);
  });
});
