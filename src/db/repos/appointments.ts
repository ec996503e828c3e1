import { HOLDING, sqlStrings, UPCOMING } from "../../core/status.js";
import { stmt } from "../prepared.js";
import { appointments } from "../schema.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";
import { sqliteOf, tableRows } from "./rows.js";

// Appointment rows. Every write here is meant to run inside the caller's immediate()
// transaction, next to the rule check that justified it. Raw statements prepared once
// per connection (db/prepared.ts), rows shaped by the schema (rows.ts).

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointmentRow = typeof appointments.$inferInsert;

const A = tableRows(appointments);
const SELECT = `SELECT ${A.columns} FROM appointments`;
const holdingSql = sqlStrings(HOLDING);

const one = (db: Db, sql: string, ...params: unknown[]): AppointmentRow | undefined =>
  A.decode(stmt(sqliteOf(db), sql).get(...params));
const all = (db: Db, sql: string, ...params: unknown[]): AppointmentRow[] =>
  A.decodeAll(stmt(sqliteOf(db), sql).all(...params));

/** UPDATE ... SET <the patch's columns> WHERE id = ? AND <guard> = ? (compare-and-set): one statement per patch shape. */
function update(
  db: Db,
  id: string,
  patch: Partial<NewAppointmentRow>,
  guard: { column: "version" | "status"; expected: unknown },
): number {
  const set = A.set(patch);
  const sql = `UPDATE appointments SET ${set.sql} WHERE id = ? AND ${guard.column} = ?`;
  return stmt(sqliteOf(db), sql).run(...set.params, id, guard.expected).changes;
}

export function findAppointment(db: Db, dealerId: string, id: string): AppointmentRow | undefined {
  return one(db, `${SELECT} WHERE dealer_id = ? AND id = ?`, dealerId, id);
}

/** Capacity-holding appointments whose reception or return is at or after `since`. */
export function holdingSince(db: Db, dealerId: string, since: number): AppointmentRow[] {
  return all(
    db,
    `${SELECT} WHERE dealer_id = ? AND status IN (${holdingSql}) AND (reception_start >= ? OR ready_at >= ?)`,
    dealerId,
    since,
    since,
  );
}

/** Appointments (any status) with a reception or return in [from, to). */
export function appointmentsBetween(db: Db, dealerId: string, from: number, to: number): AppointmentRow[] {
  return all(
    db,
    `${SELECT} WHERE dealer_id = ? AND ((reception_start >= ? AND reception_start < ?) OR (return_start >= ? AND return_start < ?)` +
      // Multi-day stays (courtesy car out, labour in progress) overlap the day too.
      " OR (reception_start < ? AND ready_at >= ?))",
    dealerId,
    from,
    to,
    from,
    to,
    to,
    from,
  );
}

/**
 * Capacity-holding courtesy-car appointments whose car is out during [from, to): out from
 * the reception's start until the return ends, or until the later of ready time and
 * reception end when no return is booked (core/car-timeline.ts carWindow). Trap: not
 * appointmentsBetween's rows: a car received on Friday, ready on Friday and collected on
 * Monday has neither reception, return nor labour on Saturday, and is out all day.
 * Received at most CAR_OUT_LOOKBACK before `from`: without a lower bound the read walked
 * the dealer's whole history on every day board. A job must finish within 45 days
 * (core/workshop.ts), and a return weeks after its car is ready is not a stay the board
 * must count; the bound is wide enough for both.
 */
export function courtesyCarsOut(db: Db, dealerId: string, from: number, to: number): AppointmentRow[] {
  return all(
    db,
    `${SELECT} WHERE dealer_id = ? AND mobility = 'courtesy_car' AND status IN (${holdingSql}) AND reception_start < ? AND reception_start >= ?` +
      " AND (CASE WHEN return_start IS NOT NULL AND return_minutes IS NOT NULL THEN return_start + return_minutes" +
      " ELSE max(ready_at, reception_start + reception_minutes) END) > ? ORDER BY reception_start, id",
    dealerId,
    to,
    from - CAR_OUT_LOOKBACK,
    from,
  );
}

/** How far before a day a courtesy car's stay may have begun (epoch minutes: 120 days). */
const CAR_OUT_LOOKBACK = 120 * 1440;

/**
 * A report period's appointments: created in [fromIso, toIso), or holding anything (desk,
 * labour, a car) inside [from, to) (epoch minutes); labour and cars can run on for days
 * after the reception.
 */
