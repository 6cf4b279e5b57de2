// `struktur/resultsIndex` and `struktur/caseResults` over stdio: what the 3D view fetches instead
// of the whole results document. The index must be the results document's index (the builder the
// view's tests check against the document) and stay the same while the document does; a case must
// be the document's case. With the id of the index the caller holds, the case comes from that
// index's document — also while the text has errors (the view keeps the last results) — and is
// null once a newer index was served; without an id, null while the model has errors.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { resultsIndex } from '../../language-server/src/shared/case-view';
import { CaseResultsRequest, ResultsIndexRequest, ResultsRequest } from '../../language-server/src/shared/protocol';
import { openAndWait, startServer, uriOf } from '../support/lsp';

/** Replaces the whole text and waits for the diagnostics of the new version. */
async function replaceText(client: LspProcessClient, uri: string, text: string) {
  const wait = client.waitForDiagnostics(uri);
  await client.change(uri, [{ text }]);
  return wait;
}

const PORTAL = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'portal-two-bay.struct'), 'utf8');

describe('struktur/resultsIndex and struktur/caseResults', function () {
  this.timeout(60000);
  let client: LspProcessClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-case-results-'));
    client = await startServer(dir);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the index of the results document, without node or member data, the same while nothing changes', async () => {
    const uri = uriOf(path.join(dir, 'portal.struct'));
    await openAndWait(client, uri, PORTAL);
    const doc = await client.connection.sendRequest(ResultsRequest, { uri });
    assert.ok(doc, 'no results');
    const index = await client.connection.sendRequest(ResultsIndexRequest, { uri });
    assert.ok(index);
    assert.match(index.id, /^[0-9a-f]{8}-\d+$/);
    assert.deepEqual(index, JSON.parse(JSON.stringify(resultsIndex(doc, index.id))));
    assert.deepEqual(index.cases.map((c) => c.name), ['DEAD', 'LIVE', 'SETTLE', 'ULS1', 'SLS1']);
    assert.ok(!/"(nodes|members|stations)"/.test(JSON.stringify(index)), 'the index carries per-element data');
    assert.ok(JSON.stringify(index).length < JSON.stringify(doc).length / 5, `${JSON.stringify(index).length} vs ${JSON.stringify(doc).length}`);
    // The same document, the same index.
    assert.equal((await client.connection.sendRequest(ResultsIndexRequest, { uri }))!.id, index.id);
  });

  it('answers one case exactly as the document has it, pinned to an index when asked', async () => {
    const uri = uriOf(path.join(dir, 'portal.struct'));
    const doc = (await client.connection.sendRequest(ResultsRequest, { uri }))!;
    const index = (await client.connection.sendRequest(ResultsIndexRequest, { uri }))!;
    for (const c of doc.cases) {
      assert.deepEqual(await client.connection.sendRequest(CaseResultsRequest, { uri, case: c.name }), c);
      assert.deepEqual(await client.connection.sendRequest(CaseResultsRequest, { uri, case: c.name, id: index.id }), c);
    }
    assert.equal(await client.connection.sendRequest(CaseResultsRequest, { uri, case: 'NO_SUCH_CASE' }), null);
    assert.equal(await client.connection.sendRequest(CaseResultsRequest, { uri, case: 'ULS1', id: 'another-1' }), null);
  });

  it('answers the held index\'s cases while the model has errors, a new index once it is fixed, and refuses the old id then', async () => {
    const uri = uriOf(path.join(dir, 'portal.struct'));
    const before = (await client.connection.sendRequest(ResultsIndexRequest, { uri }))!;
    const oldDoc = (await client.connection.sendRequest(ResultsRequest, { uri }))!;
    const broken = PORTAL.replace(/^member (\S+) (\S+) (\S+)/m, 'member $1 $2 NO_NODE');
    assert.notEqual(broken, PORTAL);
    await replaceText(client, uri, broken);
    assert.equal(await client.connection.sendRequest(ResultsIndexRequest, { uri }), null);
    assert.equal(await client.connection.sendRequest(CaseResultsRequest, { uri, case: 'ULS1' }), null);
    // The view still shows the last results, flagged, and may switch case: its index's document answers.
    assert.deepEqual(await client.connection.sendRequest(CaseResultsRequest, { uri, case: 'LIVE', id: before.id }), oldDoc.cases.find((c) => c.name === 'LIVE'));
    // Twice the loads: a new document, a new index; a case asked for with the old id is refused.
    const doubled = PORTAL.replace(/(F[xyz]=)(-?\d+(?:\.\d+)?)/g, (_m, k, v) => `${k}${2 * Number(v)}`);
    assert.notEqual(doubled, PORTAL);
    await replaceText(client, uri, doubled);
    const after = (await client.connection.sendRequest(ResultsIndexRequest, { uri }))!;
    assert.notEqual(after.id, before.id);
    assert.equal(await client.connection.sendRequest(CaseResultsRequest, { uri, case: 'ULS1', id: before.id }), null);
    const doc = (await client.connection.sendRequest(ResultsRequest, { uri }))!;
    const uls = await client.connection.sendRequest(CaseResultsRequest, { uri, case: 'ULS1', id: after.id });
    assert.deepEqual(uls, doc.cases.find((c) => c.name === 'ULS1'));
  });
});
