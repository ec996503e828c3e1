import { DealerConfig } from "../../core/dealer-config.js";
import type { dealers } from "../schema.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";
import { stmt } from "../prepared.js";
import { sqliteOf } from "./rows.js";
import { immediate } from "../tx.js";

// Dealer configurations: one JSON document per dealer plus a version that increases on
// every effective change. Writes are audited in the same transaction as the change.

export interface StoredDealer {
  id: string;
  config: DealerConfig;
  version: number;
  updatedAt: string;
}

export interface UpsertResult {
  dealer: StoredDealer;
  created: boolean;
  /** False when the stored config was already identical (no version bump, no audit row). */
  changed: boolean;
}

type Row = typeof dealers.$inferSelect;

// Re-parsed on read so defaults added to DealerConfig later reach older rows. Trap: a
// stored config that a stricter future schema rejects will throw here -> migrate data.
function fromRow(row: Row): StoredDealer {
  return {
    id: row.id,
    config: DealerConfig.parse(JSON.parse(row.configJson)),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

const FIND = "SELECT id, config_json AS configJson, version, updated_at AS updatedAt FROM dealers WHERE id = ?";
const findRow = (sqlite: SqliteHandle, id: string) => stmt(sqlite, FIND).get(id) as Row | undefined;

export function getDealer(db: Db, id: string): StoredDealer | null {
  const row = findRow(sqliteOf(db), id);
  return row ? fromRow(row) : null;
}

/** Whether the dealer's row exists (raw and cached: the Worker asks on every request until it does). */
export function dealerExists(sqlite: SqliteHandle, id: string): boolean {
  return stmt(sqlite, "SELECT 1 FROM dealers WHERE id = ?").get(id) !== undefined;
}

/** Some dealer's id, or null: a Durable Object's store holds exactly one dealer. */
export function soleDealerId(sqlite: SqliteHandle): string | null {
  return (stmt(sqlite, "SELECT id FROM dealers LIMIT 1").get() as { id: string } | undefined)?.id ?? null;
}

export function countDealers(db: Db): number {
  return (stmt(sqliteOf(db), "SELECT count(*) AS n FROM dealers").get() as { n: number } | undefined)?.n ?? 0;
}

export interface UpsertInput {
  id: string;
  /** Already validated and normalized by DealerConfig. */
  config: DealerConfig;
  /** Epoch ms (deps.now()). */
  now: number;
  /** Who did it, for the audit log; never a token. */
  actor: string;
}

// `_db`: unused since the statements run on `sqlite`; the callers drop it with the request context (issue 18, item 1).
export function upsertDealer(_db: Db, sqlite: SqliteHandle, input: UpsertInput): UpsertResult {
  const json = JSON.stringify(input.config);
  const at = new Date(input.now).toISOString();
  return immediate(sqlite, () => {
    const before = findRow(sqlite, input.id);
    if (before && before.configJson === json) {
      return { dealer: fromRow(before), created: false, changed: false };
    }
    const version = before ? before.version + 1 : 1;
    if (before)
      stmt(sqlite, "UPDATE dealers SET config_json = ?, version = ?, updated_at = ? WHERE id = ?").run(
        json,
        version,
        at,
        input.id,
      );
    else
      stmt(sqlite, "INSERT INTO dealers (id, config_json, version, updated_at) VALUES (?, ?, ?, ?)").run(
        input.id,
        json,
        version,
        at,
      );
    stmt(
      sqlite,
      "INSERT INTO audit_log (dealer_id, at, actor, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(input.id, at, input.actor, before ? "dealer.updated" : "dealer.created", before?.configJson ?? null, json);
    return { dealer: { id: input.id, config: input.config, version, updatedAt: at }, created: !before, changed: true };
  });
}
