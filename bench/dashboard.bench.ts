// Dashboard data benchmark: what the dashboard fetches from the language server (the results
// digest, one member's series) against the whole results document the 3D view fetches, for
// generated frames of about 1k and 10k members. Times are medians of warm requests over stdio
// (the analysis is done before timing); the figure is the ratio to the whole document's request
// measured in the same run, and the bytes on the wire.
import { generateFrame } from './generate';
import { medianRequest, withServedModel } from './lsp-session';
import { MemberSeriesRequest, ResultsDigestRequest, ResultsRequest } from '../language-server/src/shared/protocol';

async function main(): Promise<void> {
  console.log('members   request                      ms     ratio      bytes');
  for (const target of [1000, 10000]) {
    const g = generateFrame(target, { windCases: 2 });
    await withServedModel(`bench-dashboard-${target}.struct`, g.text, async (client, uri) => {
      // The analysis, then the first digest (computed and kept with the document), before timing.
      const doc = await client.connection.sendRequest(ResultsRequest, { uri });
      if (!doc) throw new Error('no results');
      await client.connection.sendRequest(ResultsDigestRequest, { uri });
      const member = Object.keys(doc.cases[0].members)[0];
      const runs = target >= 10000 ? 3 : 7;
      const whole = await medianRequest(runs, () => client.connection.sendRequest(ResultsRequest, { uri }));
      const digest = await medianRequest(runs, () => client.connection.sendRequest(ResultsDigestRequest, { uri }));
      const series = await medianRequest(runs, () => client.connection.sendRequest(MemberSeriesRequest, { uri, member }));
      const members = Object.keys(doc.cases[0].members).length;
      const row = (name: string, r: { ms: number; bytes: number }) =>
        console.log(`${String(members).padStart(7)}   ${name.padEnd(24)} ${r.ms.toFixed(1).padStart(8)} ${(r.ms / whole.ms).toFixed(3).padStart(8)}× ${String(r.bytes).padStart(10)}`);
      row('struktur/results', whole);
      row('struktur/resultsDigest', digest);
      row('struktur/memberSeries', series);
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
