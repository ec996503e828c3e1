import type { Context, MiddlewareHandler } from "hono";
import { findActiveKey } from "../db/repos/api-keys.js";
import { sha256Hex, timingSafeEqualString } from "../lib/digest.js";
import { type AppDeps, type AppEnv, type Principal, ROLES, type Role } from "./deps.js";
import { sessionPrincipal } from "./board-session.js";
import { answers } from "./answers.js";
import { ApiError } from "./errors.js";
import { KEY_PREFIX } from "../scheduler/key-secret.js";
import type { Channel } from "../scheduler/contracts.js";
// Types only: a runtime import would load src/core (plain zod) before @hono/zod-openapi
// has extended zod, and zod 4 schemas built before that lack .openapi().
import type { Caller } from "../scheduler/trust.js";

// Bearer authentication and the role/tenancy policy.
//   root (SCHEDULER_ADMIN_TOKEN)   every dealer, every operation
//   key, role admin                its dealer: staff routes, PUT its dealer, its API keys
//   key, role advisor              its dealer: staff routes only (no keys, no PUT dealer)
//   key, role client               its dealer: search, book (asserting verified facts) and
//                                  the vehicle registry; NOT the staff routes (403)
// A key used on ANOTHER dealer's routes gets 404 not_found, never 403: a 403 would
// confirm that the dealer (or the appointment id) exists.

/** Name of the security scheme in the OpenAPI document. */
export const BEARER_SCHEME = "bearerAuth";
export const bearerSecurity = [{ [BEARER_SCHEME]: [] }];

/** What authentication needs; sqlite is optional so a bare { adminToken } still checks root. */
export type AuthDeps = Pick<AppDeps, "adminToken"> & Partial<Pick<AppDeps, "sqlite">>;

export function authenticate(deps: AuthDeps, authorization: string | undefined): Principal | null {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m) return null;
  const token = m[1];
  // Constant-time: the token is a shared secret, and a byte-by-byte compare leaks it.
  if (deps.adminToken && timingSafeEqualString(token, deps.adminToken)) return { kind: "root" };
  if (deps.sqlite && token.startsWith(KEY_PREFIX)) {
    const key = findActiveKey(deps.sqlite, sha256Hex(token));
    if (key && (ROLES as readonly string[]).includes(key.role)) {
      return {
        kind: "key",
        dealerId: key.dealerId,
        role: key.role as Role,
        keyId: key.id,
        ...(key.channel ? { channel: key.channel } : {}),
      };
    }
  }
  return null;
}

/** The caller's principal, authenticating once per request; null when absent or invalid. */
export function peekPrincipal(c: Context<AppEnv>, deps: AuthDeps): Principal | null {
  let p = c.get("principal");
  if (!p) {
    p = authenticate(deps, c.req.header("Authorization")) ?? undefined;
    if (p) c.set("principal", p);
  }
  return p ?? null;
}

function principalOf(c: Context<AppEnv>, deps: AuthDeps, session = false): Principal {
  const p = peekPrincipal(c, deps) ?? (session ? sessionOf(c, deps) : null);
  if (!p) {
    c.header("WWW-Authenticate", 'Bearer realm="pitlane"');
    throw new ApiError("unauthorized", "A valid bearer token is required");
  }
  return p;
}

/** May this principal act on dealerId's resources at all (tenancy, not role)? */
export function actsFor(p: Principal, dealerId: string | undefined): boolean {
  return p.kind === "root" || (dealerId !== undefined && p.dealerId === dealerId);
}

/** Same status and text as a dealer that does not exist (see the scheduler's notFound). */
const otherTenant = (dealerId: string | undefined) => new ApiError("not_found", `dealer ${dealerId ?? "?"} not found`);

