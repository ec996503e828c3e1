import { and, asc, eq, isNull } from "drizzle-orm";
import { timingSafeEqualString } from "../lib/digest.js";
import { apiKeys, auditLog } from "./schema.js";
import type { Db, SqliteHandle, SqliteStatement } from "./sqlite-handle.js";
import { immediate } from "./tx.js";

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
  const row = stmt(sqlite).get(secretHash) as { id: string; dealer_id: string; role: string; channel: string | null; secret_hash: string } | undefined;
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

export function insertKey(db: Db, sqlite: SqliteHandle, k: NewKey): ApiKeyRow {
  const row: ApiKeyRow = { id: k.id, dealerId: k.dealerId, role: k.role, label: k.label, secretHash: k.secretHash, createdAt: k.at, revokedAt: null, channel: k.channel ?? null };
  immediate(sqlite, () => {
    db.insert(apiKeys).values(row).run();
    db.insert(auditLog)
      .values({ dealerId: k.dealerId, at: k.at, actor: k.actor, action: "api_key.created", afterJson: JSON.stringify({ id: k.id, role: k.role, label: k.label, ...(k.channel ? { channel: k.channel } : {}) }) })
      .run();
  });
  return row;
}

export function listKeys(db: Db, dealerId: string): ApiKeyRow[] {
  return db.select().from(apiKeys).where(eq(apiKeys.dealerId, dealerId)).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id)).all();
}

/** Revokes a key of this dealer (idempotent: a revoked key keeps its first revokedAt); null if none. */
export function revokeKey(db: Db, sqlite: SqliteHandle, dealerId: string, id: string, at: string, actor: string): ApiKeyRow | null {
  return immediate(sqlite, () => {
    const where = and(eq(apiKeys.dealerId, dealerId), eq(apiKeys.id, id));
    const before = db.select().from(apiKeys).where(where).get();
    if (!before) return null;
    if (before.revokedAt !== null) return before;
    db.update(apiKeys).set({ revokedAt: at }).where(and(where, isNull(apiKeys.revokedAt))).run();
    db.insert(auditLog)
      .values({ dealerId, at, actor, action: "api_key.revoked", beforeJson: JSON.stringify({ id, role: before.role, label: before.label }) })
      .run();
    return { ...before, revokedAt: at };
  });
}

// Prepared once per connection: staff requests authenticate on every call.
const cache = new WeakMap<SqliteHandle, SqliteStatement>();
function stmt(sqlite: SqliteHandle): SqliteStatement {
  let s = cache.get(sqlite);
  if (!s) {
    s = sqlite.prepare("SELECT id, dealer_id, role, channel, secret_hash FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL");
    cache.set(sqlite, s);
  }
  return s;
}
