// The JSON payloads of Struktur's own messages (types 100–104) and the claims of a session token.
// Shared by the server (live/src) and the clients (live/src/client, the VS Code extension).

export type Role = 'viewer' | 'editor';

export const ROLES: readonly Role[] = ['viewer', 'editor'];

/** The audience every session token carries, so a JWT signed with the same secret for another
 *  purpose is not accepted as a live-session token. */
export const TOKEN_AUDIENCE = 'struktur-live';

/** The claims of a session token (JWT, HS256, signed with the server secret). */
export interface TokenClaims {
  /** The one room this token opens (exact match). */
  room: string;
  role: Role;
  /** Display name shown to the other participants. */
  name: string;
  /** Stable user id (JWT subject). */
  sub: string;
  /** Expiry, seconds since the epoch (JWT `exp`). */
  exp: number;
  /** Issued at, seconds since the epoch (JWT `iat`). */
  iat?: number;
  /** Always TOKEN_AUDIENCE. */
  aud?: string | string[];
}

/** 100 AUTH, client → server, the first message. */
export interface AuthPayload {
  token: string;
}

/** 103 REFRESH, client → server: a new token for the same room, before the current one expires.
 *  A refresh may not change the room; it may change the role (the new role applies at once). */
export interface RefreshPayload {
  token: string;
}

/** The identity the server attaches to a participant (awareness `user` field and AUTH_OK). */
export interface LiveUser {
  /** The token subject. */
  id: string;
  name: string;
  /** A CSS colour (#rrggbb) derived from the id, the same in every session. */
  color: string;
}

/** 101 AUTH_OK, server → client. */
export interface AuthOkPayload {
  room: string;
  role: Role;
  user: LiveUser;
  /** Token expiry in milliseconds since the epoch; refresh (103) before it. */
  expiresAt: number;
  /**
   * True for exactly one editor when the room has no stored state: that client, and only that
   * one, may fill the document from its files (after the sync with the server completed). Every
   * other client must never seed — an empty document merged over a stored one is the classic way
   * to lose a model. Absent means false.
   */
  seed?: boolean;
}

/** Notice codes carried by 104 NOTICE. */
export type NoticeCode =
  | 'read-only' // a viewer sent an update; it was dropped (the connection stays open)
  | 'refreshed' // a REFRESH was accepted; `expiresAt` is the new expiry
  | 'expiring' // the token expires soon; send REFRESH
  | 'awareness-dropped' // awareness over its rate or size limit was dropped
  | 'closing'; // the reason of the close that follows (code in `closeCode`)

/** 104 NOTICE, server → client. */
export interface NoticePayload {
  code: NoticeCode;
  message: string;
  /** For 'refreshed' and 'expiring': the token expiry in milliseconds since the epoch. */
  expiresAt?: number;
  /** For 'closing': the WebSocket close code that follows. */
  closeCode?: number;
}
