// Waiting without sleeping: re-check a condition on every turn of the event loop (and on a short
// timer, so socket I/O gets its turn) until it holds or the deadline passes.

export async function waitFor<T>(what: string, check: () => T | undefined | false | null, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = check();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
