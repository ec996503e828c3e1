import { and, eq, inArray } from "drizzle-orm";
import { appointmentProgress, extraWork } from "../db/schema.js";
import type { Db } from "../db/sqlite-handle.js";

// Storage of workshop progress (issue 13): the last state reported per appointment and
// the extra work found on it. Writes run inside the progress verb's transaction.

export type ExtraWorkRow = typeof extraWork.$inferSelect;

export function saveProgress(db: Db, dealerId: string, appointmentId: string, state: string, at: string): void {
  db.insert(appointmentProgress)
    .values({ appointmentId, dealerId, state, updatedAt: at })
    .onConflictDoUpdate({ target: appointmentProgress.appointmentId, set: { state, updatedAt: at } })
    .run();
}

/** The reported state of each of these appointments (absent: nothing reported yet). */
export function progressStates(db: Db, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.select({ id: appointmentProgress.appointmentId, state: appointmentProgress.state }).from(appointmentProgress).where(inArray(appointmentProgress.appointmentId, ids)).all();
  return new Map(rows.map((r) => [r.id, r.state]));
}

export function extraWorkOf(db: Db, appointmentId: string): ExtraWorkRow[] {
  return db.select().from(extraWork).where(eq(extraWork.appointmentId, appointmentId)).orderBy(extraWork.createdAt, extraWork.id).all();
}

export function addExtraWork(db: Db, row: ExtraWorkRow): void {
  db.insert(extraWork).values(row).run();
}

/** The customer approved the pending extra work with this description: true when one was waiting. */
export function approvePending(db: Db, appointmentId: string, description: string, minutes: number, at: string): boolean {
  const pending = db
    .select({ id: extraWork.id })
    .from(extraWork)
    .where(and(eq(extraWork.appointmentId, appointmentId), eq(extraWork.description, description), eq(extraWork.status, "pending")))
    .orderBy(extraWork.createdAt)
    .limit(1)
    .get();
  if (!pending) return false;
  db.update(extraWork).set({ status: "approved", minutes, approvedAt: at }).where(eq(extraWork.id, pending.id)).run();
  return true;
}
