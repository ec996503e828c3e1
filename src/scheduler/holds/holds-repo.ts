import { and, count, eq, gt, lte, min } from "drizzle-orm";
import { holds } from "../../db/schema.js";
import type { Db } from "../../db/sqlite-handle.js";

// Hold rows. Writes run inside the caller's immediate() transaction, next to the rule
// check (create) or the booking (consume) that justifies them. Instants: epoch ms.

export type HoldRow = typeof holds.$inferSelect;
export type NewHoldRow = typeof holds.$inferInsert;

export function insertHold(db: Db, row: NewHoldRow): void {
  db.insert(holds).values(row).run();
}

export function findHold(db: Db, dealerId: string, id: string): HoldRow | undefined {
  return db.select().from(holds).where(and(eq(holds.dealerId, dealerId), eq(holds.id, id))).get();
}

/** Holds that still count at `nowMs`. */
export function liveHolds(db: Db, dealerId: string, nowMs: number): HoldRow[] {
  return db.select().from(holds).where(and(eq(holds.dealerId, dealerId), gt(holds.expiresAt, nowMs))).all();
}

/** True when the row was there (and is now gone). */
export function deleteHold(db: Db, dealerId: string, id: string): boolean {
  const r = db.delete(holds).where(and(eq(holds.dealerId, dealerId), eq(holds.id, id))).run();
  return (r as { changes: number }).changes === 1;
}

/** Purges the dealer's expired rows: they stopped counting when they expired. */
export function purgeExpiredHolds(db: Db, dealerId: string, nowMs: number): void {
  db.delete(holds).where(and(eq(holds.dealerId, dealerId), lte(holds.expiresAt, nowMs))).run();
}

/** Live holds of the dealer (or of one client there), and when the first of them expires. */
export function countLiveHolds(db: Db, dealerId: string, nowMs: number, clientHash?: string): { n: number; soonest: number | null } {
  const where = clientHash === undefined
    ? and(eq(holds.dealerId, dealerId), gt(holds.expiresAt, nowMs))
    : and(eq(holds.dealerId, dealerId), eq(holds.clientHash, clientHash), gt(holds.expiresAt, nowMs));
  const row = db.select({ n: count(), soonest: min(holds.expiresAt) }).from(holds).where(where).get();
  return { n: row?.n ?? 0, soonest: row?.soonest ?? null };
}
