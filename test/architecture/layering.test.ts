// The dependency direction of the codebase (conventions: language → analysis → report/features →
// server/cli), enforced by reading every import.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'language-server', 'src');

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

/** The layer a resolved import lands in, or the package name for bare imports. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('node:') ? 'node' : spec.split('/')[0].startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  const abs = path.resolve(path.dirname(file), spec);
  const rel = path.relative(SRC, abs).split(path.sep);
  return rel[0] === '..' ? path.relative(ROOT, abs) : rel[0];
}

const LSP_OR_VSCODE = ['vscode', 'vscode-languageserver', 'vscode-languageserver-protocol', 'vscode-languageclient', 'vscode-jsonrpc', 'vscode-languageserver-textdocument'];

const RULES: { layer: string; forbidden: string[] }[] = [
  { layer: 'language', forbidden: [...LSP_OR_VSCODE, 'analysis', 'features', 'report', 'cli', 'server.ts', 'shared'] },
  { layer: 'analysis', forbidden: [...LSP_OR_VSCODE, 'features', 'report', 'cli', 'server.ts'] },
  { layer: 'report', forbidden: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'features', 'cli', 'server.ts'] },
  { layer: 'features', forbidden: ['vscode', 'vscode-languageclient', 'cli', 'server.ts'] },
];

describe('layering', () => {
  for (const rule of RULES) {
    it(`${rule.layer}/ imports none of ${rule.forbidden.join(', ')}`, async () => {
      const files = await fg('**/*.ts', { cwd: path.join(SRC, rule.layer), absolute: true });
      const violations: string[] = [];
      for (const f of files) {
        for (const spec of importsOf(f)) {
          const t = target(f, spec);
          if (rule.forbidden.includes(t)) violations.push(`${path.relative(ROOT, f)} imports ${spec}`);
        }
      }
      assert.deepEqual(violations, []);
    });
  }

  it('the extension reaches the server only through LSP (no imports of language-server internals but shared protocol types)', async () => {
    const files = await fg('extension/src/**/*.ts', { cwd: ROOT, absolute: true });
    const violations: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const rel = path.relative(ROOT, path.resolve(path.dirname(f), spec));
        if (rel.startsWith('language-server') && !rel.startsWith(path.join('language-server', 'src', 'shared'))) violations.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('the webviews are browser code: no Node modules, the server only through shared types, the toolkit only in webviews/shared/controls.ts', async () => {
    const files = await fg('webviews/**/*.ts', { cwd: ROOT, absolute: true });
    assert.ok(files.length > 0);
    const violations: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const rel = path.relative(ROOT, f);
      for (const spec of importsOf(f)) {
        if (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'vscode'].includes(spec)) violations.push(`${rel} imports ${spec}`);
        if (spec.startsWith('@vscode/webview-ui-toolkit') && rel !== path.join('webviews', 'shared', 'controls.ts')) violations.push(`${rel} imports the toolkit (only webviews/shared/controls.ts may)`);
        if (!spec.startsWith('.')) continue;
        const to = path.relative(ROOT, path.resolve(path.dirname(f), spec));
        if (to.startsWith('webviews')) continue;
        if (!to.startsWith(path.join('language-server', 'src', 'shared'))) violations.push(`${rel} imports ${spec}`);
      }
      // Types only: a value import would pull server code into the browser bundle.
      for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/g)) {
        const to = path.relative(ROOT, path.resolve(path.dirname(f), m[3]));
        if (m[3].startsWith('.') && to.startsWith('language-server') && !m[2]) violations.push(`${rel} imports ${m[3]} without "import type"`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('the live client and the extension\'s live side take from live/ only the client and the protocol, never the server', async () => {
    const files = await fg(['live/src/client/**/*.ts', 'extension/src/live/**/*.ts'], { cwd: ROOT, absolute: true });
    const violations: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const rel = path.relative(ROOT, path.resolve(path.dirname(f), spec)).split(path.sep).join('/');
        if (rel.startsWith('live/') && !rel.startsWith('live/src/client') && !rel.startsWith('live/src/protocol')) violations.push(`${path.relative(ROOT, f)} imports ${spec}`);
        if (rel.startsWith('language-server/')) violations.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('the panels never load the live side (a lazily loaded bundle), and the live side takes only types from the panels', async () => {
    const files = await fg(['extension/src/panels/**/*.ts', 'extension/src/live/**/*.ts'], { cwd: ROOT, absolute: true });
    const violations: string[] = [];
    for (const f of files) {
      const rel = path.relative(ROOT, f).split(path.sep).join('/');
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/g)) {
        if (!m[3].startsWith('.')) continue;
        const to = path.relative(ROOT, path.resolve(path.dirname(f), m[3])).split(path.sep).join('/');
        if (rel.startsWith('extension/src/panels/') && to.startsWith('extension/src/live/')) violations.push(`${rel} imports ${m[3]}`);
        if (rel.startsWith('extension/src/live/') && to.startsWith('extension/src/panels/') && !m[2]) violations.push(`${rel} imports ${m[3]} without "import type"`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('live/ stands apart: no imports of language-server/, extension/ or vscode; live/src/protocol is pure (lib0, yjs only)', async () => {
    const files = await fg('live/**/*.ts', { cwd: ROOT, absolute: true });
    assert.ok(files.length > 0);
    const violations: string[] = [];
    for (const f of files) {
      const rel = path.relative(ROOT, f);
      const inProtocol = rel.startsWith(path.join('live', 'src', 'protocol'));
      for (const spec of importsOf(f)) {
        if (spec === 'vscode' || LSP_OR_VSCODE.includes(spec)) violations.push(`${rel} imports ${spec}`);
        if (inProtocol && !spec.startsWith('.') && !spec.startsWith('lib0/') && spec !== 'yjs') violations.push(`${rel} (protocol) imports ${spec}`);
        if (!spec.startsWith('.')) continue;
        const to = path.relative(ROOT, path.resolve(path.dirname(f), spec));
        if (!to.startsWith('live')) violations.push(`${rel} imports ${spec}`);
        if (inProtocol && !to.startsWith(path.join('live', 'src', 'protocol'))) violations.push(`${rel} (protocol) imports ${spec}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('detects a violation (the checker itself works)', () => {
    const tmp = path.join(SRC, 'language', '__layering_probe__.ts');
    assert.equal(target(tmp, '../features/hover'), 'features');
    assert.equal(target(tmp, 'vscode-languageserver/node'), 'vscode-languageserver');
    assert.equal(target(tmp, './units/dimension'), 'language');
  });
});
