// WebSocket close codes of the live server (docs/live-protocol.md, "Close codes").
// 4000–4999 are the application range of RFC 6455; the hundreds digit groups them the way HTTP
// status codes do, so a client can tell "fix your token" from "try again later" by the code.

export const CloseCode = {
  /** RFC 6455: normal closure (the client left, or the room was unloaded after the client left). */
  normal: 1000,
  /** RFC 6455: a frame larger than the server's maximum frame size (ws `maxPayload`). */
  messageTooBigFrame: 1009,
  /** RFC 6455: unexpected server error; the client should reconnect with backoff. */
  internalError: 1011,

  /** The first message was not AUTH, or it did not arrive within the auth timeout. */
  authRequired: 4001,
  /** A message could not be decoded (unknown type, truncated payload, bad JSON). */
  badMessage: 4002,
  /** Bad signature, wrong audience, a token for another room, or an origin not on the allow-list. */
  forbidden: 4003,
  /** The token expired (and was not refreshed in time). Get a new token before reconnecting. */
  expired: 4004,
  /** Too many messages (per-connection rate) or too many queued before authentication. */
  rateLimited: 4008,
  /** A message (update, awareness) above its size limit, or the document would exceed its cap. */
  tooLarge: 4009,
  /** The client does not read: the server's send buffer for it exceeded the cap (backpressure). */
  slowConsumer: 4010,
  /** The server is shutting down or restarting; reconnect (with backoff) — nothing is lost. */
  restarting: 4012,
  /** The room has too many connections, or the process has too many rooms loaded. Retry later. */
  full: 4013,
  /** The stored state of the room could not be loaded or written; retry later. */
  storageUnavailable: 4014,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** Whether a client should reconnect (with backoff) after this close code, as documented. */
export function shouldReconnect(code: number): boolean {
  switch (code) {
    case CloseCode.authRequired:
    case CloseCode.badMessage:
    case CloseCode.forbidden:
    case CloseCode.expired:
    case CloseCode.tooLarge:
      return false;
    default:
      return true;
  }
}

/** The name of a close code, for logs and messages ("forbidden", "restarting"…). */
export function closeCodeName(code: number): string {
  for (const [name, value] of Object.entries(CloseCode)) if (value === code) return name;
  return `code ${code}`;
}
