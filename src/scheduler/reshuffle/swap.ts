import { planSwap, type Movable } from "../../core/reshuffle/index.js";
import { findAppointment, type AppointmentRow } from "../../db/repos/appointments.js";
import type { Outcome, WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import type { SwapRequest } from "./contracts.js";
import type { ReshufflePlan } from "./plan-schema.js";
import { isUpcoming } from "../../core/status.js";
import { movableOf } from "./load.js";
import { planOnRuntime, runReshuffle } from "./run.js";

// swapAppointments: two receptions exchange their slots (or only times, or only
// advisors) in one transaction; if either side breaks a rule, neither moves.

export function swapAppointments(
  ctx: WriteContext,
  input: { dealerId: string; body: SwapRequest },
): Outcome<ReshufflePlan> {
  const { dealerId, body: req } = input;
  return runReshuffle(ctx, dealerId, req, {
    kind: "swap",
    movesOnly: true,
    compute(rt, now, withPlan) {
      const rows = new Map<string, AppointmentRow>();
      const movables = new Map<string, Movable>();
      for (const id of req.appointmentIds) {
        const row = findAppointment(ctx.db, dealerId, id);
        if (!row) throw notFound(`appointment ${id}`);
        const m = movableOf(rt.dealer, row, now);
        if (!isUpcoming(row.status) || !m || m.returnOnly || !rt.index.bookings.has(id)) {
          throw new DomainError("invalid_transition", `appointment ${id} (${row.status}) can no longer be swapped`, {
            appointmentId: id,
            status: row.status,
          });
        }
        rows.set(id, row);
        movables.set(id, m);
      }
      return planOnRuntime(rt, { kind: "swap", now, withPlan, rows }, movables, (index, c) =>
        planSwap(index, c, { a: req.appointmentIds[0], b: req.appointmentIds[1], exchange: req.exchange }),
      );
    },
  });
}
