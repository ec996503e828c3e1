import { newId } from "../lib/ids.js";
import { epochMinute } from "../core/civil.js";
import { mobilityViolation } from "../core/mobility.js";
import { replanTechnician, type ProgressEvent } from "../core/replan.js";
import { findReturn } from "../core/return-slot.js";
import type { Booking } from "../core/types.js";
import { immediate } from "../db/tx.js";
import { findAppointment, type AppointmentRow } from "../db/repos/appointments.js";
import { type IdempotencyScope, idempotent, isoNow, type Outcome, type WriteContext } from "./context.js";
import { DomainError, notFound } from "./errors.js";
import { toCustomer, toStaff } from "./journey/messages.js";
import { scheduleProgressCheck } from "./journey/progress-check.js";
import { rescheduleJobsFor } from "./journey/schedule.js";
import { labourToJson } from "./labour-json.js";
import { appointmentView } from "./present.js";
import { rowPriority } from "./priority.js";
import type { ProgressRequest, ProgressView } from "./progress-contracts.js";
import { addExtraWork, approvePending, extraWorkOf, saveProgress } from "../db/repos/progress.js";
import type { DealerRuntime } from "./runtime.js";
import { findAtVersion, updateAudited } from "./versioned-update.js";
import { conflictReason } from "./journey/conflict-words.js";
import { todayOf } from "./journey/when-words.js";

// reportProgress: the workshop says where a job stands (started, paused, done, hours
// left, extra work). In ONE immediate transaction: the technician's remaining jobs are
// planned again (core/replan.ts) and, for every car whose ready time moved, the return
// follows it (to the first free slot at or after the new time, the same advisor when
// free) unless that would overbook its mobility: then the return stays, nothing is
// overbooked, and the advisor gets a task. The customer is told once per change
// (ready_time_changed, consent as for every customer message) and the car-ready call
// and the progress check are re-timed. Extra work is planned only once approved.

