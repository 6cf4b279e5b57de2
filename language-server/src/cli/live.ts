// `struktur live serve|token|backup|restore`: the live-session server lives in live/ (a package
// of its own that knows nothing of the language server); the CLI only forwards to it. Loaded on
// demand, so the other commands never load SQLite, Redis or the WebSocket server.
export async function runLiveCommand(argv: string[]): Promise<number> {
  const { runLive } = await import('../../../live/src/commands');
  return runLive(argv);
}
