// esbuild options of one webview bundle (browser, iife): webviews/NAME/main.ts → OUTDIR/NAME.js
// (+ NAME.css). Shared by scripts/build.mjs and the browser tests, which build the current
// sources into their own folder so they never touch a dist/ that other processes are using.
export function webviewBuildOptions(root, name, outdir, production = false) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    minify: true,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    loader: { '.json': 'json', '.css': 'css', '.ttf': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    entryPoints: [`webviews/${name}/main.ts`],
    outfile: `${outdir}/${name}.js`,
  };
}
