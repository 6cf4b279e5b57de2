// The workbench suite, in the order it runs: activation first (it checks that nothing started
// before a Struktur document opened), then the screenshot while the workspace is as a user
// finds it, then the rest.
require('./activation.vscode-test');
require('./screenshot.vscode-test');
require('./diagnostics.vscode-test');
require('./language-features.vscode-test');
require('./commands.vscode-test');
require('./model3d.vscode-test');
require('./dashboard.vscode-test');
require('./report.vscode-test');
require('./settings.vscode-test');
require('./status-bar.vscode-test');
require('./task.vscode-test');
require('./live.vscode-test');
require('./live-model3d.vscode-test');
