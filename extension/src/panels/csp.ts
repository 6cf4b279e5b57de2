// The panels' Content Security Policy, apart from the vscode module so the browser tests serve
// their pages under exactly the policy the extension uses.

/** `cspSource` is the webview's resource origin. Styles come from files, or from <style> elements
 * carrying the nonce (the toolkit's FAST elements find it in <meta property="csp-nonce">);
 * `inlineStyles` allows style attributes instead (plotly's SVG) — a nonce would disable
 * 'unsafe-inline', so that panel gets no style nonce. */
export function contentSecurityPolicy(cspSource: string, scriptNonce: string, inlineStyles = false): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} ${inlineStyles ? "'unsafe-inline'" : `'nonce-${scriptNonce}'`}`,
    `script-src 'nonce-${scriptNonce}'`,
    `worker-src ${cspSource} blob:`,
    `connect-src ${cspSource}`,
  ].join('; ');
}
