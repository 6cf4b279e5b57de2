// Waiting without sleeping: poll a condition on the event loop until a deadline.

export async function waitUntil(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    // Polling interval, not a sleep: the loop ends as soon as the condition holds.
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Resolves when `emitter` emits `event` (or rejects after the deadline). */
export function nextEvent<T = unknown>(emitter: NodeJS.EventEmitter, event: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    emitter.once(event, (v: T) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}
