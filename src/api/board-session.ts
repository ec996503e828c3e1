import type { Context } from "hono";
import {
  type BoardSessionRow,
  deleteBoardSession,
  findBoardSession,
  insertBoardSession,
  keyStillActive,
  purgeBoardSessions,
  touchBoardSession,
} from "../db/repos/board-sessions.js";
import { sha256Hex } from "../lib/digest.js";
import { randomToken } from "../scheduler/tokens.js";
import type { AppEnv, Principal } from "./deps.js";
import { ApiError } from "./errors.js";

// Sessions of the advisors' page (/board). The browser exchanges an API key (or the
// bootstrap token) for a random 256-bit session secret ONCE; the key is then dropped and
// only the cookie travels. The cookie is HttpOnly (no script reads it), SameSite=Strict
// (no other site's page makes the browser send it) and Secure except over plain http on
// localhost. Rows hold sha256(secret), so a copy of the database signs nobody in.
//
// Lifetime: a session ends 2 h after its last request (idle) and 8 h after sign-in
// (absolute, one shift), at sign-out, or as soon as its key is revoked (or the admin
// token rotated). Trap: the REAL clock, never deps.now — SCHEDULER_NOW freezes that one
// and a frozen clock would make every session immortal.
//
// CSRF: a cookie is a principal only on staff routes (auth.ts), and a write carried by a
// cookie must come from the page's own origin: its Origin header (or, without one,
// Sec-Fetch-Site: same-origin) must name this host. SameSite=Strict already keeps the
// cookie off cross-site requests; the Origin check also covers same-site neighbours
// (another port or subdomain), which SameSite does not. Reads need neither: staff routes
// have no CORS, so another origin cannot read what they answer.

export const SESSION_COOKIE = "pitlane_board";
export const SESSION_IDLE_MS = 2 * 3600_000;
export const SESSION_MAX_MS = 8 * 3600_000;
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const wallNow = () => Date.now();

export interface SessionGrant {
  dealerId: string;
  kind: "root" | "key";
  keyId: string | null;
  role: string;
  /** sha256 of the key or token it came from. */
  credentialHash: string;
}

/** Stores a new session and returns the cookie's value (the secret; never stored). */
export function openSession(c: Context<AppEnv>, sqlite: BoardSessionDeps["sqlite"], grant: SessionGrant): string {
  const secret = randomToken(32);
  const now = wallNow();
  purgeBoardSessions(sqlite, now);
  insertBoardSession(sqlite, {
    ...grant,
    idHash: sha256Hex(secret),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_MAX_MS,
  });
  c.header("Set-Cookie", cookie(c, secret, SESSION_MAX_MS / 1000));
  return secret;
}

export function closeSession(c: Context<AppEnv>, sqlite: BoardSessionDeps["sqlite"]): void {
  const secret = readCookie(c);
  if (secret) deleteBoardSession(sqlite, sha256Hex(secret));
  c.header("Set-Cookie", cookie(c, "", 0));
}

export interface BoardSessionDeps {
  sqlite: import("../db/sqlite-handle.js").SqliteHandle;
  adminToken: string;
}

/** The live session behind this request's cookie, or null (expired rows are deleted). */
export function currentSession(c: Context<AppEnv>, deps: BoardSessionDeps): BoardSessionRow | null {
  const secret = readCookie(c);
  if (!secret) return null;
  const idHash = sha256Hex(secret);
  const row = findBoardSession(deps.sqlite, idHash);
  if (!row) return null;
  const now = wallNow();
  const alive =
    now < row.expiresAt &&
    now < row.lastSeenAt + SESSION_IDLE_MS &&
    (row.kind === "root"
      ? deps.adminToken !== "" && sha256Hex(deps.adminToken) === row.credentialHash
      : row.keyId !== null && keyStillActive(deps.sqlite, row.keyId, row.credentialHash));
  if (!alive) {
    deleteBoardSession(deps.sqlite, idHash);
    return null;
  }
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) touchBoardSession(deps.sqlite, idHash, now);
  return row;
}

/**
 * The principal a session cookie stands for, on a staff route; null without a live
 * session. A write from another origin is refused (403) before anything runs.
 */
export function sessionPrincipal(c: Context<AppEnv>, deps: BoardSessionDeps): Principal | null {
  const row = currentSession(c, deps);
  if (!row) return null;
  if (!isSafeMethod(c.req.method) && !sameOrigin(c))
    throw new ApiError("forbidden", "A write with the page's session must come from the page itself");
  // A root session still acts for the one dealer it signed in to: the page is per dealer.
  if (row.kind === "root") return { kind: "key", dealerId: row.dealerId, role: "admin", keyId: "admin-token" };
  return { kind: "key", dealerId: row.dealerId, role: row.role === "admin" ? "admin" : "advisor", keyId: row.keyId! };
}

const isSafeMethod = (m: string) => m === "GET" || m === "HEAD" || m === "OPTIONS";

/** Does the request come from this host's own pages? (Origin, else Sec-Fetch-Site.) */
export function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header("Origin");
  const host = c.req.header("Host") ?? new URL(c.req.url).host;
  if (origin !== undefined) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false; // "null" (sandboxed frames, file:) or garbage
    }
  }
  return c.req.header("Sec-Fetch-Site") === "same-origin";
}

function readCookie(c: Context<AppEnv>): string | null {
  const header = c.req.header("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const v = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : null;
    }
  }
  return null;
}

/** Secure everywhere but plain http on the loopback (a browser drops Secure cookies there). */
function cookie(c: Context<AppEnv>, value: string, maxAgeSeconds: number): string {
  const url = new URL(c.req.url);
  const loopback = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${loopback ? "" : "; Secure"}`;
}
