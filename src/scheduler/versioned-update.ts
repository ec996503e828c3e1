import { type NewAppointmentRow, updateAppointment } from "../db/repos/appointments.js";
import type { Db } from "../db/sqlite-handle.js";
import { DomainError } from "./errors.js";

/**
 * Writes `patch` only if the row is still at `version` (optimistic concurrency inside the
 * caller's transaction); otherwise the whole write is refused with version_conflict.
 */
export function updateAtVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<NewAppointmentRow>,
  message = "the appointment changed meanwhile; reload it",
): void {
  if (!updateAppointment(db, id, version, patch)) throw new DomainError("version_conflict", message);
}
