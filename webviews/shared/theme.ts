// VS Code's theme inside a webview: the workbench sets --vscode-* variables on <html>/<body>
// and a class vscode-light / vscode-dark / vscode-high-contrast(-light) on <body>, and updates
// both when the theme changes. Charts and 3D scenes read the colours through here.

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The value of a CSS variable (`--vscode-editor-foreground`, or without the leading dashes). */
export function cssVar(name: string, fallback = ''): string {
  const prop = name.startsWith('--') ? name : `--${name}`;
  const v = getComputedStyle(document.body).getPropertyValue(prop).trim() || getComputedStyle(document.documentElement).getPropertyValue(prop).trim();
  return v || fallback;
}

export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

/** Calls `cb` after the theme changed (body class or the inline variables on <html>). */
export function onThemeChange(cb: (kind: ThemeKind) => void): () => void {
  let last = `${document.body.className}|${document.documentElement.getAttribute('style') ?? ''}`;
  const observer = new MutationObserver(() => {
    const now = `${document.body.className}|${document.documentElement.getAttribute('style') ?? ''}`;
    if (now === last) return;
    last = now;
    cb(themeKind());
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => observer.disconnect();
}
