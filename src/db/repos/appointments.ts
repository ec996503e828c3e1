import { and, eq, gte, inArray, lt, or } from "drizzle-orm";
import { columnKeys, once, ph, placeholders, shapeOf, stmt, withDefaults } from "../prepared.js";
import { appointments, auditLog, manageLinks } from "../schema.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";

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

/**
 * A report period's appointments: created in [fromIso, toIso), or holding anything (desk,
 * labour, a car) inside [from, to) (epoch minutes); labour and cars can run on for days
 * after the reception.
 */
export function appointmentsForReport(db: Db, dealerId: string, p: { fromIso: string; toIso: string; from: number; to: number }): AppointmentRow[] {
  const a = appointments;
  return db
    .select()
    .from(a)
    .where(
      and(
        eq(a.dealerId, dealerId),
        or(
          and(gte(a.createdAt, p.fromIso), lt(a.createdAt, p.toIso)),
          and(lt(a.receptionStart, p.to), or(gte(a.receptionStart, p.from), gte(a.readyAt, p.from), gte(a.returnStart, p.from))),
        ),
      ),
    )
    .all();
}

/** The customer as booked (JSON), for messages to a booking with no customer row. */
export function customerJsonOf(db: Db, id: string): string | undefined {
  return once(db, "appointments.customerJson", () => db.select({ customerJson: appointments.customerJson }).from(appointments).where(eq(appointments.id, ph("id"))).prepare()).get({ id })?.customerJson;
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

/** Statuses that still lie ahead of the customer (checked-in or completed ones do not). */
const ACTIVE = ["requested", "confirmed"];
const activeSql = ACTIVE.map((x) => `'${x}'`).join(", ");

// INDEXED BY: without ANALYZE statistics the planner prefers (dealer_id, reception_start),
// which walks every future booking of the dealer. This pins the contact indexes (and
// fails loudly if a migration ever drops one).
const half = (col: string, idx: string) =>
  `SELECT id FROM appointments INDEXED BY ${idx} WHERE dealer_id = ? AND ${col} = ? AND reception_start > ? AND status IN (${activeSql})`;

/** Parameters: dealerId, emailHash, nowMinute, dealerId, phoneHash, nowMinute. */
export const ACTIVE_BOOKINGS_SQL = `SELECT count(*) AS n FROM (${half("contact_email_hash", "appointments_dealer_email_idx")} UNION ${half("contact_phone_hash", "appointments_dealer_phone_idx")})`;

/**
 * Active future bookings of this contact (hashes, scheduler/contact-cap.ts) at the dealer.
 * UNION (not OR) so each half uses its own (dealer_id, contact_*_hash) index, and a
 * booking matching both the email and the phone counts once.
 */
export function activeBookingsOf(sqlite: SqliteHandle, dealerId: string, c: { email: string | null; phone: string | null }, nowMinute: number): number {
  const row = stmt(sqlite, ACTIVE_BOOKINGS_SQL).get(dealerId, c.email, nowMinute, dealerId, c.phone, nowMinute) as { n: number };
  return row.n;
}

/** Whether the vehicle has an active appointment with its reception after `nowMinute`. */
export function hasUpcomingVisit(sqlite: SqliteHandle, vehicleId: string, nowMinute: number): boolean {
  return stmt(sqlite, `SELECT 1 FROM appointments WHERE vehicle_id = ? AND status IN (${activeSql}) AND reception_start > ? LIMIT 1`).get(vehicleId, nowMinute) !== undefined;
}

export interface OverdueRow {
  id: string;
  channel: string | null;
  created_at: string;
  reception_start: number;
}

/** Requests still 'requested', made at or before `cutoffIso` through one of `channels`, oldest first. */
export function unconfirmedSince(sqlite: SqliteHandle, dealerId: string, cutoffIso: string, channels: readonly string[]): OverdueRow[] {
  const sql = `SELECT id, channel, created_at, reception_start FROM appointments WHERE dealer_id = ? AND status = 'requested' AND created_at <= ? AND channel IN (${channels.map(() => "?").join(", ")}) ORDER BY created_at`;
  return stmt(sqlite, sql).all(dealerId, cutoffIso, ...channels) as OverdueRow[];
}

/** First confirm or check-in instant (ISO) per appointment, from the audit log. */
export function firstConfirmations(sqlite: SqliteHandle, ids: readonly string[]): Array<{ id: string; at: string }> {
  return stmt(sqlite, "SELECT appointment_id AS id, min(at) AS at FROM audit_log WHERE appointment_id IN (SELECT value FROM json_each(?)) AND action IN ('confirm', 'check-in') GROUP BY appointment_id")
    .all(JSON.stringify(ids)) as Array<{ id: string; at: string }>;
}

/** The manage link minted for a message (scheduler/journey/manage-links.ts), stored hashed. */
export function insertManageLink(sqlite: SqliteHandle, tokenHash: string, dealerId: string, appointmentId: string, nowIso: string): void {
  stmt(sqlite, "INSERT INTO manage_links (token_hash, dealer_id, appointment_id, created_at) VALUES (?, ?, ?, ?)").run(tokenHash, dealerId, appointmentId, nowIso);
}