export function appointmentsForReport(
  db: Db,
  dealerId: string,
  p: { fromIso: string; toIso: string; from: number; to: number },
): AppointmentRow[] {
  return all(
    db,
    `${SELECT} WHERE dealer_id = ? AND ((created_at >= ? AND created_at < ?) OR (reception_start < ? AND (reception_start >= ? OR ready_at >= ? OR return_start >= ?)))`,
    dealerId,
    p.fromIso,
    p.toIso,
    p.to,
    p.from,
    p.from,
    p.from,
  );
}

/** The customer as booked (JSON), for messages to a booking with no customer row. */
export function customerJsonOf(db: Db, id: string): string | undefined {
  return (
    stmt(sqliteOf(db), "SELECT customer_json AS j FROM appointments WHERE id = ?").get(id) as { j: string } | undefined
  )?.j;
}

export function insertAppointment(db: Db, row: NewAppointmentRow): void {
  stmt(sqliteOf(db), A.insert).run(...A.values(row));
}

/** Compare-and-set on version: false when someone else changed the row first. */
export function updateAppointment(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<NewAppointmentRow>,
): boolean {
  return update(db, id, patch, { column: "version", expected: expectedVersion }) === 1;
}

/** Compare-and-set on status: a transition happens once, whoever asks twice. */
export function transitionAppointment(db: Db, id: string, from: string, patch: Partial<NewAppointmentRow>): boolean {
  return update(db, id, patch, { column: "status", expected: from }) === 1;
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
  stmt(
    sqliteOf(db),
    "INSERT INTO audit_log (dealer_id, appointment_id, at, actor, action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(
    e.dealerId,
    e.appointmentId,
    e.at,
    e.actor,
    e.action,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.reason ?? null,
  );
}

/** The row a token names, when the token is its own. */
export const BY_NAMED_TOKEN = "id = ? AND manage_token_by_id = 1 AND manage_token_hash = ?";
/** A row whose token names none, by hash: the partial index's condition word for word (schema.ts), or SQLite scans the table. */
export const BY_TOKEN_HASH = "manage_token_hash = ? AND manage_token_by_id = 0";

/**
 * The appointment a manage token opens (scheduler/tokens.ts manageTokenKey): the row its
 * token names, by id, when the stored hash is the token's; else a row whose token names
 * none (older rows, walk-ins), by hash; else a link minted for a message
 * (journey/manage-links.ts). The hash decides every time: an id alone opens nothing.
 */
export function findByManageToken(db: Db, key: { hash: string; id: string | null }): AppointmentRow | undefined {
  // The hash is compared by SQLite in the same step as the id: no row is read out, and
  // nothing else differs, for an id that exists but whose token is wrong.
  const named = key.id === null ? undefined : one(db, `${SELECT} WHERE ${BY_NAMED_TOKEN}`, key.id, key.hash);
  if (named) return named;
  const own = one(db, `${SELECT} WHERE ${BY_TOKEN_HASH}`, key.hash);
  if (own) return own;
  const link = stmt(sqliteOf(db), "SELECT appointment_id AS id FROM manage_links WHERE token_hash = ?").get(key.hash) as
    | { id: string }
    | undefined;
  return link ? one(db, `${SELECT} WHERE id = ?`, link.id) : undefined;
}

/** Upcoming (core/status.ts): still ahead of the customer; checked-in or completed ones are not. */
const activeSql = sqlStrings(UPCOMING);

// Whose bookings a contact holds: every booking by the hashes it was made with, exactly.
// A booking linked to a customer whose hashes are its own (the usual case: the booking
// made that customer) is counted through the customer, whose hashes the customer indexes
// already hold, so it writes no contact entry of its own (own_contact_indexed = 0: two
// random index leaves fewer per booking, migration 0013; issue 17). Every other booking is
// counted by its own hashes. Before a customer's contact changes (a trusted booking, which
// a client key's end user also drives), its bookings get their own entries back
// (db/repos/people.ts updateCustomer): a row with the flag 0 always has exactly its
// customer's current hashes, so each booking is counted under its own contact, once.
//
// INDEXED BY: without ANALYZE statistics the planner prefers (dealer_id, reception_start),
// which walks every future booking of the dealer. This pins the contact indexes (and
// fails loudly if a migration ever drops one); a partial index is only usable with its
// condition spelled out in the WHERE. CROSS JOIN pins the order (customers first): with
// statistics of near-empty tables the planner would walk all of appointments_customer_idx.
// Positional parameters only (the Worker's storage binds no names).
const upcoming = (a: string) => `${a}.reception_start > ? AND ${a}.status IN (${activeSql})`;
const byOwn = (col: string, idx: string) =>
  `SELECT a.id FROM appointments a INDEXED BY ${idx} WHERE a.dealer_id = ? AND a.${col} = ? AND a.own_contact_indexed = 1 AND ${upcoming("a")}`;
