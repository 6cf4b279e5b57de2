// The solver is a library: it imports nothing but its own files (no editor, protocol or
// language modules, no packages), so it can run in a worker thread, the CLI, or elsewhere.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';

describe('sparse: self-contained', () => {
  it('imports only its own modules', () => {
    const dir = path.resolve(__dirname, '../../../language-server/src/analysis/sparse');
    const violations: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2];
        if (!/^\.\/[\w-]+$/.test(spec)) violations.push(`${file} imports ${spec}`);
      }
    }
    assert.deepEqual(violations, []);
  });
});
