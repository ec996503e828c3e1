import {
  type AppointmentRow,
  audit,
  findAppointment,
  type NewAppointmentRow,
  updateAppointment,
} from "../db/repos/appointments.js";
import type { Db } from "../db/sqlite-handle.js";
import type { WriteContext } from "./context.js";
import { DomainError, notFound } from "./errors.js";

// Optimistic concurrency on one appointment, for the staff writes that take If-Match
// (move, lifecycle actions, progress, possible-match apply): read the row at the version
// the caller saw, write at the version read, and audit what changed.

/**
 * The appointment as the caller saw it, inside the caller's transaction: 404 when there is
 * none, 412 version_conflict when `ifMatch` names another version (undefined: any version).
 */
export function findAtVersion(db: Db, dealerId: string, id: string, ifMatch: number | undefined): AppointmentRow {
  const row = findAppointment(db, dealerId, id);
  if (!row) throw notFound(`appointment ${id}`);
  if (ifMatch !== undefined && ifMatch !== row.version)
    throw new DomainError(
      "version_conflict",
      `the appointment is at version ${row.version}, not ${ifMatch}; reload it and try again`,
      { currentVersion: row.version },
    );
  return row;
}

/**
 * Writes `patch` only if the row is still at `version` (optimistic concurrency inside the
 * caller's transaction); otherwise the whole write is refused with version_conflict.
 */
function updateAtVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<NewAppointmentRow>,
  message = "the appointment changed meanwhile; reload it",
): void {
  if (!updateAppointment(db, id, version, patch)) throw new DomainError("version_conflict", message);
}

/** A write's own part of its audit row (who, where and when come from the write). */
export interface AuditNote {
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/**
 * Writes `patch` (the next version, stamped `updatedAt`) over `row` at the version read,
 * and its audit row, in the caller's transaction; returns the row as written.
 */
export function updateAudited<P extends Partial<NewAppointmentRow> & { version: number; updatedAt: string }>(
  ctx: WriteContext,
  row: AppointmentRow,
  patch: P,
  note: AuditNote,
  conflictMessage?: string,
): AppointmentRow & P {
  updateAtVersion(ctx.db, row.id, row.version, patch, conflictMessage);
  audit(ctx.db, { dealerId: row.dealerId, appointmentId: row.id, at: patch.updatedAt, actor: ctx.actor, ...note });
  return { ...row, ...patch };
}
