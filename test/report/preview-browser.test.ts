// The report preview's bundle in headless Chromium under the extension's CSP: pdf.js (in the page,
// no worker) draws a real report; nothing violates the policy. Screenshot in test-artifacts/webviews.
import { strict as assert } from 'node:assert';
import { closeBrowser, openPanelPage } from '../webviews/support/page';
import { made } from './support';

type Posted = { type: string; pages?: number; firstPage?: { width: number; height: number }; message?: string };
const is = (type: string) => (m: unknown): m is Posted => (m as Posted)?.type === type;

describe('report preview (browser)', function () {
  this.timeout(120000);
  after(closeBrowser);

  it('draws the pages of a report under the strict CSP', async () => {
    const { report } = await made('portal-two-bay.struct');
    const p = await openPanelPage({ script: 'report-preview', theme: 'dark', viewport: { width: 1000, height: 900 } });
    try {
      await p.waitForPosted(is('ready'));
      // The extension posts the bytes as a Uint8Array (structured clone); do the same.
      await p.page.evaluate((b64) => {
        const bin = atob(b64);
        const data = new Uint8Array(bin.length);
        for (let k = 0; k < bin.length; k++) data[k] = bin.charCodeAt(k);
        window.postMessage({ type: 'load', name: 'portal.pdf', uri: 'file:///w/portal.pdf', data, summary: '18 pages' }, '*');
      }, Buffer.from(report.pdf).toString('base64'));
      const rendered = await p.waitForPosted(is('rendered'), 60000);
      assert.equal(rendered.pages, report.pages);
      assert.deepEqual(rendered.firstPage, { width: 595.28, height: 841.89 });
      assert.equal(await p.page.locator('.page').count(), report.pages);
      assert.ok((await p.page.locator('.page canvas').count()) >= 1);
      assert.deepEqual((await p.state()) as object, { version: 1, pdf: 'file:///w/portal.pdf' });
      assert.deepEqual(p.cspViolations, []);
      assert.deepEqual(p.posted.filter(is('error')), []);
      await p.screenshot('report-preview');
    } finally {
      await p.close();
    }
  });
});
