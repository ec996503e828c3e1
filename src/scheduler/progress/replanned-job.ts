import type { Replanned } from "../../core/replan.js";
import { type AppointmentRow, findAppointment } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { conflictReason } from "../journey/conflict-words.js";
import { toCustomer, toStaff } from "../journey/messages.js";
import { scheduleProgressCheck } from "../journey/progress-check.js";
import { rescheduleJobsFor } from "../journey/schedule.js";
import { recipientOf } from "../journey/recipients.js";
import { todayOf } from "../journey/when-words.js";
import { labourToJson } from "../labour-json.js";
import type { ProgressRequest, ProgressView } from "./contracts.js";
import type { DealerRuntime } from "../runtime.js";
import { updateAudited } from "../versioned-update.js";
import { followReturn, type ReplanConflict } from "./follow-return.js";

/** The report being applied: the appointment it is about (as read at the version seen), its state, when. */
export interface AppliedReport {
  dealerId: string;
  id: string;
  row: AppointmentRow;
  state: ProgressRequest["state"];
  /** The write's instant (ISO), stamped on every row and entry it writes. */
  at: string;
  /** The same instant in epoch minutes, for the return search. */
  now: number;
}

/** What the answer collects across the re-planned jobs. */
export interface ReplanOutcome {
  changes: ProgressView["changes"];
  conflicts: ReplanConflict[];
}

/**
 * Writes one job of the technician's new plan: its return follows the new ready time,
 * later or earlier (followReturn), the row is updated and audited, its progress check
 * re-timed, and, when the car is ready at another time, the car-ready call too and the
 * customer told (once: a car-ready call already due is not sent after it). Each
 * conflict of its return becomes a task for the advisor. The reported job is always
 * written; another job only when its ready time or labour changed. Returns the row as
 * written, or null when nothing was.
 */
export function writeReplannedJob(
  ctx: WriteContext,
  rt: DealerRuntime,
  report: AppliedReport,
  { before, after }: Replanned,
  out: ReplanOutcome,
): AppointmentRow | null {
  const { dealerId, id, row, at, now } = report;
  const { changes, conflicts } = out;
  const current = before.id === id ? row : findAppointment(ctx.db, dealerId, before.id);
  if (!current) return null;
  // Whether a message can reach the customer (their consent and a channel): a return is
  // brought forward only for a customer who will hear of it (follow-return.ts).
  const canTell = recipientOf(ctx.db, current).channel !== null;
  const { booking: placed, kept } = followReturn(rt, current, after, before, now, conflicts, canTell);
  const moved = placed.readyAt !== before.readyAt;
  const labourJson = labourToJson(rt.dealer, placed.labour);
  if (!moved && labourJson === current.labourJson && before.id !== id) return null;
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
        progress: current.id === id ? report.state : undefined,
        cause: id,
      },
      reason: null,
    },
    "an appointment changed meanwhile; reload it",
  );
  scheduleProgressCheck(ctx, next);
  let customerMessage: string | null = null;
  if (moved) {
    // The one message about the change: the new ready time (and the return that follows it).
    // A return left before the new ready time (a conflict, sent to the advisor below) is
    // not said: the customer would read a hand-back before the car is ready.
    const returnOpen = conflicts.some((c) => c.appointmentId === next.id);
    customerMessage = toCustomer(ctx, rt.dealer, next, {
      kind: "ready_time_changed",
      dedupeId: `ready_time_changed:${next.id}:v${next.version}`,
      data: { readyAtBefore: rt.dealer.format(before.readyAt) },
      ...(returnOpen ? { extra: { returnOpen: "yes" } } : {}),
    });
    // The car-ready call follows the new time; one already due is not a second message.
    rescheduleJobsFor(ctx, next, customerMessage.startsWith("sent:"));
    changes.push({
      appointmentId: next.id,
      readyAtBefore: rt.dealer.format(before.readyAt),
      readyAt: rt.dealer.format(next.readyAt),
      returnStart: next.returnStart === null ? null : rt.dealer.format(next.returnStart),
      returnMoved: next.returnStart !== current.returnStart || next.returnAdvisorId !== current.returnAdvisorId,
      ...(kept ? { returnKept: kept } : {}),
      customerMessage,
    });
  }
  for (const c of conflicts.filter((x) => x.appointmentId === next.id)) {
    toStaff(ctx, rt.dealer, next, `advisor:${next.returnAdvisorId ?? next.advisorId}`, {
      kind: "ready_conflict",
      dedupeId: `ready_conflict:${next.id}:v${next.version}`,
      extra: {
        options: [
          conflictReason(rt.dealer.config.locale, { ...c, mobility: next.mobility }, todayOf(rt.dealer, ctx.nowMs)),
        ],
      },
      data: { task: "ready_conflict", code: c.code },
    });
  }
  return next;
}
