import { and, eq, gte, inArray, lt, or } from "drizzle-orm";
import { columnKeys, once, ph, placeholders, shapeOf, withDefaults } from "../prepared.js";
import { appointments, auditLog, manageLinks } from "../schema.js";
import type { Db } from "../sqlite-handle.js";

// Appointment rows. Every write here is meant to run inside the caller's immediate()
// transaction, next to the rule check that justified it. The statements of the booking,
// move and lifecycle paths are prepared once per connection (db/prepared.ts).

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointmentRow = typeof appointments.$inferInsert;

/** Statuses that hold advisor, workshop and mobility capacity. */
export const HOLDING: readonly string[] = ["requested", "confirmed", "checked_in", "completed"];

const q = (db: Db) =>
  once(db, "appointments", () => ({
    find: db.select().from(appointments).where(and(eq(appointments.dealerId, ph("dealerId")), eq(appointments.id, ph("id")))).prepare(),
    byToken: db.select().from(appointments).where(eq(appointments.manageTokenHash, ph("hash"))).prepare(),
    linkByToken: db.select({ id: manageLinks.appointmentId }).from(manageLinks).where(eq(manageLinks.tokenHash, ph("hash"))).prepare(),
    byId: db.select().from(appointments).where(eq(appointments.id, ph("id"))).prepare(),
    insert: db.insert(appointments).values(placeholders(columnKeys(appointments))).prepare(),
    audit: db.insert(auditLog).values(placeholders(["dealerId", "appointmentId", "at", "actor", "action", "beforeJson", "afterJson", "reason"])).prepare(),
  }));

/** UPDATE ... SET <the patch's columns> WHERE id = :id AND <guard> = :expected, one per patch shape. */
function guardedUpdate(db: Db, guard: "version" | "status", patch: Partial<NewAppointmentRow>) {
  const shape = shapeOf(patch);
  return once(db, `appointments.update.${guard}.${shape}`, () =>
    db
      .update(appointments)
      .set(placeholders(shape.split(",")))
      .where(and(eq(appointments.id, ph("$id")), eq(appointments[guard], ph("$expected"))))
      .prepare(),
  );
}

export function findAppointment(db: Db, dealerId: string, id: string): AppointmentRow | undefined {
  return q(db).find.get({ dealerId, id });
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
  q(db).insert.run(withDefaults(appointments, row));
}

/** Compare-and-set on version: false when someone else changed the row first. */
export function updateAppointment(db: Db, id: string, expectedVersion: number, patch: Partial<NewAppointmentRow>): boolean {
  const r = guardedUpdate(db, "version", patch).run({ ...patch, $id: id, $expected: expectedVersion });
  return (r as { changes: number }).changes === 1;
}

/** Compare-and-set on status: a transition happens once, whoever asks twice. */
export function transitionAppointment(db: Db, id: string, from: string, patch: Partial<NewAppointmentRow>): boolean {
  const r = guardedUpdate(db, "status", patch).run({ ...patch, $id: id, $expected: from });
  return (r as { changes: number }).changes === 1;
}

/** The booking's links (customer, vehicle, file), written right after its insert. */
export function linkAppointment(db: Db, id: string, patch: Partial<NewAppointmentRow>): void {
  const shape = shapeOf(patch);
  once(db, `appointments.link.${shape}`, () => db.update(appointments).set(placeholders(shape.split(","))).where(eq(appointments.id, ph("$id"))).prepare()).run({ ...patch, $id: id });
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
  q(db).audit.run({
    dealerId: e.dealerId,
    appointmentId: e.appointmentId,
    at: e.at,
    actor: e.actor,
    action: e.action,
    beforeJson: e.before === undefined ? null : JSON.stringify(e.before),
    afterJson: e.after === undefined ? null : JSON.stringify(e.after),
    reason: e.reason ?? null,
  });
}

/** The booking's own token, else a link minted for a message (journey/manage-links.ts). */
export function findByManageTokenHash(db: Db, hash: string): AppointmentRow | undefined {
  const own = q(db).byToken.get({ hash });
  if (own) return own;
  const link = q(db).linkByToken.get({ hash });
  return link ? q(db).byId.get({ id: link.id }) : undefined;
}
