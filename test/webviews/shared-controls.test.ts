// The shared webview layer in headless Chromium under the panels' real Content Security Policy:
// the toolkit's controls render and report changes, state survives a reload (getState), theme
// variables and theme changes reach the page, and nothing violates the policy.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { closeBrowser, openPanelPage, ROOT, type PanelPage } from './support/page';

const entry = path.join(ROOT, 'test', 'webviews', 'fixtures', 'controls-page.ts');
type Posted = { type: string; [k: string]: unknown };
const is = (type: string) => (m: unknown): m is Posted => (m as Posted)?.type === type;

describe('webviews/shared in a browser', function () {
  this.timeout(90000);
  let p: PanelPage;
  after(async () => {
    await p?.close();
    await closeBrowser();
  });

  it('renders the controls under the strict policy, reports changes, keeps state, follows the theme', async () => {
    p = await openPanelPage({ script: 'controls-page', entry, theme: 'dark', state: { count: 2 } });
    const ready = await p.waitForPosted(is('ready'));
    assert.deepEqual(ready, { type: 'ready', kind: 'dark', background: '#1f1f1f', count: 2 });
    // The toolkit's elements are defined and drawn (a shadow root with content).
    await p.page.waitForFunction(() => !!customElements.get('vscode-dropdown') && !!document.querySelector('vscode-button')?.shadowRoot);

    await p.page.click('#fit');
    assert.deepEqual(await p.waitForPosted(is('fit')), { type: 'fit', count: 3 });
    assert.deepEqual(await p.state(), { count: 3 });

    await p.page.click('#deformed');
    assert.deepEqual(await p.waitForPosted(is('deformed')), { type: 'deformed', checked: false });

    await p.page.click('#case');
    await p.page.click('vscode-option[value="LIVE"]');
    assert.deepEqual(await p.waitForPosted(is('case')), { type: 'case', value: 'LIVE' });

    await p.send({ type: 'options' });
    assert.deepEqual(await p.waitForPosted(is('selected')), { type: 'selected', value: 'SLS' });

    await p.screenshot('shared-controls-dark');
    await p.setTheme('light');
    assert.deepEqual(await p.waitForPosted(is('theme')), { type: 'theme', kind: 'light', background: '#ffffff' });
    await p.screenshot('shared-controls-light');

    assert.deepEqual(p.cspViolations, []);
    assert.deepEqual(p.consoleErrors, []);
  });
});
