// Room names and their place in the URL (docs/live-protocol.md, "Rooms and URLs").
// The room is the URL path without its leading '/': wss://host/team/bridge-a → room "team/bridge-a".
// Names use only characters that need no percent-encoding, so the stock y-websocket client (which
// appends the room to the URL unencoded) and every proxy agree on the name.

export const ROOM_NAME_MAX = 200;
const SEGMENT = /^[A-Za-z0-9_.~-]+$/;

/** Why a room name is invalid, or undefined when it is valid. */
export function roomNameProblem(room: string): string | undefined {
  if (room.length === 0) return 'the room name is empty';
  if (room.length > ROOM_NAME_MAX) return `the room name is longer than ${ROOM_NAME_MAX} characters`;
  for (const seg of room.split('/')) {
    if (seg.length === 0) return 'the room name has an empty segment (leading, trailing or double "/")';
    if (seg === '.' || seg === '..') return 'the room name has a "." or ".." segment';
    if (!SEGMENT.test(seg)) return 'the room name may contain only A–Z a–z 0–9 _ . ~ - and "/" between segments';
  }
  return undefined;
}

export function isValidRoomName(room: string): boolean {
  return roomNameProblem(room) === undefined;
}

/** The room named by a request URL path ('/team/bridge-a?x=1' → 'team/bridge-a'), or undefined. */
export function roomFromUrlPath(urlPath: string): string | undefined {
  const q = urlPath.indexOf('?');
  const p = q >= 0 ? urlPath.slice(0, q) : urlPath;
  if (!p.startsWith('/')) return undefined;
  const room = p.slice(1);
  return isValidRoomName(room) ? room : undefined;
}

/** The WebSocket URL of a room on a server ('wss://host:1234' + 'team/a' → 'wss://host:1234/team/a'). */
export function roomUrl(serverUrl: string, room: string): string {
  return serverUrl.replace(/\/+$/, '') + '/' + room;
}
