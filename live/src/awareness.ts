// Presence (y-protocols awareness) with the identity taken from the token: the server rewrites the
// `user` field of every state a client sends, and a connection may only speak for the Yjs client
// ids it introduced itself (never for another connection's).
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from './protocol/message-types';
import { ProtocolError } from './protocol/messages';
import type { LiveUser, Role } from './protocol/payloads';

/** Most Yjs client ids one connection may carry presence for (a client id changes rarely). */
export const MAX_IDS_PER_CONNECTION = 4;

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** The state as JSON text ('null' removes the client). */
  state: string;
}

export function readAwarenessBody(body: Uint8Array): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoding.createDecoder(body));
  } catch {
    throw new ProtocolError('truncated awareness message');
  }
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  try {
    const n = decoding.readVarUint(d);
    if (n > 1000) throw new ProtocolError('awareness update with too many entries');
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) out.push({ clientID: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: decoding.readVarString(d) });
    return out;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('malformed awareness update');
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientID);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, x.state);
  }
  return encoding.toUint8Array(e);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** The message with every awareness state of a room (sent on join and on query awareness). */
export function fullAwarenessMessage(awareness: awarenessProtocol.Awareness): Uint8Array | undefined {
  const ids = Array.from(awareness.getStates().keys());
  return ids.length > 0 ? awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, ids)) : undefined;
}

export interface IdentityFilterResult {
  update: Uint8Array | undefined;
  /** Entries dropped because they named another connection's client id or too many ids. */
  dropped: number;
}

/**
 * Keeps the entries this connection may send and stamps them with its identity.
 * `ownerOf(id)` tells which connection (if any) already controls a client id; `own` are the ids
 * this connection controls.
 */
export function applyIdentity(
  entries: readonly AwarenessEntry[],
  self: object,
  own: ReadonlySet<number>,
  ownerOf: (clientID: number) => object | undefined,
  user: LiveUser,
  role: Role,
): IdentityFilterResult {
  const kept: AwarenessEntry[] = [];
  let dropped = 0;
  const newIds = new Set<number>();
  for (const entry of entries) {
    const owner = ownerOf(entry.clientID);
    if (owner !== undefined && owner !== self) {
      dropped++;
      continue;
    }
    if (!own.has(entry.clientID) && !newIds.has(entry.clientID)) {
      if (own.size + newIds.size >= MAX_IDS_PER_CONNECTION) {
        dropped++;
        continue;
      }
      newIds.add(entry.clientID);
    }
    let state: unknown;
    try {
      state = JSON.parse(entry.state);
    } catch {
      throw new ProtocolError('awareness state is not JSON');
    }
    if (state === null) {
      kept.push(entry);
      continue;
    }
    if (typeof state !== 'object' || Array.isArray(state)) throw new ProtocolError('awareness state must be a JSON object or null');
    const stamped = { ...(state as Record<string, unknown>), user: { ...user, role } };
    kept.push({ clientID: entry.clientID, clock: entry.clock, state: JSON.stringify(stamped) });
  }
  return { update: kept.length > 0 ? encodeAwarenessEntries(kept) : undefined, dropped };
}
