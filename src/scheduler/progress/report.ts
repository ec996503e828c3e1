import { epochMinute } from "../../core/civil.js";
import { replanTechnician, type ProgressEvent } from "../../core/replan.js";
import type { Booking } from "../../core/types.js";
import { immediate } from "../../db/tx.js";
import { findAppointment, type AppointmentRow } from "../../db/repos/appointments.js";
import { type IdempotencyScope, idempotent, isoNow, type Outcome, type WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import { appointmentView } from "../present.js";
import type { ProgressRequest, ProgressView } from "./contracts.js";
import { extraWorkOf, saveProgress } from "../../db/repos/progress.js";
import { findAtVersion, updateAudited } from "../versioned-update.js";
import { recordExtraWork } from "./extra-work.js";
import type { ReplanConflict } from "./follow-return.js";
import { writeReplannedJob } from "./replanned-job.js";

// reportProgress: the workshop says where a job stands (started, paused, done, hours
// left, extra work). In ONE immediate transaction: the technician's remaining jobs are
// planned again (core/replan.ts) and, for every car whose ready time moved, the return
// follows it: a car now ready after its return gets the first free slot at or after the
// new time (the same advisor when free) unless that would overbook its mobility (then the
// return stays, nothing is overbooked, and the advisor gets a task); a car ready earlier
// gets its return brought forward with the same advisor, with notice, or keeps it
// (follow-return.ts says the policy). The customer is told once per change
// (ready_time_changed, consent as for every customer message) and the car-ready call
// and the progress check are re-timed. Extra work is planned only once approved.
// The pieces: extra-work.ts records the extra work, replanned-job.ts writes each job of
// the new plan, follow-return.ts moves a return with its car.

export interface ProgressInput {
  dealerId: string;
  id: string;
  /** The version the caller saw (If-Match, required). */
  ifMatch: number;
  body: ProgressRequest;
}

export function reportProgress(ctx: WriteContext, input: ProgressInput): Outcome<ProgressView> {
  const { dealerId, id, ifMatch, body: req } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const { index } = rt;
  const now = epochMinute(ctx.nowMs);
  // What the index held before this write, to put back if it does not commit.
  const undo = new Map<string, Booking>();
  try {
    return immediate(ctx.sqlite, () =>
      idempotent(ctx, progressScope(input), () => {
        const row = findAtVersion(ctx.db, dealerId, id, ifMatch);
        if (row.status !== "checked_in")
          throw new DomainError(
            "invalid_transition",
            `progress is reported on a checked-in car, not a ${row.status} appointment`,
            { status: row.status },
          );
        const at = isoNow(ctx);
        const extraMinutes = recordExtraWork(ctx, rt, row, req, at);
        const ev: ProgressEvent = {
          id,
          state: req.state,
          remainingMinutes: req.remainingHours === undefined ? undefined : Math.round(req.remainingHours * 60),
          extraMinutes,
        };
        const plan = index.bookings.has(id)
          ? replanTechnician(
              index,
              ev,
              now,
              (other) => findAppointment(ctx.db, dealerId, other)?.status === "completed",
            )
          : { tech: null, jobs: [] };
        if (!plan)
          throw new DomainError(
            "rule_violation",
            "the technician's remaining jobs no longer fit within the planning horizon",
            {
              violations: [
                { code: "workshop_full", message: "the remaining work cannot be planned within the horizon" },
              ],
            },
          );
        for (const j of plan.jobs) if (!undo.has(j.before.id)) undo.set(j.before.id, j.before);
        saveProgress(ctx.db, dealerId, id, req.state, at);
        const changes: ProgressView["changes"] = [];
        const conflicts: ReplanConflict[] = [];
        let self: AppointmentRow = row;
        const report = { dealerId, id, row, state: req.state, at, now };
        for (const job of plan.jobs) {
          const next = writeReplannedJob(ctx, rt, report, job, { changes, conflicts });
          if (next && next.id === id) self = next;
        }
        if (self === row) {
          // Nothing of the plan changed: the report itself is still a write (state, extra work).
          const patch = { version: row.version + 1, updatedAt: at };
          self = updateAudited(ctx, row, patch, {
            action: "progress",
            before: { version: row.version },
            after: { version: patch.version, progress: req.state },
            reason: null,
          });
        }
        const extra = extraWorkOf(ctx.db, id).map((e) => ({
          id: e.id,
          description: e.description,
          hours: e.minutes / 60,
          status: e.status as "pending" | "approved",
        }));
        const view = appointmentView(rt.dealer, self);
        return {
          status: 200,
          body: {
            ...view,
            appointment: view,
            state: req.state,
            extraWork: extra,
            changes,
            conflicts,
          },
        };
      }),
    );
  } catch (e) {
    // Nothing was committed: every re-planned booking goes back exactly as it was.
    for (const [bid, b] of undo) {
      index.remove(bid);
      index.add(b);
    }
    throw e;
  }
}

/** What an Idempotency-Key binds to: the operation, the appointment, the version seen and the body. */
const progressScope = (input: ProgressInput): IdempotencyScope => ({
  dealerId: input.dealerId,
  scope: "POST /v1/dealers/{dealerId}/appointments/{id}/progress",
  request: { id: input.id, version: input.ifMatch, body: input.body },
});
