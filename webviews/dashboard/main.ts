// Entry of the dashboard's bundle (dist/webviews/dashboard.js): builds the app in the page,
// forwards the extension's messages to it, follows the theme, and says it is ready.
import '../shared/base.css';
import './dashboard.css';
import type { DashboardState, DashboardToHost, HostToDashboard } from '../../language-server/src/shared/dashboard-messages';
import { onThemeChange } from '../shared/theme';
import { onMessage, vscodeApi } from '../shared/vscode-api';
import { DashboardApp } from './dashboard-app';

const api = vscodeApi<DashboardState, DashboardToHost>();
const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));
try {
  const app = new DashboardApp(document.body, api);
  onMessage<HostToDashboard>((msg) => {
    try {
      app.accept(msg);
    } catch (e) {
      api.post({ type: 'error', message: `Dashboard: ${describe(e)}` });
    }
  });
  onThemeChange(() => app.retheme());
  api.post({ type: 'ready' });
} catch (e) {
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = `The dashboard could not start: ${e instanceof Error ? e.message : String(e)}`;
  document.body.replaceChildren(p);
  api.post({ type: 'error', message: `Dashboard could not start: ${describe(e)}` });
}