type ReplanConflict = ProgressView["conflicts"][number];

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
        for (const { before, after } of plan.jobs) {
          const current = before.id === id ? row : findAppointment(ctx.db, dealerId, before.id);
          if (!current) continue;
          const placed = followReturn(rt, current, after, now, conflicts);
          const moved = placed.readyAt !== before.readyAt;
          const labourJson = labourToJson(rt.dealer, placed.labour);
          if (!moved && labourJson === current.labourJson && before.id !== id) continue;
          const patch = {
            version: current.version + 1,
            readyAt: placed.readyAt,
            labourJson,
            returnAdvisorId: placed.ret ? rt.dealer.advisors[placed.ret.advisor].id : null,
            returnStart: placed.ret?.start ?? null,
            returnMinutes: placed.ret?.minutes ?? null,
            updatedAt: at,
          };
          const next = updateAudited(
            ctx,
            current,
            patch,
            {
              action: "replan",
              before: { version: current.version, readyAt: current.readyAt, return: current.returnStart },
              after: {
                version: patch.version,
                readyAt: patch.readyAt,
                return: patch.returnStart,
                progress: current.id === id ? req.state : undefined,
                cause: id,
              },
              reason: null,
            },
            "an appointment changed meanwhile; reload it",
          );
          if (current.id === id) self = next;
          scheduleProgressCheck(ctx, next);
          let customerMessage: string | null = null;
          if (moved) {
            rescheduleJobsFor(ctx, next); // the car-ready call follows the new time
            customerMessage = toCustomer(ctx, rt.dealer, next, {
              kind: "ready_time_changed",
              dedupeId: `ready_time_changed:${next.id}:v${next.version}`,
              data: { readyAtBefore: rt.dealer.format(before.readyAt) },
            });
            changes.push({
              appointmentId: next.id,
              readyAtBefore: rt.dealer.format(before.readyAt),
              readyAt: rt.dealer.format(next.readyAt),
              returnStart: next.returnStart === null ? null : rt.dealer.format(next.returnStart),
              returnMoved: next.returnStart !== current.returnStart || next.returnAdvisorId !== current.returnAdvisorId,
              customerMessage,
            });
          }
          for (const c of conflicts.filter((x) => x.appointmentId === next.id)) {
            toStaff(ctx, rt.dealer, next, `advisor:${next.returnAdvisorId ?? next.advisorId}`, {
              kind: "ready_conflict",
              dedupeId: `ready_conflict:${next.id}:v${next.version}`,
              extra: {
                options: [
                  conflictReason(
                    rt.dealer.config.locale,
                    { ...c, mobility: next.mobility },
                    todayOf(rt.dealer, ctx.nowMs),
                  ),
                ],
              },
              data: { task: "ready_conflict", code: c.code },
            });
          }
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
        return {
          status: 200,
          body: {
            appointment: appointmentView(rt.dealer, self),
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

/**
 * Records the report's extra work. Approved: its minutes are planned (a pending entry
 * with the same description becomes approved). Not approved: kept pending, the advisor
 * is asked to get the customer's approval, nothing is planned.
 */
function recordExtraWork(
  ctx: WriteContext,
  rt: DealerRuntime,
  row: AppointmentRow,
  req: ProgressRequest,
  at: string,
): number {
  const x = req.extraWork;
  if (!x) return 0;
  const minutes = Math.round(x.hours * 60);
  if (x.approved) {
    if (!approvePending(ctx.db, row.id, x.description, minutes, at))
      addExtraWork(ctx.db, {
        id: newId(),
        dealerId: row.dealerId,
        appointmentId: row.id,
        description: x.description,
        minutes,
        status: "approved",
        createdAt: at,
        approvedAt: at,
      });
    return minutes;
  }
  const extraId = newId();
  addExtraWork(ctx.db, {
    id: extraId,
    dealerId: row.dealerId,
    appointmentId: row.id,
    description: x.description,
    minutes,
    status: "pending",
    createdAt: at,
    approvedAt: null,
  });
  toStaff(ctx, rt.dealer, row, `advisor:${row.advisorId}`, {
    kind: "extra_work_approval",
    dedupeId: `extra_work_approval:${extraId}`,
    extra: { options: [`${x.description} (${x.hours} h)`] },
    data: { task: "extra_work_approval", extraWorkId: extraId, hours: x.hours },
  });
  return 0;
}

/**
 * The booking as re-planned, with its return moved when the car is now ready after it.
 * The move must keep the booking's mobility within stock (a courtesy car out longer,
 * a delivery run in another half-day): when it would not, or no advisor is free, the
 * return stays where it was and a conflict is reported. Updates the index.
 */
function followReturn(
  rt: DealerRuntime,
  row: AppointmentRow,
  b: Booking,
  now: number,
  conflicts: ReplanConflict[],
): Booking {
  const { index, dealer } = rt;
  const late = b.ret ? b.ret.start < b.readyAt : b.mobility === "courtesy_car";
  if (!late) return b;
  index.remove(b.id);
  const priority = rowPriority(dealer, row);
  let placed = b;
  if (b.ret) {
    const ret = findReturn(
      index,
      b.ret.advisor,
      b.readyAt,
      b.ret.minutes,
      b.express || priority ? undefined : now,
      b.reception,
    );
    const v = ret
      ? mobilityViolation(index, b.mobility, { reception: b.reception, ret, readyAt: b.readyAt }, priority)
      : null;
    if (!ret)
      conflicts.push({
        appointmentId: b.id,
        code: "no_return_slot",
        message: "no advisor is free for the return within three weeks of the new ready time",
      });
    else if (v)
      conflicts.push({
        appointmentId: b.id,
        code: "mobility_unavailable",
        message: `the return at ${dealer.format(ret.start)} would keep the ${b.mobility.replace("_", " ")} out longer than the stock allows`,
        returnStart: dealer.format(ret.start),
      });
    else placed = { ...b, ret };
  } else if (
    mobilityViolation(index, b.mobility, { reception: b.reception, ret: null, readyAt: b.readyAt }, priority)
  ) {
    // No return booked: the car stays out until ready; report it, the index keeps the stay.
    conflicts.push({
      appointmentId: b.id,
      code: "mobility_unavailable",
      message: "the courtesy car would be out longer than the stock allows",
    });
  }
  index.add(placed);
  return placed;
}
