import { findAppointment } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { decide } from "./decide.js";
import type { JobRow } from "../../db/repos/jobs.js";
import { toCustomer, toStaff } from "./messages.js";
import { markNoShow } from "./no-show.js";
import { recipientOf } from "./recipients.js";
import { runServiceReminder } from "./service-reminder.js";
import { runPartsNotice } from "./parts-notice.js";
import { noticeSupervisor } from "./supervisor-notice.js";
import { MINUTE } from "./timers.js";

// What each due timer does. Runs inside the runner's transaction, which also marks the
// job done: the effects below and "done" commit together, or neither does.

export interface Ran {
  outcome: string;
  /** The appointment whose capacity the runner must release from the index after commit. */
  release?: { dealerId: string; id: string };
}

export function runJob(ctx: WriteContext, job: JobRow): Ran {
  if (job.kind === "service_reminder") return { outcome: runServiceReminder(ctx, job) };
  // About a part, not the appointment's status: a completed visit's part still needs its call.
  if (job.kind === "parts_notice") return { outcome: runPartsNotice(ctx, job) };
  const rt = ctx.runtimes.get(job.dealerId);
  const row = rt && job.appointmentId ? findAppointment(ctx.db, job.dealerId, job.appointmentId) : undefined;
  if (!rt || !row) return { outcome: "skipped:gone" };
  const who = recipientOf(ctx.db, row);
  const d = decide(job.kind, {
    status: row.status,
    nowMs: ctx.nowMs,
    receptionStartMs: row.receptionStart * MINUTE,
    readyAtMs: row.readyAt * MINUTE,
    reachable: who.channel !== null,
  });
  if (d.act === "skip") return { outcome: `skipped:${d.why}` };
  const dedupeId = `job:${job.dedupeKey}`;
  const dealer = rt.dealer;
  switch (job.kind) {
    case "supervisor_notice": // only jobs written before the booking sent it itself (supervisor-notice.ts)
      return { outcome: noticeSupervisor({ ctx, dealer, row, who }) };
    case "confirm_overdue":
      return {
        outcome: toStaff(ctx, dealer, row, "service_desk", {
          kind: "confirm_overdue",
          dedupeId,
          data: { alert: "confirmation_overdue", requestedAt: row.createdAt },
        }),
      };
    case "reminder":
      return { outcome: toCustomer(ctx, dealer, row, { kind: "reminder", dedupeId }, who) };
    case "no_show_check": {
      const r = markNoShow(ctx, rt, row);
      return r.released
        ? { outcome: r.outcome, release: { dealerId: row.dealerId, id: row.id } }
        : { outcome: r.outcome };
    }
    case "car_ready":
      return d.act === "customer"
        ? { outcome: toCustomer(ctx, dealer, row, { kind: "car_ready", dedupeId }, who) }
        : {
            outcome: toStaff(ctx, dealer, row, `advisor:${row.returnAdvisorId ?? row.advisorId}`, {
              kind: "car_ready_call",
              dedupeId,
            }),
          };
    case "progress_check":
      return {
        outcome: toStaff(ctx, dealer, row, `advisor:${row.advisorId}`, {
          kind: "progress_check",
          dedupeId,
          data: { task: "progress_check" },
        }),
      };
    case "follow_up":
      return d.act === "customer"
        ? { outcome: toCustomer(ctx, dealer, row, { kind: "follow_up", dedupeId }, who) }
        : { outcome: toStaff(ctx, dealer, row, "service_desk", { kind: "follow_up_call", dedupeId }) };
  }
}
