import { IDEMPOTENCY_TTL_MS } from "../db/repos/idempotency.js";
import { nextDue } from "../db/repos/due.js";
import { nextDerivedDue } from "../scheduler/journey/derived-timers.js";
import type { SqliteHandle } from "../db/sqlite-handle.js";

// When a dealer's Durable Object must wake up by itself: the alarm that replaces Node's
// JOURNEY_INTERVAL_MS timer (and its hourly idempotency purge). One alarm per object, set
// to the earliest of: a pending timer falling due, an expired job lease (a run that died
// mid-way is claimed again), a message's next delivery attempt or lease expiry, and the
// oldest idempotency record expiring (rounded up to the hour, so purges come in batches
// as on Node rather than one alarm per booking). null: nothing to do until a request changes that.

// Strictly after the expiry: purgeExpired() removes records OLDER than the TTL.
const HOUR = 3_600_000;
const nextHour = (ms: number) => (Math.floor(ms / HOUR) + 1) * HOUR;

export function nextWakeAt(sqlite: SqliteHandle): number | null {
  const r = nextDue(sqlite);
  if (!r) return null; // no schema yet: nothing stored, nothing due
  const due = [
    r.job,
    nextDerivedDue(sqlite),
    r.lease,
    r.message,
    r.idem === null ? null : nextHour(Date.parse(r.idem) + IDEMPOTENCY_TTL_MS),
  ].filter((t): t is number => t !== null);
  return due.length === 0 ? null : Math.min(...due);
}
