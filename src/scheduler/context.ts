import type { DealerConfig } from "../core/dealer-config.js";
import type { WriteQueue } from "../db/group-commit.js";
import { lookup, requestHash, store } from "../db/repos/idempotency.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";
import type { ServerSecrets } from "../lib/sealing.js";
import { DomainError } from "./errors.js";
import { idempotencyKeyId, sealResponse, unsealResponse } from "./seal.js";
import type { Runtimes } from "./runtime.js";
import type { Caller } from "./trust.js";

// What a write needs from its caller: storage, the dealers' in-memory state, the clock
// reading, who is acting, and (requests only) the request's Idempotency-Key. The journey's
// timers build one of these for their own writes (journey/runner.ts).

export interface WriteContext {
  db: Db;
  sqlite: SqliteHandle;
  runtimes: Runtimes;
  /** Epoch ms, read once per request. */
  nowMs: number;
  readonly actor: string;
  /** The request's Idempotency-Key (validated by the route's header schema), when sent. */
  idempotencyKey?: string;
  /** Seal what an idempotent replay must give back (PITLANE_SECRET); set whenever idempotencyKey is. */
  secrets?: ServerSecrets;
}

/**
 * What every verb takes first: `verb(ctx, input)`. Built once per request by the edge
 * middleware (api/request-context.ts) and read by routes as `c.get("ctx")`.
 */
export interface Ctx extends WriteContext {
  /** What the scheduler believes of the caller (scheduler/trust.ts); read after auth ran. */
  readonly caller: Caller;
  /** The caller's network address as the runtime reports it ("unknown" when it cannot). */
  readonly clientAddress: string;
  secrets: ServerSecrets;
  /** The group-commit queue the booking, move and lifecycle writes go through (absent: direct). */
  writes?: WriteQueue;
  /** Active future public bookings one contact may hold per dealer; 0 = no cap. */
  contactCap: number;
  /** After a dealer's configuration was committed: the in-memory state is rebuilt. */
  dealerChanged(dealerId: string, config: DealerConfig): void;
}

/**
 * The same context acting as `actor` (the customer's own manage link). Not `{ ...ctx }`: a
 * request's context keeps its lazily read facts in getters on its prototype (api/request-context.ts),
 * which a spread would drop.
 */
export function actingAs<C extends WriteContext>(ctx: C, actor: string): C {
  return Object.create(ctx, { actor: { value: actor, enumerable: true } }) as C;
}

/** Which write an Idempotency-Key is bound to: the dealer, the operation and what was asked. */
export interface IdempotencyScope {
  dealerId: string;
  /** The operation, e.g. "POST /v1/dealers/{dealerId}/appointments". */
  scope: string;
  /** What the request asked (the body, plus path parts that change its meaning). */
  request: unknown;
  /** Computed before the transaction (scheduler/book-prep.ts). */
  prepared?: PreparedIdempotency;
}

/** An idempotent write's request hash and key id, and the manage token sealed for its record when sealed already. */
export interface PreparedIdempotency {
  requestHash: string;
  keyId: string;
  sealed?: { manageToken: string; sealed: string };
}

export interface Outcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a write inside the caller's transaction with Idempotency-Key semantics: same key
 * and same body replays the stored response; same key and another body is refused.
 * The response is stored in the same transaction as the write it describes.
 */
export function idempotent<T>(
  ctx: WriteContext,
  on: IdempotencyScope,
  fn: () => { status: number; body: T },
): Outcome<T> {
  const key = ctx.idempotencyKey;
  if (key === undefined) return { ...fn(), replayed: false };
  const secrets = ctx.secrets;
  if (!secrets) throw new Error("idempotent write without server secrets"); // a wiring bug, never input
  const { dealerId, scope } = on;
  const idem = { key, scope, hash: on.prepared?.requestHash ?? requestHash(on.request ?? null) };
  const keyId = on.prepared?.keyId ?? idempotencyKeyId(idem.key);
  const at = { dealerId, scope: idem.scope, key: idem.key };
  const hit = lookup(ctx.sqlite, dealerId, idem.scope, keyId, idem.hash);
  if (hit.kind === "replay")
    return { status: hit.status, body: unsealResponse(hit.body as T, secrets, at), replayed: true };
  if (hit.kind === "mismatch") {
    throw new DomainError(
      "idempotency_mismatch",
      "this Idempotency-Key was already used with a different request body",
    );
  }
  const r = fn();
  store(ctx.sqlite, {
    dealerId,
    scope: idem.scope,
    key: keyId,
    requestHash: idem.hash,
    status: r.status,
    body: sealResponse(r.body, secrets, at, on.prepared?.sealed),
    now: ctx.nowMs,
  });
  return { ...r, replayed: false };
}

/**
 * The request's clock reading as ISO text. A write asks for it more than once (a booking:
 * its row, its customer and vehicle), and a group's writes share one reading more often
 * than not: the last one is remembered (issue 17).
 */
export function isoNow(ctx: WriteContext): string {
  if (ctx.nowMs !== lastMs) {
    lastIso = new Date(ctx.nowMs).toISOString(); // first: a reading it refuses is not remembered
    lastMs = ctx.nowMs;
  }
  return lastIso;
}
let lastMs = Number.NaN;
let lastIso = "";
