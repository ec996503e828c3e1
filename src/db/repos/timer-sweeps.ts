import { once } from "../prepared.js";
import { REQUESTED_ONLINE } from "../schema.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// The statements behind the timers derived from appointments (journey/derived-timers.ts):
// each kind's watermark, and the appointments whose timer falls due in a window. Each
// window is a range of one index, so a sweep costs a few index probes when nothing is due.

export type DerivedKind = "no_show_check" | "confirm_overdue";

/**
 * Upcoming and past alike, but not the ones whose check died with them (cancel, no-show:
 * hooks.ts). The sweep reads each dealer's receptions through its index (`dealer_id IN
 * (SELECT id FROM dealers)`): a dealer is never deleted, so none is left out.
 */
const NO_SHOW_LIVE = "status NOT IN ('cancelled', 'no_show')";

const stmts = (sqlite: SqliteHandle) =>
  once(sqlite, "timer-sweeps", () => ({
    all: sqlite.prepare("SELECT kind, swept_to AS v FROM timer_sweeps"),
    start: sqlite.prepare(
      "INSERT INTO timer_sweeps (kind, swept_to) VALUES ('no_show_check', ?), ('confirm_overdue', ?) ON CONFLICT (kind) DO NOTHING",
    ),
    set: sqlite.prepare(
      "INSERT INTO timer_sweeps (kind, swept_to) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET swept_to = excluded.swept_to",
    ),
    receptions: sqlite.prepare(
      `SELECT id, dealer_id AS dealerId, reception_start AS receptionStart FROM appointments WHERE dealer_id IN (SELECT id FROM dealers) AND reception_start > ? AND reception_start <= ? AND ${NO_SHOW_LIVE}`,
    ),
    requests: sqlite.prepare(
      `SELECT id, dealer_id AS dealerId, created_at AS createdAt FROM appointments WHERE ${REQUESTED_ONLINE} AND created_at > ? AND created_at <= ?`,
    ),
    // Per dealer, the index in order up to the first live one; the least of those.
    nextReception: sqlite.prepare(
      `SELECT min((SELECT reception_start FROM appointments a WHERE a.dealer_id = d.id AND a.reception_start > ? AND a.${NO_SHOW_LIVE} ORDER BY a.reception_start LIMIT 1)) AS v FROM dealers d`,
    ),
    nextRequest: sqlite.prepare(
      `SELECT min(created_at) AS v FROM appointments WHERE ${REQUESTED_ONLINE} AND created_at > ?`,
    ),
  }));

/** Each kind's watermark, in one read: up to which instant its rows are written (absent before the first booking that left one to a sweep). */
export function allSweptTo(sqlite: SqliteHandle): Partial<Record<DerivedKind, number>> {
  const out: Partial<Record<DerivedKind, number>> = {};
  for (const r of stmts(sqlite).all.all() as Array<{ kind: DerivedKind; v: number }>) out[r.kind] = r.v;
  return out;
}

/** Starts the watermarks not started yet at `ms`. */
export function startSweeps(sqlite: SqliteHandle, ms: number): void {
  stmts(sqlite).start.run(ms, ms);
}

export function setSweptTo(sqlite: SqliteHandle, kind: DerivedKind, ms: number): void {
  stmts(sqlite).set.run(kind, ms);
}

/** Appointments whose reception started in the minutes (fromMinute, toMinute], no-show check still alive. */
export function receptionsBetween(
  sqlite: SqliteHandle,
  fromMinute: number,
  toMinute: number,
): Array<{ id: string; dealerId: string; receptionStart: number }> {
  return stmts(sqlite).receptions.all(fromMinute, toMinute) as Array<{
    id: string;
    dealerId: string;
    receptionStart: number;
  }>;
}

/** Online requests still unconfirmed, made in (fromIso, toIso]. */
export function requestsBetween(
  sqlite: SqliteHandle,
  fromIso: string,
  toIso: string,
): Array<{ id: string; dealerId: string; createdAt: string }> {
  return stmts(sqlite).requests.all(fromIso, toIso) as Array<{ id: string; dealerId: string; createdAt: string }>;
}

/** The first reception after the minute whose no-show check is alive (epoch minutes), or null. */
export function nextReceptionAfter(sqlite: SqliteHandle, minute: number): number | null {
  return (stmts(sqlite).nextReception.get(minute) as { v: number | null } | undefined)?.v ?? null;
}

/** The oldest unconfirmed online request made after the instant (ISO), or null. */
export function nextRequestAfter(sqlite: SqliteHandle, iso: string): string | null {
  return (stmts(sqlite).nextRequest.get(iso) as { v: string | null } | undefined)?.v ?? null;
}
