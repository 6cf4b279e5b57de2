// Includes between virtual documents (a live session's guest copies, `struktur-live://id/…`):
// resolved inside the same authority, never outside it, and validated like files once the
// editor has them open.
import { strict as assert } from 'node:assert';
import { canResolveIncludes, displayName, resolveInclude } from '../../language-server/src/language/semantic/includes';
import { Workspace } from '../../language-server/src/language/workspace';

const ROOT = 'struktur-live://a1b2c3d4';

describe('includes in virtual documents', () => {
  it('resolve relative to the including document, inside its authority', () => {
    assert.deepEqual(resolveInclude(`${ROOT}/main.struct`, 'include/materials.struct', '/ignored'), { ok: true, uri: `${ROOT}/include/materials.struct` });
    assert.deepEqual(resolveInclude(`${ROOT}/sub/a.struct`, '../lib/b c.struct', undefined), { ok: true, uri: `${ROOT}/lib/b%20c.struct` });
    assert.deepEqual(resolveInclude(`${ROOT}/sub/a.struct`, './x.struct', undefined), { ok: true, uri: `${ROOT}/sub/x.struct` });
    const out = resolveInclude(`${ROOT}/main.struct`, '../elsewhere.struct', undefined);
    assert.equal(out.ok, false);
    assert.equal(!out.ok && out.reason, 'outside-root');
    assert.equal((resolveInclude(`${ROOT}/main.struct`, '/etc/x.struct', undefined) as { reason: string }).reason, 'absolute');
  });

  it('are refused where there is no authority to resolve in (unsaved documents)', () => {
    assert.equal(canResolveIncludes('untitled:Untitled-1'), false);
    assert.equal(canResolveIncludes('struktur-results:/a.results.json'), false);
    assert.equal(canResolveIncludes(`${ROOT}/main.struct`), true);
    assert.equal((resolveInclude('untitled:Untitled-1', 'a.struct', undefined) as { reason: string }).reason, 'not-a-file-uri');
    assert.equal(displayName(`${ROOT}/include/my%20lib.struct`), 'my lib.struct');
  });

  it('build one model from open virtual documents, with names shared across them', () => {
    const ws = new Workspace({ root: '/some/workspace' });
    const main = `${ROOT}/main.struct`;
    const lib = `${ROOT}/include/materials.struct`;
    ws.setDocument(main, 'units kN m\ninclude "include/materials.struct"\nnode A 0 0 0\nnode B 4 0 0\nmember M A B BEAM\nsupport A fixed\n');
    ws.setDocument(lib, 'material S355 grade=S355\nsection BEAM material=S355 catalog=IPE240\n');
    const m = ws.modelFor(main);
    assert.deepEqual(m.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    assert.deepEqual(m.files.map((f) => f.uri), [main, lib]);
    assert.equal(ws.rootOf(lib), main);
  });

  it('report an include that is not open as not found (the editor must open every shared file)', () => {
    const ws = new Workspace();
    const main = `${ROOT}/main.struct`;
    ws.setDocument(main, 'include "missing.struct"\n');
    const m = ws.modelFor(main);
    assert.equal(m.diagnostics[0].code, 'S1603');
  });
});