const viaCustomer = (col: string, idx: string) =>
  `SELECT a.id FROM customers c INDEXED BY ${idx} CROSS JOIN appointments a INDEXED BY appointments_customer_idx WHERE c.dealer_id = ? AND c.${col} = ? AND a.customer_id = c.id AND a.own_contact_indexed = 0 AND a.dealer_id = c.dealer_id AND ${upcoming("a")}`;

/** Parameters: activeBookingsParams(...). */
export const ACTIVE_BOOKINGS_SQL = `SELECT count(*) AS n FROM (${[
  byOwn("contact_email_hash", "appointments_own_email_idx"),
  byOwn("contact_phone_hash", "appointments_own_phone_idx"),
  viaCustomer("email_hash", "customers_dealer_email_idx"),
  viaCustomer("phone_hash", "customers_dealer_phone_idx"),
].join(" UNION ")})`;

/** ACTIVE_BOOKINGS_SQL's parameters, part by part: (dealer, hash, now) four times. */
export function activeBookingsParams(
  dealerId: string,
  c: { email: string | null; phone: string | null },
  nowMinute: number,
): unknown[] {
  return [c.email, c.phone, c.email, c.phone].flatMap((hash) => [dealerId, hash, nowMinute]);
}

/**
 * Active future bookings of this contact (hashes, scheduler/contact-cap.ts) at the dealer.
 * UNION (not OR) so each part uses its own index, and a booking matching both the email
 * and the phone counts once (the flag puts each booking in the own or the customer parts).
 */
export function activeBookingsOf(
  sqlite: SqliteHandle,
  dealerId: string,
  c: { email: string | null; phone: string | null },
  nowMinute: number,
): number {
  const row = stmt(sqlite, ACTIVE_BOOKINGS_SQL).get(...activeBookingsParams(dealerId, c, nowMinute)) as { n: number };
  return row.n;
}

/** Whether the vehicle has an active appointment with its reception after `nowMinute`. */
export function hasUpcomingVisit(sqlite: SqliteHandle, vehicleId: string, nowMinute: number): boolean {
  return (
    stmt(
      sqlite,
      `SELECT 1 FROM appointments WHERE vehicle_id = ? AND status IN (${activeSql}) AND reception_start > ? LIMIT 1`,
    ).get(vehicleId, nowMinute) !== undefined
  );
}

export interface OverdueRow {
  id: string;
  channel: string | null;
  created_at: string;
  reception_start: number;
}

/** Requests still 'requested', made at or before `cutoffIso` through one of `channels`, oldest first. */
export function unconfirmedSince(
  sqlite: SqliteHandle,
  dealerId: string,
  cutoffIso: string,
  channels: readonly string[],
): OverdueRow[] {
  const sql = `SELECT id, channel, created_at, reception_start FROM appointments WHERE dealer_id = ? AND status = 'requested' AND created_at <= ? AND channel IN (${channels.map(() => "?").join(", ")}) ORDER BY created_at`;
  return stmt(sqlite, sql).all(dealerId, cutoffIso, ...channels) as OverdueRow[];
}

/** First confirm or check-in instant (ISO) per appointment, from the audit log. */
export function firstConfirmations(sqlite: SqliteHandle, ids: readonly string[]): Array<{ id: string; at: string }> {
  return stmt(
    sqlite,
    "SELECT appointment_id AS id, min(at) AS at FROM audit_log WHERE appointment_id IN (SELECT value FROM json_each(?)) AND action IN ('confirm', 'check-in') GROUP BY appointment_id",
  ).all(JSON.stringify(ids)) as Array<{ id: string; at: string }>;
}

/** The manage link minted for a message (scheduler/journey/manage-links.ts), stored hashed. */
export function insertManageLink(
  sqlite: SqliteHandle,
  tokenHash: string,
  dealerId: string,
  appointmentId: string,
  nowIso: string,
): void {
  stmt(sqlite, "INSERT INTO manage_links (token_hash, dealer_id, appointment_id, created_at) VALUES (?, ?, ?, ?)").run(
    tokenHash,
    dealerId,
    appointmentId,
    nowIso,
  );
}
