// The message types of the live-session wire protocol (docs/live-protocol.md).
// Every binary WebSocket message starts with one of these as a lib0 varUint, as in y-websocket;
// 0–3 are the y-websocket types (so a stock client interoperates), 100–104 are Struktur's own.

export const MessageType = {
  /** y-protocols/sync: step 1 (state vector), step 2 (missing updates), update. */
  sync: 0,
  /** y-protocols/awareness update (presence: cursors, names). */
  awareness: 1,
  /** y-protocols/auth: permission denied (`0`, then a varString reason). */
  auth: 2,
  /** Query awareness: the receiver answers with all awareness states it knows. */
  queryAwareness: 3,
  /** client → server, first message: varString JSON `AuthPayload`. */
  AUTH: 100,
  /** server → client: varString JSON `AuthOkPayload`; the server then starts sync step 1. */
  AUTH_OK: 101,
  /** server → client: varUint8Array (Yjs state vector of the durably stored document), then
   *  varUint storedCount (this connection's update messages stored so far). */
  ACK: 102,
  /** client → server: varString JSON `RefreshPayload`, a new token before the current expires. */
  REFRESH: 103,
  /** server → client: varString JSON `NoticePayload`, a non-fatal notice or the reason of a close. */
  NOTICE: 104,
} as const;

export type MessageTypeName = keyof typeof MessageType;
export type MessageTypeNumber = (typeof MessageType)[MessageTypeName];

/** The sub-types of a `sync` message (y-protocols/sync). */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;
