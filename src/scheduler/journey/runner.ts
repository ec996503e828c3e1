import type { LogFn } from "../../lib/log.js";
import type { Db, SqliteHandle } from "../../db/sqlite-handle.js";
import { immediate } from "../../db/tx.js";
import type { WriteContext } from "../context.js";
import type { Runtimes } from "../runtime.js";
import { runJob } from "./handlers.js";
import { sweepDerivedTimers } from "./derived-timers.js";
import { claimDueJobs, failJob, finishJob, type JobRow } from "../../db/repos/jobs.js";
import type { MessagingDeps } from "./transports.js";

// runDue: the timers' engine. Claims due jobs in one short transaction (a lease), then
// runs the batch in one transaction, each job in its own savepoint that also marks it done. Jobs whose lease expired
// (the process died mid-run) are claimed again: since effects and "done" commit
// together, a job takes effect exactly once however often it is claimed.

export interface JourneyDeps {
  db: Db;
  sqlite: SqliteHandle;
  runtimes: Runtimes;
  log?: LogFn;
  /** SMTP and SMS transports, manage-link base (transports.ts); absent: webhook only. */
  messaging?: MessagingDeps;
}

export interface RunOptions {
  /** Jobs per claim. */
  batch?: number;
  leaseMs?: number;
  /** Safety valve: at most this many batches per call. */
  maxBatches?: number;
  /** Write the derived timers that fell due before the first claim (derived-timers.ts); default true. */
  sweep?: boolean;
}

export interface RunReport {
  ran: Array<{ id: string; kind: string; appointmentId: string | null; dueAt: number; outcome: string }>;
  failed: number;
}

export const JOB_LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;

class LeaseLost extends Error {}

const retryAt = (job: JobRow, nowMs: number) =>
  job.attempts >= MAX_ATTEMPTS ? null : nowMs + Math.min(2 ** job.attempts * 30_000, 3_600_000);

export function runDue(deps: JourneyDeps, nowMs: number, opts: RunOptions = {}): RunReport {
  const report: RunReport = { ran: [], failed: 0 };
  const at = new Date(nowMs).toISOString();
  for (let b = 0; b < (opts.maxBatches ?? 20); b++) {
    if (runBatch(deps, nowMs, at, opts, report, b === 0 && opts.sweep !== false) === 0) break;
  }
  return report;
}

/**
 * Claims a batch and runs it in ONE transaction (one fsync for the batch, not one per job:
 * a booking storm used to schedule a supervisor notice per booking, and one commit each cost
 * as much disk as the bookings themselves; and not a commit for the claim and another for
 * the run: the claim's pages were written twice), each job in its own SAVEPOINT so that
 * one that throws (or lost its lease) rolls back alone and is marked failed in the same
 * commit. A crash before the COMMIT leaves the jobs unclaimed, as if never picked.
 * The index and the report change only after the COMMIT returned. Returns how many it claimed.
 */
function runBatch(
  deps: JourneyDeps,
  nowMs: number,
  at: string,
  opts: RunOptions,
  report: RunReport,
  sweep: boolean,
): number {
  const ran: Array<{ job: JobRow; outcome: string; release?: { dealerId: string; id: string } }> = [];
  const failed: Array<{ job: JobRow; message: string }> = [];
  let claimed: JobRow[] = [];
  immediate(deps.sqlite, () => {
    if (sweep) sweepSafely(deps, nowMs, at);
    claimed = claimDueJobs(deps.sqlite, nowMs, opts.leaseMs ?? JOB_LEASE_MS, opts.batch ?? 100);
    for (const job of claimed) {
      const ctx: WriteContext = {
        db: deps.db,
        sqlite: deps.sqlite,
        runtimes: deps.runtimes,
        nowMs,
        actor: "scheduler",
      };
      try {
        const r = immediate(deps.sqlite, () => {
          const r = runJob(ctx, job);
          if (!finishJob(deps.sqlite, job, r.outcome, at)) throw new LeaseLost();
          return r;
        });
        ran.push({ job, outcome: r.outcome, release: r.release });
      } catch (err) {
        if (err instanceof LeaseLost) continue; // someone else owns it now (or it was cancelled)
        const message = err instanceof Error ? err.message : String(err);
        failJob(deps.sqlite, job, message, retryAt(job, nowMs), at);
        failed.push({ job, message });
      }
    }
  });
  for (const { job, outcome, release } of ran) {
    // After commit only: the index must never lose capacity the database still holds.
    if (release) deps.runtimes.get(release.dealerId)?.index.remove(release.id);
    report.ran.push({ id: job.id, kind: job.kind, appointmentId: job.appointmentId, dueAt: job.dueAt, outcome });
  }
  for (const { job, message } of failed) {
    report.failed++;
    // Ids and kinds only: job payloads and errors never carry contact details.
    deps.log?.({
      level: "error",
      msg: "job failed",
      jobId: job.id,
      kind: job.kind,
      attempts: job.attempts,
      error: message.slice(0, 200),
    });
  }
  return claimed.length;
}

/**
 * The derived timers' sweep in a savepoint of its own: should it ever throw (a row it
 * cannot read), the jobs already written still run, and the next tick tries again.
 */
function sweepSafely(deps: JourneyDeps, nowMs: number, at: string): void {
  try {
    immediate(deps.sqlite, () => sweepDerivedTimers(deps.sqlite, nowMs, at));
  } catch (err) {
    deps.log?.({ level: "error", msg: "timer sweep failed", error: String(err).slice(0, 200) });
  }
}
