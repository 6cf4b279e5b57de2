// `npm run demo`: placeholder until the extension harness lands (issue: the VS Code extension).
console.log('npm run demo: not yet — the code-server demo comes with the extension issue. Meanwhile: npx struktur check examples');
