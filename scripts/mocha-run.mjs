// Runs every mocha test file (TypeScript, loaded through tsx) and writes mocha's stats to the
// file named by the first argument, for scripts/test.mjs to add up.
import Mocha from 'mocha';
import fg from 'fast-glob';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/cjs/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const statsFile = process.argv[2];
const grepAt = process.argv.indexOf('--grep');

const mocha = new Mocha({ reporter: 'spec', timeout: 30000, slow: 2000, forbidOnly: !!process.env.CI });
if (grepAt > 0) mocha.grep(process.argv[grepAt + 1]);
const files = await fg(['test/**/*.test.ts'], { cwd: root, absolute: true });
for (const f of files.sort()) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  fs.writeFileSync(statsFile, JSON.stringify(runner.stats));
  process.exitCode = failures ? 1 : 0;
  // Tests clean up after themselves; if one leaked a process or socket, say so and stop rather
  // than let the whole run hang.
  setTimeout(() => {
    console.error('mocha-run: handles were still open 15 s after the last test (a test leaked a process, socket or timer); exiting');
    process.exit(process.exitCode);
  }, 15000).unref();
});
