// What a test in the first workbench window asks of the agent in a second window (a colleague's
// VS Code in another browser context, with its own extension host and language server), over a
// WebSocket on loopback. Each request carries an id; the answer repeats it.

export type AgentRequest =
  /** Join a live session with an invitation (`Struktur: Join Live Session`); answers the URI of the shared copy. */
  | { op: 'join'; invitation: string }
  /** The document's text, with line endings normalised. */
  | { op: 'text'; uri: string }
  /** Puts the cursor before the first occurrence of `marker` and types `text` one character at a
   * time through the editor's `type` command — the path a keystroke takes. */
  | { op: 'type'; uri: string; marker: string; text: string }
  /** The names of remote participants drawn as cursors in the document's editor. */
  | { op: 'cursors'; uri: string }
  /** Diagnostics of the document, as comparable keys. */
  | { op: 'diagnostics'; uri: string }
  /** The results document the language server published for the document (waits for it). */
  | { op: 'results'; uri: string }
  /** What the user sees of the session: the status item, the tab's dirty marker, unconfirmed edits. */
  | { op: 'state'; uri?: string }
  /** Shows lines of the document at the top of its editor (for a screenshot). */
  | { op: 'reveal'; uri: string; line: number }
  /** Waits until every local edit is sent and the server confirmed it. */
  | { op: 'idle' }
  /** `Struktur: Leave Live Session`. */
  | { op: 'leave' }
  /** Ends the agent: its extension host exits. */
  | { op: 'exit' };

export interface AgentState {
  statusText: string;
  dirty: boolean | undefined;
  unconfirmed: number;
  participants: string[];
}

export type AgentMessage =
  | { kind: 'hello'; folder: string }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; error: string };

export const AGENT_URL_ENV = 'STRUKTUR_AGENT_URL';

/** Diagnostics as keys both windows compute the same way. */
export function diagnosticKey(d: { range: { start: { line: number; character: number } }; severity: number; code?: unknown; message: string }): string {
  const code = typeof d.code === 'object' && d.code !== null && 'value' in d.code ? (d.code as { value: unknown }).value : d.code;
  return `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(code)} ${d.message}`;
}
