import type { Context, MiddlewareHandler } from "hono";
import { timingSafeEqualString } from "../lib/sha256.js";
import type { AppDeps, AppEnv, Principal } from "./deps.js";
import { ApiError } from "./errors.js";

// Bearer authentication. Today the only credential is the bootstrap admin token, which
// is both admin and staff for every dealer. Per-dealer API keys slot into `authenticate`:
// look the sha256 of the token up in a keys table and return { kind: "staff", dealerId }.

/** Name of the security scheme in the OpenAPI document. */
export const BEARER_SCHEME = "bearerAuth";
export const bearerSecurity = [{ [BEARER_SCHEME]: [] }];

export function authenticate(deps: Pick<AppDeps, "adminToken">, authorization: string | undefined): Principal | null {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m) return null;
  // Constant-time: the token is a shared secret, and a byte-by-byte compare leaks it.
  if (deps.adminToken && timingSafeEqualString(m[1], deps.adminToken)) return { kind: "admin" };
  return null;
}

function principalOf(c: Context<AppEnv>, deps: Pick<AppDeps, "adminToken">): Principal {
  let p = c.get("principal");
  if (!p) {
    p = authenticate(deps, c.req.header("Authorization")) ?? undefined;
    if (!p) {
      c.header("WWW-Authenticate", 'Bearer realm="pitlane"');
      throw new ApiError("unauthorized", "A valid bearer token is required");
    }
    c.set("principal", p);
  }
  return p;
}

export function requireAdmin(c: Context<AppEnv>, deps: Pick<AppDeps, "adminToken">): Principal {
  const p = principalOf(c, deps);
  if (p.kind !== "admin") throw new ApiError("forbidden", "This operation needs an admin token");
  return p;
}

/** Staff of `dealerId` (when given), or an admin. */
export function requireStaff(c: Context<AppEnv>, deps: Pick<AppDeps, "adminToken">, dealerId?: string): Principal {
  const p = principalOf(c, deps);
  if (p.kind === "staff" && dealerId !== undefined && p.dealerId !== dealerId) {
    throw new ApiError("forbidden", "This token is not valid for this dealer");
  }
  return p;
}

// Route middleware variants: put them in createRoute({ middleware: [...] }) so auth runs
// BEFORE body validation (an anonymous caller gets 401, not a schema lesson).
export const adminOnly = (deps: Pick<AppDeps, "adminToken">): MiddlewareHandler<AppEnv> => async (c, next) => {
  requireAdmin(c, deps);
  await next();
};

/** Reads the dealer from the :dealerId path parameter. */
export const staffOnly = (deps: Pick<AppDeps, "adminToken">): MiddlewareHandler<AppEnv> => async (c, next) => {
  requireStaff(c, deps, c.req.param("dealerId"));
  await next();
};

/**
 * For endpoints that are public but act with more rights for staff (e.g. booking):
 * no Authorization header -> anonymous (no principal); a header that does not
 * authenticate -> 401, rather than silently downgrading a staff caller to a customer.
 */
export const optionalStaff = (deps: Pick<AppDeps, "adminToken">): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.req.header("Authorization") !== undefined) requireStaff(c, deps, c.req.param("dealerId"));
  await next();
};
