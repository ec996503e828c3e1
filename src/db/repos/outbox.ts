import { newId } from "../../lib/ids.js";
import { once, stmt } from "../prepared.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// The outbox (schema.ts `outbox`). enqueue() runs inside the cause's transaction; the
// delivery worker claims rows with a lease (attempts fences the run, as for jobs), so a
// crash mid-delivery leaves the row to be re-sent later under the SAME id.

export type Audience = "customer" | "staff";
export type MessageChannel = "email" | "sms" | "phone" | "staff";
/** How a message leaves Pitlane (core/dealer-config/messaging.ts TRANSPORTS). */
export type MessageTransport = "webhook" | "email" | "sms";
export type MessageStatus = "pending" | "delivered" | "failed" | "suppressed" | "withdrawn";

/** What a message is, whether about to be enqueued or read back from the outbox. */
export interface Message {
  dealerId: string;
  appointmentId: string | null;
  kind: string;
  audience: Audience;
  channel: MessageChannel;
  locale: string;
  /** Customer row id, or a staff role ("supervisor", "advisor:<id>", "service_desk"). */
  recipientRef: string | null;
  body: {
    subject: string;
    text: string;
    html?: string;
    sms?: string;
    manageToken?: string;
    data?: Record<string, unknown>;
  };
}

export interface NewMessage extends Message {
  /** Unique per promise: a second enqueue with the same id is ignored. */
  dedupeId: string;
  /** Default "webhook" (today's only transport). */
  transport?: MessageTransport;
  /** Written already suppressed (no consent, STOP, no address): listed, never sent. */
  suppressed?: string;
  /** Not before this instant (an SMS outside the dealer's window); default now. */
  notBefore?: number;
  /** Why it waits (e.g. "window"), shown to staff. */
  reason?: string;
}

/** A stored message and where its delivery stands. */
export interface MessageRow extends Message {
  id: string;
  status: MessageStatus;
  transport: MessageTransport;
  stateReason: string | null;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** Returns whether a row was written (false: that dedupe id exists already). */
export function enqueue(sqlite: SqliteHandle, m: NewMessage, nowMs: number): boolean {
  const r = stmts(sqlite).insert.run(
    newId(),
    m.dealerId,
    m.appointmentId,
    m.kind,
    m.audience,
    m.channel,
    m.locale,
    m.recipientRef,
    JSON.stringify(m.body),
    m.dedupeId,
    m.suppressed ? "suppressed" : "pending",
    Math.max(nowMs, m.notBefore ?? nowMs),
    new Date(nowMs).toISOString(),
    m.transport ?? "webhook",
    m.suppressed ?? m.reason ?? null,
  );
  return r.changes === 1;
}

export function claimDeliveries(sqlite: SqliteHandle, nowMs: number, leaseMs: number, limit: number): MessageRow[] {
  return (stmts(sqlite).claim.all(nowMs + leaseMs, nowMs, nowMs, limit) as RawMessage[])
    .map(fromRaw)
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt.localeCompare(b.createdAt));
}

export function markDelivered(sqlite: SqliteHandle, m: MessageRow, nowMs: number): boolean {
  return stmts(sqlite).delivered.run(new Date(nowMs).toISOString(), m.id, m.attempts).changes === 1;
}

/** A failed attempt: retry at `retryAt`, or failed for good when retryAt is null. */
export function markAttemptFailed(sqlite: SqliteHandle, m: MessageRow, error: string, retryAt: number | null): void {
  if (retryAt === null) stmts(sqlite).failed.run(error.slice(0, 500), m.id, m.attempts);
  else stmts(sqlite).retry.run(retryAt, error.slice(0, 500), m.id, m.attempts);
}

/** Never sent, for a reason that will not pass (STOP, no address): kept for staff to see. */
export function markSuppressed(sqlite: SqliteHandle, m: MessageRow, reason: string): void {
  stmts(sqlite).suppressed.run(reason, m.id, m.attempts);
}

/**
 * Not now (outside the SMS window; its provider asked to wait, back-pressure.ts): back to
 * waiting until `at` with `reason`, the claim not counted as an attempt, and no earlier
 * attempt's error left to stand for why it waits (staff read lastError first).
 */
export function markDeferred(sqlite: SqliteHandle, m: MessageRow, at: number, reason: string): void {
  stmts(sqlite).deferred.run(at, reason, m.id, m.attempts);
}

export interface MessageFilter {
  appointmentId?: string;
  status?: MessageRow["status"];
  limit: number;
}

/**
 * The messages about one appointment, newest first: its own (outbox_appointment_idx), and
 * a group's notices to the supervisor that have a line for it (journey/supervisor-notice.ts:
 * appointment_id NULL, the ids in data.bookings; outbox_group_notices_idx holds only
 * those). Two halves of a UNION ALL, each on its partial index: with an OR, SQLite read the
 * dealer's whole outbox. instr() first, so json_each parses only notices that can name it.
 * Trap: each half repeats its index's WHERE (a term that implies it), or the index is not used.
 */
