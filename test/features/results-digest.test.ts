// `struktur/resultsDigest` and `struktur/memberSeries` over stdio: what the dashboard fetches
// instead of the whole results document. The digest must be the results document's digest (the
// same function the webview's figures were built on), and a member's series its stations, with
// nothing for a model with errors or a member that is not there.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { digestResults, memberSeries } from '../../language-server/src/shared/dashboard-digest';
import { MemberSeriesRequest, ResultsDigestRequest, ResultsRequest } from '../../language-server/src/shared/protocol';
import { openAndWait, startServer, uriOf } from '../support/lsp';

/** Replaces the whole text and waits for the diagnostics of the new version. */
async function replaceText(client: LspProcessClient, uri: string, text: string) {
  const wait = client.waitForDiagnostics(uri);
  await client.change(uri, [{ text }]);
  return wait;
}

const PORTAL = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'portal-two-bay.struct'), 'utf8');

describe('struktur/resultsDigest and struktur/memberSeries', function () {
  this.timeout(60000);
  let client: LspProcessClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-digest-'));
    client = await startServer(dir);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the digest of the results document, without stations', async () => {
    const uri = uriOf(path.join(dir, 'portal.struct'));
    await openAndWait(client, uri, PORTAL);
    const doc = await client.connection.sendRequest(ResultsRequest, { uri });
    assert.ok(doc, 'no results');
    const digest = await client.connection.sendRequest(ResultsDigestRequest, { uri });
    assert.deepEqual(digest, JSON.parse(JSON.stringify(digestResults(doc))));
    assert.ok(digest!.cases.length >= 2);
    assert.ok(!JSON.stringify(digest).includes('"stations"'), 'the digest carries stations');
    // A fraction of the document's size.
    assert.ok(JSON.stringify(digest).length < JSON.stringify(doc).length / 3, `${JSON.stringify(digest).length} vs ${JSON.stringify(doc).length}`);
  });

  it('answers one member\'s stations in every case, and null for an unknown member', async () => {
    const uri = uriOf(path.join(dir, 'portal.struct'));
    const doc = (await client.connection.sendRequest(ResultsRequest, { uri }))!;
    const member = Object.keys(doc.cases[0].members)[0];
    const series = await client.connection.sendRequest(MemberSeriesRequest, { uri, member });
    assert.deepEqual(series, JSON.parse(JSON.stringify(memberSeries(doc, member))));
    assert.equal(series!.cases.length, doc.cases.length);
    assert.equal(series!.length, doc.cases[0].members[member].stations.at(-1)!.x);
    assert.equal(await client.connection.sendRequest(MemberSeriesRequest, { uri, member: 'NO_SUCH_MEMBER' }), null);
  });

  it('answers null for both while the model has errors, and the new digest once it is fixed', async () => {
    const uri = uriOf(path.join(dir, 'portal.struct'));
    const before = await client.connection.sendRequest(ResultsDigestRequest, { uri });
    const broken = PORTAL.replace(/^member (\S+) (\S+) (\S+)/m, 'member $1 $2 NO_NODE');
    assert.notEqual(broken, PORTAL);
    await replaceText(client, uri, broken);
    assert.equal(await client.connection.sendRequest(ResultsDigestRequest, { uri }), null);
    assert.equal(await client.connection.sendRequest(MemberSeriesRequest, { uri, member: 'B1' }), null);
    // Twice the loads: the digest follows the text.
    const doubled = PORTAL.replace(/(F[xyz]=)(-?\d+(?:\.\d+)?)/g, (_m, k, v) => `${k}${2 * Number(v)}`);
    assert.notEqual(doubled, PORTAL);
    await replaceText(client, uri, doubled);
    const after = await client.connection.sendRequest(ResultsDigestRequest, { uri });
    assert.ok(after && before);
    assert.notDeepEqual(after.cases.map((c) => c.maxDisplacement), before.cases.map((c) => c.maxDisplacement));
  });
});
