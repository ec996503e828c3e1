import { stmt } from "../prepared.js";
import { extraWork } from "../schema.js";
import type { Db } from "../sqlite-handle.js";
import { sqliteOf, tableRows } from "./rows.js";

// Storage of workshop progress (issue 13): the last state reported per appointment and
// the extra work found on it. Writes run inside the progress verb's transaction.

export type ExtraWorkRow = typeof extraWork.$inferSelect;

const X = tableRows(extraWork);

export function saveProgress(db: Db, dealerId: string, appointmentId: string, state: string, at: string): void {
  stmt(
    sqliteOf(db),
    "INSERT INTO appointment_progress (appointment_id, dealer_id, state, updated_at) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT (appointment_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
  ).run(appointmentId, dealerId, state, at);
}

/** The reported state of each of these appointments (absent: nothing reported yet). */
export function progressStates(db: Db, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = stmt(
    sqliteOf(db),
    "SELECT appointment_id AS id, state FROM appointment_progress WHERE appointment_id IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(ids)) as Array<{ id: string; state: string }>;
  return new Map(rows.map((r) => [r.id, r.state]));
}

export function extraWorkOf(db: Db, appointmentId: string): ExtraWorkRow[] {
  return X.decodeAll(
    stmt(sqliteOf(db), `SELECT ${X.columns} FROM extra_work WHERE appointment_id = ? ORDER BY created_at, id`).all(
      appointmentId,
    ),
  );
}

export function addExtraWork(db: Db, row: ExtraWorkRow): void {
  stmt(sqliteOf(db), X.insert).run(...X.values(row));
}

/** The customer approved the pending extra work with this description: true when one was waiting. */
export function approvePending(
  db: Db,
  appointmentId: string,
  description: string,
  minutes: number,
  at: string,
): boolean {
  const pending = stmt(
    sqliteOf(db),
    "SELECT id FROM extra_work WHERE appointment_id = ? AND description = ? AND status = 'pending' ORDER BY created_at LIMIT 1",
  ).get(appointmentId, description) as { id: string } | undefined;
  if (!pending) return false;
  stmt(sqliteOf(db), "UPDATE extra_work SET status = 'approved', minutes = ?, approved_at = ? WHERE id = ?").run(
    minutes,
    at,
    pending.id,
  );
  return true;
}