export function aboutAppointmentSql(withStatus: boolean): string {
  const status = withStatus ? " AND status = ?" : "";
  return `SELECT * FROM outbox WHERE dealer_id = ? AND appointment_id = ?${status}
  UNION ALL
  SELECT * FROM outbox WHERE dealer_id = ? AND appointment_id IS NULL AND kind = 'supervisor_notice'${status}
    AND instr(body_json, ?) > 0
    AND EXISTS (SELECT 1 FROM json_each(body_json, '$.data.bookings') b WHERE json_extract(b.value, '$.appointmentId') = ?)
  ORDER BY created_at DESC, id LIMIT ?`;
}

export function listMessages(sqlite: SqliteHandle, dealerId: string, f: MessageFilter): MessageRow[] {
  const status = f.status ? [f.status] : [];
  if (f.appointmentId) {
    const id = f.appointmentId;
    const params = [dealerId, id, ...status, dealerId, ...status, id, id, f.limit];
    return (stmt(sqlite, aboutAppointmentSql(status.length > 0)).all(...params) as RawMessage[]).map(fromRaw);
  }
  const sql = `SELECT * FROM outbox WHERE dealer_id = ?${status.length > 0 ? " AND status = ?" : ""} ORDER BY created_at DESC, id LIMIT ?`;
  return (stmt(sqlite, sql).all(dealerId, ...status, f.limit) as RawMessage[]).map(fromRaw);
}

interface RawMessage {
  id: string;
  dealer_id: string;
  appointment_id: string | null;
  kind: string;
  audience: Audience;
  channel: MessageChannel;
  locale: string;
  recipient_ref: string | null;
  body_json: string;
  status: MessageRow["status"];
  transport: MessageTransport;
  state_reason: string | null;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

const fromRaw = (r: RawMessage): MessageRow => ({
  id: r.id,
  dealerId: r.dealer_id,
  appointmentId: r.appointment_id,
  kind: r.kind,
  audience: r.audience,
  channel: r.channel,
  locale: r.locale,
  recipientRef: r.recipient_ref,
  body: JSON.parse(r.body_json) as MessageRow["body"],
  status: r.status,
  transport: r.transport,
  stateReason: r.state_reason,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/**
 * Withdraws a message that has not left yet (pending, not leased by a delivery in
 * flight): status 'withdrawn'. False when it already left (or is leaving), or never was.
 */
export function withdrawMessage(sqlite: SqliteHandle, dedupeId: string, reason: string, nowMs: number): boolean {
  return stmts(sqlite).withdraw.run(reason, dedupeId, nowMs).changes > 0;
}

/** A message with this dedupe id that was not withdrawn (delivered, failed, or on its way). */
export function messageLeft(sqlite: SqliteHandle, dedupeId: string): boolean {
  return stmts(sqlite).left.get(dedupeId) !== undefined;
}

/**
 * Whether a message under one of these dedupe ids was delivered (to the SMS provider, the
 * mail server or the dealer's webhook). Exact ids on the unique dedupe index: a customer
 * message has one per transport (journey/channels.ts transportDedupeId).
 */
export function deliveredAny(sqlite: SqliteHandle, dedupeIds: readonly string[]): boolean {
  if (dedupeIds.length === 0) return false;
  const marks = dedupeIds.map(() => "?").join(", ");
  // One statement per count of ids (the transports: a handful), prepared once each.
  return (
    stmt(sqlite, `SELECT 1 FROM outbox WHERE dedupe_id IN (${marks}) AND status = 'delivered' LIMIT 1`).get(
      ...dedupeIds,
    ) !== undefined
  );
}

const stmts = (sqlite: SqliteHandle) =>
  once(sqlite, "outbox", () => ({
    insert: sqlite.prepare(
      "INSERT INTO outbox (id, dealer_id, appointment_id, kind, audience, channel, locale, recipient_ref, body_json, dedupe_id, status, attempts, next_attempt_at, created_at, transport, state_reason) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT (dedupe_id) DO NOTHING",
    ),
    claim: sqlite.prepare(
      "UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id IN (" +
        "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ?) RETURNING *",
    ),
    delivered: sqlite.prepare(
      "UPDATE outbox SET status = 'delivered', delivered_at = ?, lease_until = NULL, last_error = NULL, state_reason = NULL WHERE id = ? AND status = 'pending' AND attempts = ?",
    ),
    suppressed: sqlite.prepare(
      "UPDATE outbox SET status = 'suppressed', state_reason = ?, lease_until = NULL WHERE id = ? AND status = 'pending' AND attempts = ?",
    ),
    deferred: sqlite.prepare(
      "UPDATE outbox SET next_attempt_at = ?, state_reason = ?, last_error = NULL, lease_until = NULL, attempts = attempts - 1 WHERE id = ? AND status = 'pending' AND attempts = ?",
    ),
    retry: sqlite.prepare(
      "UPDATE outbox SET next_attempt_at = ?, last_error = ?, lease_until = NULL WHERE id = ? AND status = 'pending' AND attempts = ?",
    ),
    failed: sqlite.prepare(
      "UPDATE outbox SET status = 'failed', last_error = ?, lease_until = NULL WHERE id = ? AND status = 'pending' AND attempts = ?",
    ),
    withdraw: sqlite.prepare(
      "UPDATE outbox SET status = 'withdrawn', last_error = ? WHERE dedupe_id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)",
    ),
    left: sqlite.prepare("SELECT 1 FROM outbox WHERE dedupe_id = ? AND status <> 'withdrawn'"),
  }));
