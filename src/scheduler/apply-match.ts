import { immediate } from "../db/tx.js";
import { audit, findAppointment } from "../db/repos/appointments.js";
import { idempotent, isoNow, type Outcome, type WriteContext } from "./context.js";
import type { AppointmentView, PossibleMatch } from "./contracts.js";
import { DomainError, notFound } from "./errors.js";
import { appointmentView } from "./present.js";
import { staffFields } from "./staff-view.js";
import { updateAtVersion } from "./versioned-update.js";

// Staff apply an anonymous booking's possibleMatch (journey/people.ts): the appointment
// is linked to the stored customer (and vehicle) it named, so it is that customer's from
// now on. The stored records themselves are not changed here: updating a customer's
// contact or a vehicle's owner stays an explicit step (a staff booking, PUT /vehicles).
// `customerId` must be the suggestion staff saw, so a stale screen cannot link another.

export interface ApplyMatchInput {
  dealerId: string;
  id: string;
  /** The version the caller saw (If-Match), when it sent one. */
  ifMatch?: number;
  body: { customerId: string; reason?: string };
}

export function applyPossibleMatch(ctx: WriteContext, input: ApplyMatchInput): Outcome<AppointmentView> {
  const { dealerId, id, ifMatch, body: req } = input;
  const on = {
    dealerId,
    scope: "POST /v1/dealers/{dealerId}/appointments/{id}/possible-match/apply",
    request: { id, body: req },
  };
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  return immediate(ctx.sqlite, () =>
    idempotent(ctx, on, () => {
      const row = findAppointment(ctx.db, dealerId, id);
      if (!row) throw notFound(`appointment ${id}`);
      if (ifMatch !== undefined && ifMatch !== row.version) {
        throw new DomainError("version_conflict", `the appointment is at version ${row.version}, not ${ifMatch}`, {
          currentVersion: row.version,
        });
      }
      const match = row.possibleMatchJson
        ? (JSON.parse(row.possibleMatchJson) as Omit<PossibleMatch, "customer">)
        : null;
      if (!match) throw new DomainError("invalid_transition", "this appointment has no possible match to apply");
      if (match.customerId !== req.customerId) {
        throw new DomainError("validation_failed", "customerId: not this appointment's possible match; reload it", {
          errors: [{ path: "customerId", message: "not this appointment's possible match", in: "body" }],
        });
      }
      const at = isoNow(ctx);
      const patch = {
        customerId: match.customerId,
        vehicleId: match.vehicleId ?? row.vehicleId,
        possibleMatchJson: null,
        version: row.version + 1,
        updatedAt: at,
      };
      updateAtVersion(ctx.db, id, row.version, patch);
      audit(ctx.db, {
        dealerId,
        appointmentId: id,
        at,
        actor: ctx.actor,
        action: "customer.match_applied",
        before: { customerId: row.customerId, vehicleId: row.vehicleId, version: row.version },
        after: { customerId: patch.customerId, vehicleId: patch.vehicleId, by: match.by, version: patch.version },
        reason: req.reason ?? null,
      });
      const next = { ...row, ...patch };
      return { status: 200, body: { ...appointmentView(rt.dealer, next), ...staffFields(ctx.db, next) } };
    }),
  );
}
