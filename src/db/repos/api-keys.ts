import { timingSafeEqualString } from "../../lib/digest.js";
import { apiKeys } from "../schema.js";
import { stmt } from "../prepared.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";
import { sqliteOf, tableRows } from "./rows.js";
import { immediate } from "../tx.js";

// Staff API keys: rows hold the sha256 of the secret, never the secret. Creating and
// revoking are audited in the same transaction as the change.

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export interface ActiveKey {
  id: string;
  dealerId: string;
  role: string;
  /** Role client: the channel its bookings are recorded under. */
  channel: string | null;
}

/**
 * The live key whose secret hashes to `secretHash`, or null. Looked up by the (unique,
 * indexed) hash, then compared in constant time: the index lookup only ever sees a
 * hash of a 256-bit secret, and the final equality does not leak by timing either.
 * Revocation is immediate: every request reads the table, nothing is cached.
 */
export function findActiveKey(sqlite: SqliteHandle, secretHash: string): ActiveKey | null {
  const row = stmt(sqlite, FIND_ACTIVE).get(secretHash) as
    | { id: string; dealer_id: string; role: string; channel: string | null; secret_hash: string }
    | undefined;
  if (!row || !timingSafeEqualString(row.secret_hash, secretHash)) return null;
  return { id: row.id, dealerId: row.dealer_id, role: row.role, channel: row.channel };
}

export interface NewKey {
  id: string;
  dealerId: string;
  role: string;
  label: string;
  /** Role client only. */
  channel?: string | null;
  secretHash: string;
  /** ISO instant. */
  at: string;
  /** Who did it, for the audit log; never a token. */
  actor: string;
}

// `_db`: unused since the statements run on `sqlite`; the callers drop it with the request context (issue 18, item 1).
export function insertKey(_db: Db, sqlite: SqliteHandle, k: NewKey): ApiKeyRow {
  const row: ApiKeyRow = {
    id: k.id,
    dealerId: k.dealerId,
    role: k.role,
    label: k.label,
    secretHash: k.secretHash,
    createdAt: k.at,
    revokedAt: null,
    channel: k.channel ?? null,
  };
  immediate(sqlite, () => {
    stmt(sqlite, K.insert).run(...K.values(row));
    stmt(sqlite, AUDIT).run(
      k.dealerId,
      k.at,
      k.actor,
      "api_key.created",
      null,
      JSON.stringify({ id: k.id, role: k.role, label: k.label, ...(k.channel ? { channel: k.channel } : {}) }),
    );
  });
  return row;
}

export function listKeys(db: Db, dealerId: string): ApiKeyRow[] {
  return K.decodeAll(
    stmt(sqliteOf(db), `SELECT ${K.columns} FROM api_keys WHERE dealer_id = ? ORDER BY created_at, id`).all(dealerId),
  );
}

/** Revokes a key of this dealer (idempotent: a revoked key keeps its first revokedAt); null if none. */
export function revokeKey(
  _db: Db,
  sqlite: SqliteHandle,
  dealerId: string,
  id: string,
  at: string,
  actor: string,
): ApiKeyRow | null {
  return immediate(sqlite, () => {
    const before = K.decode(
      stmt(sqlite, `SELECT ${K.columns} FROM api_keys WHERE dealer_id = ? AND id = ?`).get(dealerId, id),
    );
    if (!before) return null;
    if (before.revokedAt !== null) return before;
    stmt(sqlite, "UPDATE api_keys SET revoked_at = ? WHERE dealer_id = ? AND id = ? AND revoked_at IS NULL").run(
      at,
      dealerId,
      id,
    );
    stmt(sqlite, AUDIT).run(
      dealerId,
      at,
      actor,
      "api_key.revoked",
      JSON.stringify({ id, role: before.role, label: before.label }),
      null,
    );
    return { ...before, revokedAt: at };
  });
}

/** The label staff gave a key of this dealer (who did it, in words the desk reads), or null. */
export function keyLabel(sqlite: SqliteHandle, dealerId: string, id: string): string | null {
  const row = stmt(sqlite, "SELECT label FROM api_keys WHERE id = ? AND dealer_id = ?").get(id, dealerId) as
    | { label: string }
    | undefined;
  return row?.label ?? null;
}

// Prepared once per connection (db/prepared.ts): staff requests authenticate on every call.
const K = tableRows(apiKeys);
const AUDIT = "INSERT INTO audit_log (dealer_id, at, actor, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)";
const FIND_ACTIVE =
  "SELECT id, dealer_id, role, channel, secret_hash FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL";
