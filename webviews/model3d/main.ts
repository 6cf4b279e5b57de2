// Entry of the 3D view's bundle (dist/webviews/model3d.js): builds the app in the page, forwards
// the extension's messages to it, follows the theme, and says it is ready.
import '../shared/base.css';
import './model3d.css';
import type { HostToModel3d, Model3dState, Model3dToHost } from '../../language-server/src/shared/model3d-messages';
import { onThemeChange } from '../shared/theme';
import { onMessage, vscodeApi } from '../shared/vscode-api';
import { Model3dApp } from './model3d-app';
import { installProbe } from './probe';

const api = vscodeApi<Model3dState, Model3dToHost>();
try {
  const app = new Model3dApp(document.body, api);
  installProbe(app);
  onMessage<HostToModel3d>((msg) => {
    try {
      app.accept(msg);
    } catch (e) {
      api.post({ type: 'error', message: `3D view: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
    }
  });
  onThemeChange(() => app.accept({ type: 'theme' }));
  api.post({ type: 'ready' });
} catch (e) {
  // No WebGL (a remote desktop without GPU, a blocked context): say so instead of a blank panel.
  const message = e instanceof Error ? e.message : String(e);
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = `The 3D view could not start: ${message}`;
  document.body.replaceChildren(p);
  api.post({ type: 'error', message: `3D view could not start: ${message}` });
}
