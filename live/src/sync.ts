// The y-protocols sync messages as the server needs them: reading a client's sync message without
// applying it (so size, role and cap checks come first), writing step 1 / step 2 / update, and
// telling whether an update would change a document at all (a viewer's harmless step 2).
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep } from './protocol/message-types';
import { ProtocolError } from './protocol/messages';

export type SyncMessage = { kind: 'step1'; stateVector: Uint8Array } | { kind: 'step2' | 'update'; update: Uint8Array };

export function readSyncMessage(body: Uint8Array): SyncMessage {
  const d = decoding.createDecoder(body);
  try {
    const step = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (step === SyncStep.step1) return { kind: 'step1', stateVector: payload };
    if (step === SyncStep.step2) return { kind: 'step2', update: payload };
    if (step === SyncStep.update) return { kind: 'update', update: payload };
    throw new ProtocolError(`unknown sync step ${step}`);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('truncated sync message');
  }
}

function message(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return message(SyncStep.step1, Y.encodeStateVector(doc));
}

/** Step 2: what a peer with `stateVector` lacks. Throws ProtocolError on a malformed vector. */
export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  let diff: Uint8Array;
  try {
    diff = Y.encodeStateAsUpdate(doc, stateVector);
  } catch {
    throw new ProtocolError('malformed state vector in sync step 1');
  }
  return message(SyncStep.step2, diff);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return message(SyncStep.update, update);
}

/** Whether an update is well-formed (decodes completely). */
export function decodeUpdateChecked(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('malformed Yjs update');
  }
}

/** Whether an update carries no insertion and no deletion (e.g. [0, 0]). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  if (update.length === 2 && update[0] === 0 && update[1] === 0) return true;
  const { structs, ds } = decodeUpdateChecked(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * Whether applying `update` would change `doc`: it has an item the document lacks, or deletes an
 * item the document has not deleted. A viewer's step 2 normally repeats only what the server
 * already has (including its whole delete set), and must pass as harmless.
 */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = decodeUpdateChecked(update);
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > (sv.get(s.id.client) ?? 0)) return true;
  }
  if (ds.clients.size === 0) return false;
  const have = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const known = have.clients.get(client) ?? [];
    for (const r of ranges) if (!rangeCovered(known, r.clock, r.len)) return true;
  }
  return false;
}

/** Whether [clock, clock+len) lies inside the union of sorted, merged ranges. */
function rangeCovered(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (clock < r.clock) hi = mid - 1;
    else if (clock >= r.clock + r.len) lo = mid + 1;
    else return clock + len <= r.clock + r.len;
  }
  return false;
}
