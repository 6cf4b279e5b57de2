// The analysis engine is plain computation: `analyze` and everything it imports, transitively,
// stay inside language-server/src/analysis (sparse solver included) and Node's built-ins: no
// editor or LSP packages, nothing from language/ or features/, nothing outside the repository.
// (Bridges that sit beside the engine and translate the language's model are not part of this
// closure; test/architecture/layering.test.ts rules on them.)
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../language-server/src/analysis');

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

function resolveTs(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`${from}: cannot resolve ${spec}`);
}

describe('analysis: layering', () => {
  it('the engine (analyze and its imports) depends on nothing but itself and node: built-ins', () => {
    const seen = new Set<string>();
    const violations: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('node:')) continue;
        if (!spec.startsWith('.')) {
          violations.push(`${path.relative(root, file)} imports ${spec}`);
          continue;
        }
        const target = resolveTs(file, spec);
        if (path.relative(root, target).startsWith('..')) violations.push(`${path.relative(root, file)} imports ${spec}`);
        else visit(target);
      }
    };
    visit(path.join(root, 'analyze.ts'));
    assert.ok(seen.size > 15, `closure of ${seen.size} files`);
    assert.deepEqual(violations, []);
  });
});
