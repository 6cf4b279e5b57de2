// The golden corpus: every file in test/corpus/invalid is a small model with one realistic slip,
// and NAME.expected.json lists, written by hand, exactly the diagnostics it must produce (code,
// severity, range, message, related locations). Together the files cover every diagnostic code
// of the language layer. The models in test/corpus/valid must produce none.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CODES } from '../../language-server/src/language/semantic/codes';
import { corpusFiles, diagnosticsInMemory, INVALID, readExpected, sortDiagnostics, VALID } from '../support/corpus';

const LANGUAGE_CODES = Object.values(CODES).filter((c) => /^S1\d{3}$/.test(c));

describe('golden corpus (in memory)', () => {
  const files = corpusFiles(INVALID);

  describe('invalid models give exactly the expected diagnostics', () => {
    for (const file of files) {
      it(file, () => {
        const expected = sortDiagnostics(readExpected(file));
        const actual = diagnosticsInMemory(INVALID, file);
        assert.deepEqual(actual, expected);
      });
    }
  });

  describe('the corpus itself', () => {
    it('has at least 45 files, each with an expectation of one or two diagnostics', () => {
      assert.ok(files.length >= 45, `only ${files.length} files`);
      for (const file of files) {
        const expected = readExpected(file);
        assert.ok(expected.length >= 1 && expected.length <= 2, `${file}: ${expected.length} expected diagnostics`);
      }
      const orphans = fs.readdirSync(INVALID).filter((f) => f.endsWith('.expected.json') && !files.includes(f.replace(/\.expected\.json$/, '.struct')));
      assert.deepEqual(orphans, []);
    });

    it('covers every diagnostic code of the language layer', () => {
      const covered = new Set(files.flatMap((f) => readExpected(f).map((d) => d.code)));
      assert.deepEqual(LANGUAGE_CODES.filter((c) => !covered.has(c)), []);
      for (const c of covered) assert.ok(LANGUAGE_CODES.includes(c as (typeof LANGUAGE_CODES)[number]), `${c} is not a language code`);
    });

    it('keeps related locations inside the corpus folder', () => {
      for (const file of files) {
        for (const d of readExpected(file)) {
          for (const r of d.related ?? []) assert.ok(fs.existsSync(path.join(INVALID, r.path)), `${file}: ${r.path}`);
        }
      }
    });
  });

  describe('valid models give no diagnostics', () => {
    for (const file of corpusFiles(VALID)) {
      it(file, () => {
        assert.deepEqual(diagnosticsInMemory(VALID, file), []);
      });
    }
  });
});
