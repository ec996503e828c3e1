import { planLate } from "../../core/reshuffle/index.js";
import { findAppointment } from "../../db/repos/appointments.js";
import type { Outcome, WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import type { LateRequest } from "./contracts.js";
import type { ReshufflePlan } from "./plan-schema.js";
import { loadDays, movableOf } from "./load.js";
import { planOnRuntime, runReshuffle } from "./run.js";

// runningLate: a customer is late, or a reception overruns. The reception shifts by the
// delay (rounded up to the quarter hour) with the same advisor, and the advisor's later
// receptions that no longer fit are re-seated with minimal disruption.

export function runningLate(ctx: WriteContext, input: { dealerId: string; body: LateRequest }): Outcome<ReshufflePlan> {
  const { dealerId, body: req } = input;
  return runReshuffle(ctx, dealerId, req, {
    kind: "late",
    auditAppointmentId: req.appointmentId,
    compute(rt, now, withPlan) {
      const row = findAppointment(ctx.db, dealerId, req.appointmentId);
      if (!row) throw notFound(`appointment ${req.appointmentId}`);
      const m = movableOf(rt.dealer, row, now);
      if (!m || !rt.index.bookings.has(row.id))
        throw new DomainError("invalid_transition", `a ${row.status} appointment cannot run late`, {
          appointmentId: row.id,
          status: row.status,
        });
      const { rows, movables } = loadDays(ctx.db, rt.dealer, dealerId, row.receptionStart, row.receptionStart + 1, now);
      // The late reception itself moves even when checked in or started (an overrun).
      movables.set(row.id, { ...m, returnOnly: false });
      rows.set(row.id, row);
      return planOnRuntime(
        rt,
        { kind: "late", now, withPlan, rows },
        movables,
        (index, c) => planLate(index, c, { id: row.id, minutes: req.minutes }),
        (plan) => ({ late: { appointmentId: row.id, requestedMinutes: req.minutes, shiftMinutes: plan.shiftMinutes } }),
      );
    },
  });
}
