// Session tokens: JWT HS256 (jose), audience 'struktur-live', claims { room, role, name, sub, exp }.
// verifyToken never throws: every failure maps to a close code and a reason that names no secret
// and repeats no token (reasons end up in logs).
import { SignJWT, jwtVerify, errors } from 'jose';
import { CloseCode } from './protocol/close-codes';
import { TOKEN_AUDIENCE, type Role, type TokenClaims } from './protocol/payloads';
import { roomNameProblem } from './protocol/room-name';

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; code: number; reason: string };

/** Longest token accepted (a JWT with our claims is ~300 bytes). */
const MAX_TOKEN_LENGTH = 4096;

export async function verifyToken(token: string, secret: Uint8Array, room: string, now: number = Date.now()): Promise<TokenCheck> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, code: CloseCode.forbidden, reason: 'token too long' };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
      currentDate: new Date(now),
      clockTolerance: 0,
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, code: CloseCode.expired, reason: 'token expired' };
    if (err instanceof errors.JWTClaimValidationFailed) return { ok: false, code: CloseCode.forbidden, reason: `token claim "${err.claim}" rejected` };
    return { ok: false, code: CloseCode.forbidden, reason: 'bad token signature or format' };
  }
  const { role, name, sub, exp, iat } = payload;
  if (typeof payload.room !== 'string') return { ok: false, code: CloseCode.forbidden, reason: 'token has no room' };
  if (payload.room !== room) return { ok: false, code: CloseCode.forbidden, reason: 'token is for another room' };
  if (role !== 'viewer' && role !== 'editor') return { ok: false, code: CloseCode.forbidden, reason: 'token role must be viewer or editor' };
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) return { ok: false, code: CloseCode.forbidden, reason: 'token subject invalid' };
  if (typeof exp !== 'number') return { ok: false, code: CloseCode.forbidden, reason: 'token has no expiry' };
  const displayName = typeof name === 'string' && name.trim().length > 0 ? name.trim().slice(0, 100) : sub;
  return { ok: true, claims: { room, role, name: displayName, sub, exp, iat: typeof iat === 'number' ? iat : undefined, aud: TOKEN_AUDIENCE } };
}

export interface MintOptions {
  room: string;
  role: Role;
  /** Lifetime in seconds. */
  ttlSeconds: number;
  name?: string;
  sub?: string;
  now?: number;
}

export async function mintToken(secret: Uint8Array, o: MintOptions): Promise<string> {
  const problem = roomNameProblem(o.room);
  if (problem) throw new Error(`invalid room "${o.room}": ${problem}`);
  if (!(o.ttlSeconds > 0)) throw new Error('the token lifetime must be positive');
  const now = Math.floor((o.now ?? Date.now()) / 1000);
  const sub = o.sub ?? (o.name ? o.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'user' : 'user');
  return new SignJWT({ room: o.room, role: o.role, name: o.name ?? sub })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + Math.floor(o.ttlSeconds))
    .sign(secret);
}

/** '8h', '30m', '90s', '2d' or plain seconds → seconds. */
export function parseTtl(text: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!m) throw new Error(`invalid --ttl "${text}": expected e.g. 90s, 30m, 8h, 2d`);
  const n = Number(m[1]);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  if (n <= 0) throw new Error(`invalid --ttl "${text}": must be positive`);
  return n * unit;
}

/** A stable colour for a user id (hue from a string hash), the same in every session. */
export function colorFor(id: string): string {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  const hue = h % 360;
  // HSL(hue, 65%, 45%) → RGB, readable on light and dark backgrounds.
  const s = 0.65, l = 0.45;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
