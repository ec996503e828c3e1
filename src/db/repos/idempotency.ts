import { z } from "../../lib/zod.js";
import { canonicalJson } from "../../lib/canonical-json.js";
import { sha256Hex } from "../../lib/digest.js";
import { once } from "../prepared.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// Idempotency-Key store. Intended flow, all inside ONE immediate() transaction so a
// concurrent retry cannot slip between the lookup and the store:
//
//   const hash = requestHash(body);                       // before the transaction
//   return immediate(sqlite, () => {
//     const hit = lookup(sqlite, dealerId, scope, key, hash);
//     if (hit.kind === "replay") return hit;               // same answer, nothing booked
//     if (hit.kind === "mismatch") throw new ApiError("idempotency_mismatch", ...);
//     const result = book(...);                            // writes
//     store(sqlite, { dealerId, scope, key, requestHash: hash, status: 201, body: result, now });
//     return result;
//   });
//
// Only successful (2xx) outcomes should be stored: a 409 slot_unavailable must not stick
// to the key, or the client's retry with a fresh choice would be refused.

/** Kept at least this long; purgeExpired removes older entries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Header value: printable ASCII, no spaces, bounded so it cannot bloat the table (the routes' header schema, routes/shared.ts). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
export const IdempotencyKey = z.string().regex(IDEMPOTENCY_KEY_PATTERN, "expected 1-200 printable ASCII characters");

export type LookupResult = { kind: "miss" } | { kind: "replay"; status: number; body: unknown } | { kind: "mismatch" };

export interface StoreInput {
  dealerId: string;
  /** e.g. "POST /v1/dealers/{dealerId}/appointments" (route pattern, not the raw URL). */
  scope: string;
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  /** Epoch ms from deps.now(). */
  now: number;
}

export function requestHash(body: unknown): string {
  return sha256Hex(canonicalJson(body));
}

export function lookup(sqlite: SqliteHandle, dealerId: string, scope: string, key: string, hash: string): LookupResult {
  const row = stmts(sqlite).select.get(dealerId, scope, key) as
    | { request_hash: string; status: number; response_json: string }
    | undefined;
  if (!row) return { kind: "miss" };
  if (row.request_hash !== hash) return { kind: "mismatch" };
  return { kind: "replay", status: row.status, body: JSON.parse(row.response_json) };
}

export function store(sqlite: SqliteHandle, input: StoreInput): void {
  // Plain INSERT: after a "miss" in the same transaction a conflict is impossible, and if
  // the flow is ever broken we want the constraint error rather than a silent overwrite.
  stmts(sqlite).insert.run(
    input.dealerId,
    input.scope,
    input.key,
    input.requestHash,
    input.status,
    JSON.stringify(input.body),
    new Date(input.now).toISOString(),
  );
}

/** Deletes entries older than the TTL; returns how many. Safe to call at any time. */
export function purgeExpired(sqlite: SqliteHandle, now: number, ttlMs = IDEMPOTENCY_TTL_MS): number {
  return stmts(sqlite).purge.run(new Date(now - ttlMs).toISOString()).changes;
}

// Prepared once per connection: preparing costs more than running these statements.
const stmts = (sqlite: SqliteHandle) =>
  once(sqlite, "idempotency", () => ({
    select: sqlite.prepare(
      "SELECT request_hash, status, response_json FROM idempotency_keys WHERE dealer_id = ? AND scope = ? AND key = ?",
    ),
    insert: sqlite.prepare(
      "INSERT INTO idempotency_keys (dealer_id, scope, key, request_hash, status, response_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    purge: sqlite.prepare("DELETE FROM idempotency_keys WHERE created_at < ?"),
  }));
