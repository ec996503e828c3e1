import type { Context } from "hono";
import { actorOf, callerOf } from "./auth.js";
import { type AppEnv, DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT, type Services, serverSecretsOf } from "./deps.js";

// Each request's Ctx, the first argument of every verb: built once, by the edge, before
// routing reaches a handler, and read there as c.get("ctx"). Who is acting is read when a
// verb asks (actor, caller): the route's auth middleware runs after the edge. The
// Idempotency-Key is the header as sent; a route that honours it validates it with its
// header schema (routes/shared.ts) before the verb runs.

export function requestContext(c: Context<AppEnv>, s: Services): AppEnv["Variables"]["ctx"] {
  return {
    db: s.db,
    sqlite: s.sqlite,
    runtimes: s.runtimes,
    journey: s.journey,
    writes: s.writes,
    nowMs: s.now(),
    get actor() {
      return actorOf(c.get("principal"));
    },
    get caller() {
      return callerOf(c.get("principal"));
    },
    get clientAddress() {
      return s.clientAddress?.(c) || "unknown";
    },
    get idempotencyKey() {
      return c.req.header("Idempotency-Key");
    },
    get secrets() {
      return serverSecretsOf(s);
    },
    contactCap: s.maxActiveBookingsPerContact ?? DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT,
    dealerChanged: (dealerId, config) => s.onDealerChanged?.(dealerId, config),
  };
}
