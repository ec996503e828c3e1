import { and, eq, gte, inArray, lt, or } from "drizzle-orm";
import { appointments, auditLog, manageLinks } from "../db/schema.js";
import type { Db } from "../db/sqlite-handle.js";
import type { Status } from "./contracts.js";

// Appointment rows. Every write here is meant to run inside the caller's immediate()
// transaction, next to the rule check that justified it.

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointmentRow = typeof appointments.$inferInsert;

/** Statuses that hold advisor, workshop and mobility capacity. */
export const HOLDING: Status[] = ["requested", "confirmed", "checked_in", "completed"];

export function findAppointment(db: Db, dealerId: string, id: string): AppointmentRow | undefined {
  return db.select().from(appointments).where(and(eq(appointments.dealerId, dealerId), eq(appointments.id, id))).get();
}

/** Capacity-holding appointments whose reception or return is at or after `since`. */
export function holdingSince(db: Db, dealerId: string, since: number): AppointmentRow[] {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.dealerId, dealerId),
        inArray(appointments.status, HOLDING),
        or(gte(appointments.receptionStart, since), gte(appointments.readyAt, since)),
      ),
    )
    .all();
}

/** Appointments (any status) with a reception or return in [from, to). */
export function appointmentsBetween(db: Db, dealerId: string, from: number, to: number): AppointmentRow[] {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.dealerId, dealerId),
        or(
          and(gte(appointments.receptionStart, from), lt(appointments.receptionStart, to)),
          and(gte(appointments.returnStart, from), lt(appointments.returnStart, to)),
          // Multi-day stays (courtesy car out, labour in progress) overlap the day too.
          and(lt(appointments.receptionStart, to), gte(appointments.readyAt, from)),
        ),
      ),
    )
    .all();
}

export function insertAppointment(db: Db, row: NewAppointmentRow): void {
  db.insert(appointments).values(row).run();
}

/** Compare-and-set on version: false when someone else changed the row first. */
export function updateAppointment(db: Db, id: string, expectedVersion: number, patch: Partial<NewAppointmentRow>): boolean {
  const r = db
    .update(appointments)
    .set(patch)
    .where(and(eq(appointments.id, id), eq(appointments.version, expectedVersion)))
    .run();
  return (r as { changes: number }).changes === 1;
}

/** Compare-and-set on status: a transition happens once, whoever asks twice. */
export function transitionAppointment(db: Db, id: string, from: string, patch: Partial<NewAppointmentRow>): boolean {
  const r = db
    .update(appointments)
    .set(patch)
    .where(and(eq(appointments.id, id), eq(appointments.status, from)))
    .run();
  return (r as { changes: number }).changes === 1;
}

export interface AuditEntry {
  dealerId: string;
  appointmentId: string | null;
  at: string;
  actor: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export function audit(db: Db, e: AuditEntry): void {
  db.insert(auditLog)
    .values({
      dealerId: e.dealerId,
      appointmentId: e.appointmentId,
      at: e.at,
      actor: e.actor,
      action: e.action,
      beforeJson: e.before === undefined ? null : JSON.stringify(e.before),
      afterJson: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })
    .run();
}

/** The booking's own token, else a link minted for a message (journey/manage-links.ts). */
export function findByManageTokenHash(db: Db, hash: string): AppointmentRow | undefined {
  const own = db.select().from(appointments).where(eq(appointments.manageTokenHash, hash)).get();
  if (own) return own;
  const link = db.select({ id: manageLinks.appointmentId }).from(manageLinks).where(eq(manageLinks.tokenHash, hash)).get();
  return link ? db.select().from(appointments).where(eq(appointments.id, link.id)).get() : undefined;
}
