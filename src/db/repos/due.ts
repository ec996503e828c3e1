import { stmt } from "../prepared.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// When the background work of a store next falls due, across the tables that hold it
// (the Worker's alarm planning, worker/alarms.ts, turns these into one instant).

const NEXT_DUE = `SELECT
  (SELECT min(due_at) FROM jobs WHERE status = 'pending') AS job,
  (SELECT min(lease_until) FROM jobs WHERE status = 'running') AS lease,
  (SELECT min(max(next_attempt_at, coalesce(lease_until, 0))) FROM outbox WHERE status = 'pending') AS message,
  (SELECT min(created_at) FROM idempotency_keys) AS idem`;

export interface NextDue {
  /** The earliest pending timer (epoch ms). */
  job: number | null;
  /** The earliest expiring job lease (epoch ms). */
  lease: number | null;
  /** The earliest next delivery attempt or lease expiry of a pending message (epoch ms). */
  message: number | null;
  /** The oldest idempotency record's creation instant (ISO). */
  idem: string | null;
}

/** undefined when the store has no schema yet (a Durable Object answers reads with no rows). */
export function nextDue(sqlite: SqliteHandle): NextDue | undefined {
  return stmt(sqlite, NEXT_DUE).get() as NextDue | undefined;
}
