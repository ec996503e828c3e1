import { stmt } from "../prepared.js";
import { holds } from "../schema.js";
import type { Db } from "../sqlite-handle.js";
import { sqliteOf, tableRows } from "./rows.js";

// Hold rows. Writes run inside the caller's immediate() transaction, next to the rule
// check (create) or the booking (consume) that justifies them. Instants: epoch ms.

export type HoldRow = typeof holds.$inferSelect;
export type NewHoldRow = typeof holds.$inferInsert;

const H = tableRows(holds);
const SELECT = `SELECT ${H.columns} FROM holds`;

export function insertHold(db: Db, row: NewHoldRow): void {
  stmt(sqliteOf(db), H.insert).run(...H.values(row));
}

export function findHold(db: Db, dealerId: string, id: string): HoldRow | undefined {
  return H.decode(stmt(sqliteOf(db), `${SELECT} WHERE dealer_id = ? AND id = ?`).get(dealerId, id));
}

/** Holds that still count at `nowMs`. */
export function liveHolds(db: Db, dealerId: string, nowMs: number): HoldRow[] {
  return H.decodeAll(stmt(sqliteOf(db), `${SELECT} WHERE dealer_id = ? AND expires_at > ?`).all(dealerId, nowMs));
}

/** True when the row was there (and is now gone). */
export function deleteHold(db: Db, dealerId: string, id: string): boolean {
  return stmt(sqliteOf(db), "DELETE FROM holds WHERE dealer_id = ? AND id = ?").run(dealerId, id).changes === 1;
}

/** Purges the dealer's expired rows: they stopped counting when they expired. */
export function purgeExpiredHolds(db: Db, dealerId: string, nowMs: number): void {
  stmt(sqliteOf(db), "DELETE FROM holds WHERE dealer_id = ? AND expires_at <= ?").run(dealerId, nowMs);
}

/** Live holds of the dealer (or of one client there), and when the first of them expires. */
export function countLiveHolds(
  db: Db,
  dealerId: string,
  nowMs: number,
  clientHash?: string,
): { n: number; soonest: number | null } {
  const row = (
    clientHash === undefined
      ? stmt(
          sqliteOf(db),
          "SELECT count(*) AS n, min(expires_at) AS soonest FROM holds WHERE dealer_id = ? AND expires_at > ?",
        ).get(dealerId, nowMs)
      : stmt(
          sqliteOf(db),
          "SELECT count(*) AS n, min(expires_at) AS soonest FROM holds WHERE dealer_id = ? AND client_hash = ? AND expires_at > ?",
        ).get(dealerId, clientHash, nowMs)
  ) as { n: number; soonest: number | null } | undefined;
  return { n: row?.n ?? 0, soonest: row?.soonest ?? null };
}
