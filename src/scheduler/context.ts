import { lookup, store } from "../db/idempotency.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";
import type { ServerSecrets } from "../lib/sealing.js";
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
  /** Seal what an idempotent replay must give back (PITLANE_SECRET); set whenever idempotency is. */
  secrets?: ServerSecrets;
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
  if (!idem) return { ...fn(), replayed: false };
  const secrets = ctx.secrets;
  if (!secrets) throw new Error("idempotent write without server secrets"); // a wiring bug, never input
  const keyId = idempotencyKeyId(idem.key);
  const at = { dealerId, scope: idem.scope, key: idem.key };
  const hit = lookup(ctx.sqlite, dealerId, idem.scope, keyId, idem.hash);
  if (hit.kind === "replay") return { status: hit.status, body: unsealResponse(hit.body as T, secrets, at), replayed: true };
  if (hit.kind === "mismatch") {
    throw new DomainError("idempotency_mismatch", "this Idempotency-Key was already used with a different request body");
  }
  const r = fn();
  store(ctx.sqlite, { dealerId, scope: idem.scope, key: keyId, requestHash: idem.hash, status: r.status, body: sealResponse(r.body, secrets, at), now: ctx.nowMs });
  return { ...r, replayed: false };
}

export function isoNow(ctx: WriteContext): string {
  return new Date(ctx.nowMs).toISOString();
}
