// Carries 3D-view selections between a live session and the 3D panels (through the
// ParticipantSelections hub of the main bundle): the others' selections, with the shared file
// their model is in mapped to this window's URI of it (the host's file on disk, a guest's
// `struktur-live:` copy), go to the hub; ours, from the hub, go to presence with the URI mapped
// back to the shared file. No VS Code import at run time, so it is tested in Node.
import type { Model3dElement } from '../../../live/src/client';
import type { ParticipantSelectionsPort, RemoteSelection } from '../panels/participant-selections';
import type { Model3dSelection } from './session';

/** What the link needs of a LiveSession. */
export interface Model3dSessionPort {
  /** Shared file (relative path) → this window's URI of it. */
  readonly files: ReadonlyMap<string, { toString(): string }>;
  readonly onDidChangeModel3dSelections: (listener: (s: Model3dSelection[]) => void) => { dispose(): void };
  /** Fires when the files (or anything else) of the session change: the mapping may have. */
  readonly onDidChange: (listener: () => void) => { dispose(): void };
  model3dSelections(): Model3dSelection[];
  setModel3dSelection(file: string | null, elements: Model3dElement[]): void;
}

/** Drawn when a participant's identity carries no usable colour. */
export const FALLBACK_COLOUR = '#8a8a8a';

/** The remote selections of the participants, in this window's URIs; a selection in a file this
 * window does not have (yet) is left out. */
export function remoteSelections(selections: Model3dSelection[], uriOf: (rel: string) => string | undefined): RemoteSelection[] {
  const out: RemoteSelection[] = [];
  for (const s of selections) {
    const file = uriOf(s.file);
    if (!file) continue;
    const user = s.participant.user;
    const colour = typeof user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color.toLowerCase() : FALLBACK_COLOUR;
    const name = (typeof user?.name === 'string' && user.name.trim().slice(0, 60)) || 'Participant';
    out.push({ file, selection: { id: String(s.participant.clientId), name, colour, elements: s.elements.map((e) => ({ kind: e.kind, name: e.name })) } });
  }
  return out;
}

/** Links the session and the hub until disposed; disposing clears the others' selections. */
export function linkModel3d(session: Model3dSessionPort, hub: ParticipantSelectionsPort): { dispose(): void } {
  const uriOf = (rel: string) => {
    const uri = session.files.get(rel);
    return uri === undefined ? undefined : hub.canonical(uri.toString());
  };
  const relOf = (model: string) => {
    const key = hub.canonical(model);
    for (const [rel, uri] of session.files) if (hub.canonical(uri.toString()) === key) return rel;
    return undefined;
  };
  // The hub fires only for models whose selections changed, so pushing again is cheap.
  const pushRemote = (s: Model3dSelection[]) => hub.setRemote(remoteSelections(s, uriOf));
  let published = JSON.stringify({ file: null, elements: [] });
  const publishLocal = () => {
    const local = hub.local;
    const rel = local && relOf(local.model);
    const next = { file: rel && local?.elements.length ? rel : null, elements: rel && local ? local.elements : [] };
    const text = JSON.stringify(next);
    if (text === published) return;
    published = text;
    session.setModel3dSelection(next.file, next.elements);
  };
  const subs = [
    session.onDidChangeModel3dSelections(pushRemote),
    hub.onDidChangeLocal(publishLocal),
    // The host's files are mapped once connected, a guest's as the room's list arrives: a
    // selection made before (or in a file shared later) is published then.
    session.onDidChange(() => {
      publishLocal();
      pushRemote(session.model3dSelections());
    }),
  ];
  pushRemote(session.model3dSelections());
  publishLocal();
  return {
    dispose() {
      for (const s of subs) s.dispose();
      hub.setRemote([]);
    },
  };
}