/** Root, or an admin key of `dealerId`. Without a dealerId (global operations): root only. */
export function requireAdmin(c: Context<AppEnv>, deps: AuthDeps, dealerId?: string): Principal {
  const p = principalOf(c, deps);
  if (p.kind === "root") return p;
  if (dealerId === undefined) throw new ApiError("forbidden", "This operation needs the bootstrap admin token");
  if (!actsFor(p, dealerId)) throw otherTenant(dealerId);
  if (p.role !== "admin") throw new ApiError("forbidden", "This operation needs an admin key");
  return p;
}

/**
 * The advisors' page session (api/board-session.ts) when the request has no Authorization
 * header at all: a header that does not authenticate stays a 401, never falls back.
 */
function sessionOf(c: Context<AppEnv>, deps: AuthDeps): Principal | null {
  if (c.req.header("Authorization") !== undefined || !deps.sqlite) return null;
  const p = sessionPrincipal(c, { sqlite: deps.sqlite, adminToken: deps.adminToken });
  if (p) c.set("principal", p);
  return p;
}

/**
 * Root, or any key of `dealerId` (when given), client keys included: who may assert facts.
 * `session`: the advisors' page cookie counts too (staff routes only).
 */
export function requireTrusted(c: Context<AppEnv>, deps: AuthDeps, dealerId?: string, session = false): Principal {
  const p = principalOf(c, deps, session);
  if (dealerId !== undefined && !actsFor(p, dealerId)) throw otherTenant(dealerId);
  return p;
}

/** Root, or a staff key (advisor, admin) of `dealerId` (when given): never a client key. */
export function requireStaff(c: Context<AppEnv>, deps: AuthDeps, dealerId?: string): Principal {
  const p = requireTrusted(c, deps, dealerId, true);
  if (p.kind === "key" && p.role === "client")
    throw new ApiError(
      "forbidden",
      "A client key may search, book and register vehicles; this operation needs a staff key",
    );
  return p;
}

/** Who did it, for audit rows: never the token. */
export function actorOf(p: Principal | null | undefined): string {
  if (!p) return "customer";
  return p.kind === "root" ? "admin" : `key:${p.keyId}`;
}

// Route middleware: put them in createRoute({ middleware: [...] }) so auth runs BEFORE
// body validation (an anonymous caller gets 401, not a schema lesson). Each reads the
// dealer from the :dealerId path parameter when the route has one, and the credentials'
// store from the app's services (c.get("services"), set by the edge).
// Each declares what it may answer (api/answers.ts): another dealer's caller gets 404.
export const adminOnly: MiddlewareHandler<AppEnv> = answers(
  async (c, next) => {
    requireAdmin(c, c.get("services"), c.req.param("dealerId"));
    await next();
  },
  "unauthorized",
  "forbidden",
  "not_found",
);

export const staffOnly: MiddlewareHandler<AppEnv> = answers(
  async (c, next) => {
    requireStaff(c, c.get("services"), c.req.param("dealerId"));
    await next();
  },
  "unauthorized",
  "forbidden",
  "not_found",
);

/** Staff or a client key of the dealer (the vehicle registry). */
export const trustedOnly: MiddlewareHandler<AppEnv> = answers(
  async (c, next) => {
    requireTrusted(c, c.get("services"), c.req.param("dealerId"));
    await next();
  },
  "unauthorized",
  "not_found",
);

/**
 * For endpoints that are public but believe more from a credential (search, booking):
 * no Authorization header -> anonymous (no principal); a header that does not
 * authenticate -> 401, rather than silently downgrading a staff caller to a customer.
 */
export const optionalCaller: MiddlewareHandler<AppEnv> = answers(
  async (c, next) => {
    if (c.req.header("Authorization") !== undefined) requireTrusted(c, c.get("services"), c.req.param("dealerId"));
    await next();
  },
  "unauthorized",
  "not_found",
);

/** What the scheduler believes of this request's caller (scheduler/trust.ts). */
export function callerOf(p: Principal | null | undefined): Caller {
  if (!p) return { kind: "anonymous" };
  if (p.kind === "key" && p.role === "client") return { kind: "client", channel: (p.channel ?? "app") as Channel };
  return { kind: "staff" };
}
