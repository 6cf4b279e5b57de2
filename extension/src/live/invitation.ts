// An invitation: what a guest pastes into Join Live Session — server URL, room and a token for one
// role — as one copyable line, `struktur-invite:` + base64url(JSON), inside a sentence a person
// can read. The token is a secret: the invitation goes to the clipboard, never into a log.
import { roomNameProblem, type Role } from '../../../live/src/protocol';

export interface Invitation {
  server: string;
  room: string;
  token: string;
  role: Role;
  /** The model's title or main file, to show the guest what they join. */
  label?: string;
}

const PREFIX = 'struktur-invite:';

export function formatInvitation(inv: Invitation): string {
  const code = PREFIX + Buffer.from(JSON.stringify({ v: 1, ...inv }), 'utf8').toString('base64url');
  return `Join my Struktur live session on ${inv.label ?? inv.room} as ${inv.role === 'editor' ? 'an editor' : 'a viewer'}: in VS Code run "Struktur: Join Live Session" and paste\n${code}\n`;
}

/** Reads an invitation out of pasted text; throws with a clear message when there is none. */
export function parseInvitation(text: string): Invitation {
  const m = /struktur-invite:([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error('no invitation found: it is the line starting with "struktur-invite:"');
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  } catch {
    throw new Error('the invitation is damaged (copy the whole struktur-invite: line)');
  }
  if (o.v !== 1) throw new Error(`this invitation is of an unknown version (${String(o.v)}); update Struktur`);
  if (typeof o.server !== 'string' || !/^wss?:\/\//.test(o.server)) throw new Error('the invitation names no ws:// or wss:// server');
  if (typeof o.room !== 'string' || roomNameProblem(o.room)) throw new Error(`the invitation's room is invalid: ${roomNameProblem(String(o.room))}`);
  if (typeof o.token !== 'string' || !o.token) throw new Error('the invitation carries no token');
  const role = o.role === 'viewer' ? 'viewer' : 'editor';
  return { server: o.server, room: o.room, token: o.token, role, label: typeof o.label === 'string' ? o.label : undefined };
}
