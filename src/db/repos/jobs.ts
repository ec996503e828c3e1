import { newId } from "../../lib/ids.js";
import { once, stmt } from "../prepared.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// The durable timers' table (schema.ts `jobs`). Writes that schedule or cancel run inside
// the caller's immediate() transaction, next to their cause. A claim takes a lease and
// bumps `attempts`, which then fences the run: finishing needs the same attempts value,
// so a run whose lease expired (and was re-claimed) can no longer commit its effects.

export const JOB_KINDS = [
  "confirm_overdue",
  "reminder",
  "supervisor_notice",
  "no_show_check",
  "car_ready",
  "follow_up",
  "service_reminder",
  "progress_check",
  // 1 business day after a part arrived: a desk task unless the customer was told (journey/parts-notice.ts).
  "parts_notice",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobRow {
  id: string;
  dealerId: string;
  kind: JobKind;
  appointmentId: string | null;
  dueAt: number;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  dedupeKey: string;
}

export interface NewJob {
  dealerId: string;
  kind: JobKind;
  appointmentId: string | null;
  dueAt: number;
  dedupeKey: string;
  payload?: Record<string, unknown>;
}

/**
 * Schedules a job once per dedupe key. A key seen before stays as it is (a done job is
 * never re-run), unless it was cancelled: then it comes back to life, e.g. an
 * appointment moved away and back to the same time gets its reminder again.
 */
export function scheduleJob(sqlite: SqliteHandle, job: NewJob, nowIso: string): void {
  scheduleJobs(sqlite, [job], nowIso);
}

/** A new job's first seven columns: id, dealer_id, kind, appointment_id, due_at, payload_json, dedupe_key. */
const rowOf = (job: NewJob) => [
  newId(),
  job.dealerId,
  job.kind,
  job.appointmentId,
  job.dueAt,
  JSON.stringify(job.payload ?? {}),
  job.dedupeKey,
];

/**
 * scheduleJob for several jobs in ONE statement (a booking writes five timers): each
 * statement run costs far more inside a loaded server than its SQLite work
 * (bench/JOURNAL.md), and a multi-row upsert treats every row as its own INSERT would.
 * Rows go in chunks of at most JOBS_PER_STATEMENT: Durable Object SQL binds at most 100
 * parameters per statement. One statement per chunk size, prepared once.
 */
export function scheduleJobs(sqlite: SqliteHandle, jobs: readonly NewJob[], nowIso: string): void {
  for (let from = 0; from < jobs.length; from += JOBS_PER_STATEMENT) {
    const chunk = jobs.slice(from, from + JOBS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const job of chunk) params.push(...rowOf(job), nowIso);
    scheduleStatement(sqlite, chunk.length).run(...params);
  }
}

const JOBS_PER_STATEMENT = 12; // 8 parameters a row: 96 of Durable Object SQL's 100

const scheduleStatement = (sqlite: SqliteHandle, rows: number) =>
  stmt(
    sqlite,
    "INSERT INTO jobs (id, dealer_id, kind, appointment_id, due_at, payload_json, status, attempts, dedupe_key, created_at) VALUES " +
      Array(rows).fill("(?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)").join(", ") +
      " ON CONFLICT (dedupe_key) DO UPDATE SET status = 'pending', due_at = excluded.due_at, payload_json = excluded.payload_json, lease_until = NULL, outcome = NULL, done_at = NULL WHERE jobs.status = 'cancelled'",
  );

/**
 * A timer whose instant passed before it could apply, stored as already run with `outcome`
 * (e.g. "skipped:not_in"): its key then blocks any later scheduling at the same instant,
 * exactly as a row that fired and was skipped does. A key already stored stays as it is,
 * unless cancelled (a no-show cancels the car-ready call): scheduling would revive that one,
 * so it is settled the same way.
 */
export function recordPassedJob(sqlite: SqliteHandle, job: NewJob, outcome: string, nowIso: string): void {
  stmt(
    sqlite,
    "INSERT INTO jobs (id, dealer_id, kind, appointment_id, due_at, payload_json, status, attempts, dedupe_key, outcome, created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, 'done', 0, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO UPDATE SET status = 'done', outcome = excluded.outcome, done_at = excluded.done_at WHERE jobs.status = 'cancelled'",
  ).run(...rowOf(job), outcome, nowIso, nowIso);
}

/** Cancels the appointment's pending (or leased) jobs of these kinds; returns how many. */
export function cancelJobs(
  sqlite: SqliteHandle,
  appointmentId: string,
  kinds: readonly JobKind[],
  outcome: string,
  nowIso: string,
): number {
  if (kinds.length === 0) return 0;
  const marks = kinds.map(() => "?").join(", ");
  return stmt(
    sqlite,
    `UPDATE jobs SET status = 'cancelled', outcome = ?, done_at = ?, lease_until = NULL WHERE appointment_id = ? AND status IN ('pending', 'running') AND kind IN (${marks})`,
  ).run(outcome, nowIso, appointmentId, ...kinds).changes;
}

/** Leases up to `limit` due jobs (pending and due, or running with an expired lease). */
export function claimDueJobs(sqlite: SqliteHandle, nowMs: number, leaseMs: number, limit: number): JobRow[] {
  const rows = stmts(sqlite).claim.all(nowMs + leaseMs, nowMs, nowMs, limit) as RawJob[];
  return rows.map(fromRaw).sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

/** Marks the claimed run done; false when the lease was lost (the caller must roll back). */
export function finishJob(sqlite: SqliteHandle, job: JobRow, outcome: string, nowIso: string): boolean {
  return stmts(sqlite).finish.run(outcome, nowIso, job.id, job.attempts).changes === 1;
}

/** A run that threw: back to pending at `retryAt`, or failed for good after too many tries. */
export function failJob(
  sqlite: SqliteHandle,
  job: JobRow,
  error: string,
  retryAt: number | null,
  nowIso: string,
): void {
  if (retryAt === null) stmts(sqlite).giveUp.run(error.slice(0, 500), nowIso, job.id, job.attempts);
  else stmts(sqlite).retry.run(retryAt, error.slice(0, 500), job.id, job.attempts);
}

/** A vehicle's next-service date changed: its pending reminders for any other date go. */
export function cancelOtherServiceReminders(
  sqlite: SqliteHandle,
  vehicleId: string,
  keepKey: string,
  nowIso: string,
): void {
  stmt(
    sqlite,
    "UPDATE jobs SET status = 'cancelled', outcome = 'cancelled:due_date_changed', done_at = ? WHERE kind = 'service_reminder' AND status = 'pending' AND dedupe_key LIKE ? AND dedupe_key <> ?",
  ).run(nowIso, `service_reminder:${vehicleId}:%`, keepKey);
}

export interface JobListRow extends JobRow {
  outcome: string | null;
  doneAt: string | null;
}

export function jobsOf(sqlite: SqliteHandle, appointmentId: string): JobListRow[] {
  return (
    stmt(sqlite, "SELECT * FROM jobs WHERE appointment_id = ? ORDER BY due_at, kind").all(appointmentId) as RawJob[]
  ).map((r) => ({
    ...fromRaw(r),
    outcome: r.outcome,
    doneAt: r.done_at,
  }));
}

interface RawJob {
  id: string;
  dealer_id: string;
  kind: JobKind;
  appointment_id: string | null;
  due_at: number;
  payload_json: string;
  status: string;
  attempts: number;
  dedupe_key: string;
  outcome: string | null;
  done_at: string | null;
}

const fromRaw = (r: RawJob): JobRow => ({
  id: r.id,
  dealerId: r.dealer_id,
  kind: r.kind,
  appointmentId: r.appointment_id,
  dueAt: r.due_at,
  payload: JSON.parse(r.payload_json) as Record<string, unknown>,
  status: r.status,
  attempts: r.attempts,
  dedupeKey: r.dedupe_key,
});

const stmts = (sqlite: SqliteHandle) =>
  once(sqlite, "jobs", () => ({
    claim: sqlite.prepare(
      "UPDATE jobs SET status = 'running', lease_until = ?, attempts = attempts + 1 WHERE id IN (" +
        "SELECT id FROM jobs WHERE (status = 'pending' AND due_at <= ?) OR (status = 'running' AND lease_until < ?) ORDER BY due_at LIMIT ?) RETURNING *",
    ),
    finish: sqlite.prepare(
      "UPDATE jobs SET status = 'done', outcome = ?, done_at = ?, lease_until = NULL WHERE id = ? AND status = 'running' AND attempts = ?",
    ),
    retry: sqlite.prepare(
      "UPDATE jobs SET status = 'pending', due_at = ?, last_error = ?, lease_until = NULL WHERE id = ? AND status = 'running' AND attempts = ?",
    ),
    giveUp: sqlite.prepare(
      "UPDATE jobs SET status = 'failed', last_error = ?, done_at = ?, lease_until = NULL WHERE id = ? AND status = 'running' AND attempts = ?",
    ),
  }));
