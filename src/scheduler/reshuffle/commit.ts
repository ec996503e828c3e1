import { labourToJson } from "../labour-json.js";
import type { Dealer } from "../../core/dealer.js";
import type { PlanMove } from "../../core/reshuffle/index.js";
import { audit, updateAppointment, type AppointmentRow } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { DomainError } from "../errors.js";
import { toCustomer } from "../journey/messages.js";
import { rescheduleJobsFor } from "../journey/schedule.js";
import { scheduleProgressCheck } from "../journey/progress-check.js";
import type { ReshuffleKind } from "./contracts.js";
import type { ReshufflePlan } from "./plan-schema.js";

// The storage side of an applied plan, inside the caller's immediate() transaction: one
// compare-and-set per moved appointment (version + 1), the moved customers' messages,
// and ONE audit row for the whole reshuffle, listing every move.

/** Writes each move; returns the new version per appointment. */
export function writeMoves(
  ctx: WriteContext,
  dealer: Dealer,
  rows: Map<string, AppointmentRow>,
  moves: PlanMove[],
  at: string,
): Map<string, number> {
  const versions = new Map<string, number>();
  for (const m of moves) {
    const row = rows.get(m.id)!;
    const patch = {
      version: row.version + 1,
      advisorId: dealer.advisors[m.to.reception.advisor].id,
      receptionStart: m.to.reception.start,
      receptionMinutes: m.to.reception.minutes,
      returnAdvisorId: m.to.ret ? dealer.advisors[m.to.ret.advisor].id : null,
      returnStart: m.to.ret?.start ?? null,
      returnMinutes: m.to.ret?.minutes ?? null,
      readyAt: m.to.readyAt,
      labourJson: labourToJson(dealer, m.to.labour),
      // Express as the apply checked the new reception (core/cap-override.ts movedExpress):
      // moved out of the express window it is an ordinary appointment from now on.
      express: m.to.express,
      // The current placement's flag; the audit row keeps the overridden rules.
      forced: m.forced,
      updatedAt: at,
    };
    if (!updateAppointment(ctx.db, m.id, row.version, patch))
      throw new DomainError("version_conflict", `appointment ${m.id} changed meanwhile; review the plan`, {
        appointmentId: m.id,
      });
    rescheduleJobsFor(ctx, { ...row, ...patch }); // the journey's timers (reminder, no-show, car ready) follow the move
    scheduleProgressCheck(ctx, { ...row, ...patch }); // and the progress check follows the new labour plan
    // A time the customer was told changed: one message with the new time and the manage
    // link (the dedupe id is per version, so a replayed apply cannot send it twice).
    if (m.notifyCustomer)
      toCustomer(
        ctx,
        dealer,
        { ...row, ...patch },
        { kind: "appointment_moved", dedupeId: `moved:${m.id}:v${patch.version}`, before: row },
      );
    versions.set(m.id, patch.version);
  }
  return versions;
}

export function auditReshuffle(
  ctx: WriteContext,
  dealerId: string,
  kind: ReshuffleKind,
  view: ReshufflePlan,
  at: string,
  opts: { appointmentId?: string | null; reason?: string; extra?: Record<string, unknown> } = {},
): void {
  audit(ctx.db, {
    dealerId,
    appointmentId: opts.appointmentId ?? null,
    at,
    actor: ctx.actor,
    action: `reshuffle:${kind}`,
    before: { versions: Object.fromEntries(view.moves.map((m) => [m.appointmentId, m.version])) },
    after: {
      moves: view.moves.map((m) => ({
        appointmentId: m.appointmentId,
        version: m.version,
        newVersion: m.newVersion,
        from: { reception: m.from.reception, return: m.from.return, express: m.from.express },
        to: { reception: m.to.reception, return: m.to.return, express: m.to.express },
        timeChanged: m.timeChanged,
        advisorChanged: m.advisorChanged,
        notifyCustomer: m.notifyCustomer,
        forced: m.forced,
        overridden: m.overridden.length ? m.overridden : undefined,
      })),
      contact: view.contact.map((c) => ({ appointmentId: c.appointmentId, reason: c.reason })),
      notify: view.notify,
      absence: view.absence,
      late: view.late,
      walkIn: view.walkIn,
      ...opts.extra,
    },
    reason: opts.reason ?? null,
  });
}
