import type { Context } from "hono";
import { actorOf, callerOf } from "./auth.js";
import { type AppEnv, contactCapOf, type Services, serverSecretsOf } from "./deps.js";

// Each request's Ctx, the first argument of every verb: built once, by the edge, before
// routing reaches a handler, and read there as c.get("ctx"). Who is acting is read when a
// verb asks (actor, caller): the route's auth middleware runs after the edge. The
// Idempotency-Key is the header as sent; a route that honours it validates it with its
// header schema (routes/shared.ts) before the verb runs.
//
// A class, not an object literal with getters: a literal makes a closure per getter on
// every request (~2 % of a search's CPU, issue 17); here they live once on the prototype.
// Trap: `{ ...ctx }` copies own fields only and would drop the getters; to act as someone
// else, use actingAs() below.

type RequestCtx = AppEnv["Variables"]["ctx"];

class EdgeContext implements RequestCtx {
  readonly db: RequestCtx["db"];
  readonly sqlite: RequestCtx["sqlite"];
  readonly runtimes: RequestCtx["runtimes"];
  readonly journey: RequestCtx["journey"];
  readonly writes: RequestCtx["writes"];
  readonly nowMs: number;
  readonly contactCap: number;

  constructor(
    private readonly c: Context<AppEnv>,
    private readonly s: Services,
  ) {
    this.db = s.db;
    this.sqlite = s.sqlite;
    this.runtimes = s.runtimes;
    this.journey = s.journey;
    this.writes = s.writes;
    this.nowMs = s.now();
    this.contactCap = contactCapOf(s);
  }

  get actor() {
    return actorOf(this.c.get("principal"));
  }
  get caller() {
    return callerOf(this.c.get("principal"));
  }
  get clientAddress() {
    return this.s.clientAddress?.(this.c) || "unknown";
  }
  get idempotencyKey() {
    return this.c.req.header("Idempotency-Key");
  }
  get secrets() {
    return serverSecretsOf(this.s);
  }
  dealerChanged(dealerId: string, config: Parameters<RequestCtx["dealerChanged"]>[1]): void {
    this.s.onDealerChanged?.(dealerId, config);
  }
}

export function requestContext(c: Context<AppEnv>, s: Services): RequestCtx {
  return new EdgeContext(c, s);
}
