import { lookup, store } from "../db/idempotency.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";
import { DomainError } from "./errors.js";
import { idempotencyKeyId, sealResponse, unsealResponse } from "./seal.js";
import type { Runtimes } from "./runtime.js";

// What a write verb needs from the shell: storage, the dealers' in-memory state, the
// clock reading for this request, who is acting, and the request's idempotency key.

export interface WriteContext {
  db: Db;
  sqlite: SqliteHandle;
  runtimes: Runtimes;
  /** Epoch ms, read once per request. */
  nowMs: number;
  actor: string;
  idempotency?: { key: string; scope: string; hash: string };
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
export function idempotent<T>(ctx: WriteContext, dealerId: string, fn: () => { status: number; body: T }): Outcome<T> {
  const idem = ctx.idempotency;
  const keyId = idem ? idempotencyKeyId(idem.key) : "";
  if (idem) {
    const hit = lookup(ctx.sqlite, dealerId, idem.scope, keyId, idem.hash);
    if (hit.kind === "replay") return { status: hit.status, body: unsealResponse(hit.body as T, idem.key), replayed: true };
    if (hit.kind === "mismatch") {
      throw new DomainError("idempotency_mismatch", "this Idempotency-Key was already used with a different request body");
    }
  }
  const r = fn();
  if (idem) store(ctx.sqlite, { dealerId, scope: idem.scope, key: keyId, requestHash: idem.hash, status: r.status, body: sealResponse(r.body, idem.key), now: ctx.nowMs });
  return { ...r, replayed: false };
}

export function isoNow(ctx: WriteContext): string {
  return new Date(ctx.nowMs).toISOString();
}
