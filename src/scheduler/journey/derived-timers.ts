import type { JobKind, NewJob } from "../../db/repos/jobs.js";
import { scheduleJobs } from "../../db/repos/jobs.js";
import {
  allSweptTo,
  type DerivedKind,
  nextReceptionAfter,
  nextRequestAfter,
  receptionsBetween,
  requestsBetween,
  setSweptTo,
  startSweeps,
} from "../../db/repos/timer-sweeps.js";
import type { SqliteHandle } from "../../db/sqlite-handle.js";
import { confirmOverdueTimer, DAY, HOUR, MINUTE, NO_SHOW_AFTER, noShowTimer, type Timer } from "./timers.js";

// Two timers every booking has are not written with it (issue 17): the no-show check and
// an online request's confirm-overdue alert. Each follows from the appointment's own
// columns (its reception's start; when it was made, while it is still a request), which
// indexes already order, so the journey's runner writes their job rows when they fall
// due (sweepDerivedTimers), under the same dedupe keys, and runs them as any job. Two
// rows, a random leaf of the due-time index and ten index entries a booking fewer (the
// booking's SQL alone: ~1.5× the bookings/s, bench/write.bench.ts; the writer's whole verb
// 0.95–1.04× on a noisy box, bench/write-verb.ts).
//
// The rule that keeps it exact: timer_sweeps holds, per kind, the instant up to which the
// runner has written them. A timer due after it is left to a later sweep, which reads
// the appointment as it is then (moved, cancelled, confirmed); one due at or before it
// (a move into the past, a clock set back) is written at once, as every timer was before.
// The first booking or move that leaves a timer to a sweep starts the watermark at its own
// instant: rows written by older builds cover everything booked before.

const DERIVED: ReadonlySet<JobKind> = new Set<DerivedKind>(["no_show_check", "confirm_overdue"]);

/** The timers to write now: all but the derived ones a later sweep will write. */
export function timersToWrite(sqlite: SqliteHandle, timers: Timer[], nowMs: number): Timer[] {
  if (!timers.some((t) => DERIVED.has(t.kind))) return timers;
  const swept = allSweptTo(sqlite);
  if (swept.no_show_check === undefined || swept.confirm_overdue === undefined) {
    // The first booking or move that leaves a timer to a sweep (a new store, or one an older build wrote).
    startSweeps(sqlite, nowMs);
    swept.no_show_check ??= nowMs;
    swept.confirm_overdue ??= nowMs;
  }
  return timers.filter((t) => !DERIVED.has(t.kind) || t.dueAt <= swept[t.kind as DerivedKind]!);
}

/** A sweep that found nothing still moves its watermark at least this often (one small write). */
const IDLE_ADVANCE_MS = HOUR;

const minuteAtOrBefore = (ms: number) => Math.floor(ms / MINUTE);

/**
 * Writes the job rows of the derived timers that fell due since the last sweep, inside
 * the caller's transaction (the runner's, before it claims). Returns how many.
 */
export function sweepDerivedTimers(sqlite: SqliteHandle, nowMs: number, nowIso: string): number {
  const swept = allSweptTo(sqlite);
  // A reception at minute m is checked at m·MINUTE + NO_SHOW_AFTER: due in (from, to] ⟺ m in (⌊(from − 30 min)/MINUTE⌋, ⌊(to − 30 min)/MINUTE⌋].
  const noShows = sweep(sqlite, "no_show_check", swept.no_show_check, nowMs, nowIso, (from, to) =>
    receptionsBetween(sqlite, minuteAtOrBefore(from - NO_SHOW_AFTER), minuteAtOrBefore(to - NO_SHOW_AFTER)).map((a) =>
      job(a.dealerId, a.id, noShowTimer(a.id, a.receptionStart)),
    ),
  );
  // created_at is ISO-8601 in UTC with milliseconds (isoNow): its order is its instant's.
  const iso = (ms: number) => new Date(ms).toISOString();
  const requests = sweep(sqlite, "confirm_overdue", swept.confirm_overdue, nowMs, nowIso, (from, to) =>
    requestsBetween(sqlite, iso(from - DAY), iso(to - DAY)).map((a) =>
      job(a.dealerId, a.id, confirmOverdueTimer(a.id, Date.parse(a.createdAt))),
    ),
  );
  return noShows + requests;
}

/** `from`: the kind's watermark. */
function sweep(
  sqlite: SqliteHandle,
  kind: DerivedKind,
  from: number | undefined,
  nowMs: number,
  nowIso: string,
  dueIn: (from: number, to: number) => NewJob[],
): number {
  // No watermark: nothing was ever left to a sweep (the first booking or move that leaves one starts it).
  if (from === undefined || nowMs <= from) return 0;
  const jobs = dueIn(from, nowMs);
  // A cancelled row under the same key comes back (scheduleJobs): the appointment moved away and back.
  if (jobs.length > 0) scheduleJobs(sqlite, jobs, nowIso);
  if (jobs.length > 0 || nowMs - from >= IDLE_ADVANCE_MS) setSweptTo(sqlite, kind, nowMs);
  return jobs.length;
}

const job = (dealerId: string, appointmentId: string, t: Timer): NewJob => ({
  dealerId,
  kind: t.kind,
  appointmentId,
  dueAt: t.dueAt,
  dedupeKey: t.dedupeKey,
});

/** When the next derived timer falls due after the last sweep (epoch ms), or null: the Worker's alarm (worker/alarms.ts). */
export function nextDerivedDue(sqlite: SqliteHandle): number | null {
  const due: number[] = [];
  const { no_show_check: noShows, confirm_overdue: requests } = allSweptTo(sqlite);
  if (noShows !== undefined) {
    const m = nextReceptionAfter(sqlite, minuteAtOrBefore(noShows - NO_SHOW_AFTER));
    if (m !== null) due.push(m * MINUTE + NO_SHOW_AFTER);
  }
  if (requests !== undefined) {
    const made = nextRequestAfter(sqlite, new Date(requests - DAY).toISOString());
    if (made !== null) due.push(Date.parse(made) + DAY);
  }
  return due.length === 0 ? null : Math.min(...due);
}
