// Encoding and decoding of Struktur's own live messages (100–104) and the split of any message
// into its type and body. The y-websocket types (0–3) are left to y-protocols; this module only
// tells them apart. Decoding never throws anything but ProtocolError, so a caller can turn any
// malformed input into one close code (4002) instead of a crash.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from './message-types';
import type { AuthOkPayload, AuthPayload, NoticePayload, RefreshPayload, Role } from './payloads';

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

function jsonMessage(type: number, payload: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarString(e, JSON.stringify(payload));
  return encoding.toUint8Array(e);
}

export function encodeAuth(payload: AuthPayload): Uint8Array {
  return jsonMessage(MessageType.AUTH, payload);
}

export function encodeAuthOk(payload: AuthOkPayload): Uint8Array {
  return jsonMessage(MessageType.AUTH_OK, payload);
}

export function encodeRefresh(payload: RefreshPayload): Uint8Array {
  return jsonMessage(MessageType.REFRESH, payload);
}

export function encodeNotice(payload: NoticePayload): Uint8Array {
  return jsonMessage(MessageType.NOTICE, payload);
}

/**
 * 102 ACK: `storedStateVector` is Y.encodeStateVector of the durably stored document; `storedCount`
 * is how many of this connection's update-carrying sync messages (step 2 and update, counted from
 * AUTH_OK on) are durably stored. The count also covers pure deletions, which do not advance a
 * state vector. Decoders that read only the state vector (the agreed minimum) stay compatible.
 */
export function encodeAck(storedStateVector: Uint8Array, storedCount: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.ACK);
  encoding.writeVarUint8Array(e, storedStateVector);
  encoding.writeVarUint(e, storedCount);
  return encoding.toUint8Array(e);
}

/** A decoded message. For the y-websocket types, `body` is the rest of the message after the
 *  type (hand it to y-protocols with a decoder over it). */
export type LiveMessage =
  | { type: 'sync' | 'awareness' | 'auth' | 'queryAwareness'; typeNumber: 0 | 1 | 2 | 3; body: Uint8Array }
  | { type: 'AUTH'; payload: AuthPayload }
  | { type: 'AUTH_OK'; payload: AuthOkPayload }
  | { type: 'ACK'; stateVector: Uint8Array; storedCount: number }
  | { type: 'REFRESH'; payload: RefreshPayload }
  | { type: 'NOTICE'; payload: NoticePayload };

function readJson(d: decoding.Decoder, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = decoding.readVarString(d);
  } catch {
    throw new ProtocolError(`${what}: truncated payload`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError(`${what}: the payload is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtocolError(`${what}: the payload is not a JSON object`);
  return value as Record<string, unknown>;
}

function tokenPayload(o: Record<string, unknown>, what: string): { token: string } {
  if (typeof o.token !== 'string' || o.token.length === 0) throw new ProtocolError(`${what}: "token" must be a non-empty string`);
  return { token: o.token };
}

function authOkPayload(o: Record<string, unknown>): AuthOkPayload {
  const u = o.user as Record<string, unknown> | undefined;
  const role = o.role as Role;
  if (typeof o.room !== 'string' || (role !== 'viewer' && role !== 'editor') || typeof o.expiresAt !== 'number' || !u || typeof u !== 'object' || typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string') {
    throw new ProtocolError('AUTH_OK: expected { room, role, user: { id, name, color }, expiresAt }');
  }
  return { room: o.room, role, user: { id: u.id, name: u.name, color: u.color }, expiresAt: o.expiresAt, seed: o.seed === true };
}

function noticePayload(o: Record<string, unknown>): NoticePayload {
  if (typeof o.code !== 'string' || typeof o.message !== 'string') throw new ProtocolError('NOTICE: expected { code, message }');
  const out: NoticePayload = { code: o.code as NoticePayload['code'], message: o.message };
  if (typeof o.expiresAt === 'number') out.expiresAt = o.expiresAt;
  if (typeof o.closeCode === 'number') out.closeCode = o.closeCode;
  return out;
}

/** The type number of a message (the leading varUint), or ProtocolError when there is none. */
export function messageTypeOf(data: Uint8Array): number {
  try {
    return decoding.readVarUint(decoding.createDecoder(data));
  } catch {
    throw new ProtocolError('empty or truncated message');
  }
}

export function decodeMessage(data: Uint8Array): LiveMessage {
  const d = decoding.createDecoder(data);
  let type: number;
  try {
    type = decoding.readVarUint(d);
  } catch {
    throw new ProtocolError('empty or truncated message');
  }
  switch (type) {
    case MessageType.sync:
      return { type: 'sync', typeNumber: 0, body: data.subarray(d.pos) };
    case MessageType.awareness:
      return { type: 'awareness', typeNumber: 1, body: data.subarray(d.pos) };
    case MessageType.auth:
      return { type: 'auth', typeNumber: 2, body: data.subarray(d.pos) };
    case MessageType.queryAwareness:
      return { type: 'queryAwareness', typeNumber: 3, body: data.subarray(d.pos) };
    case MessageType.AUTH:
      return { type: 'AUTH', payload: tokenPayload(readJson(d, 'AUTH'), 'AUTH') };
    case MessageType.AUTH_OK:
      return { type: 'AUTH_OK', payload: authOkPayload(readJson(d, 'AUTH_OK')) };
    case MessageType.ACK:
      try {
        const stateVector = decoding.readVarUint8Array(d);
        const storedCount = decoding.hasContent(d) ? decoding.readVarUint(d) : -1;
        return { type: 'ACK', stateVector, storedCount };
      } catch {
        throw new ProtocolError('ACK: truncated state vector');
      }
    case MessageType.REFRESH:
      return { type: 'REFRESH', payload: tokenPayload(readJson(d, 'REFRESH'), 'REFRESH') };
    case MessageType.NOTICE:
      return { type: 'NOTICE', payload: noticePayload(readJson(d, 'NOTICE')) };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

/** The state vector carried by an ACK, as a map clientID → clock. */
export function decodeStateVector(stateVector: Uint8Array): Map<number, number> {
  try {
    return Y.decodeStateVector(stateVector);
  } catch {
    throw new ProtocolError('malformed state vector');
  }
}

/**
 * Whether every edit of `update` is durably stored according to an ACK's state vector: an item of
 * client C with clock k is stored when storedSv[C] > k, so an update is safe when, for every
 * client, the update's own state vector does not exceed the stored one. (Deletions ride along with
 * the items of the same transaction, so they are covered by the same rule.)
 */
export function isUpdateStored(update: Uint8Array, storedSv: Map<number, number>): boolean {
  // parseUpdateMeta(...).to: the end clock per client. (encodeStateVectorFromUpdate only reports
  // clients whose items start at clock 0, so it misses most incremental updates.)
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) if ((storedSv.get(client) ?? 0) < clock) return false;
  return true;
}
