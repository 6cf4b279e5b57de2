// The workbench suite, in the order it runs: activation first (it checks that nothing started
// before a Struktur document opened), the screenshot last.
require('./activation.vscode-test');
require('./diagnostics.vscode-test');
require('./language-features.vscode-test');
require('./commands.vscode-test');
require('./settings.vscode-test');
require('./status-bar.vscode-test');
require('./task.vscode-test');
require('./screenshot.vscode-test');
