import { immediate } from "../db/tx.js";
import { idempotent, isoNow, type Outcome, type WriteContext } from "./context.js";
import type { AppointmentView, PossibleMatch } from "./contracts.js";
import { DomainError, notFound } from "./errors.js";
import { appointmentView } from "./present.js";
import { staffFields } from "./staff-view.js";
import { findAtVersion, updateAudited } from "./versioned-update.js";

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
      const row = findAtVersion(ctx.db, dealerId, id, ifMatch);
      const match = row.possibleMatchJson
        ? (JSON.parse(row.possibleMatchJson) as Omit<PossibleMatch, "customer">)
        : null;
      if (!match) throw new DomainError("invalid_transition", "this appointment has no possible match to apply");
      if (match.customerId !== req.customerId) {
        throw new DomainError("validation_failed", "customerId: not this appointment's possible match; reload it", {
          errors: [{ path: "customerId", message: "not this appointment's possible match", in: "body" }],
        });
      }
      const patch = {
        customerId: match.customerId,
        vehicleId: match.vehicleId ?? row.vehicleId,
        possibleMatchJson: null,
        version: row.version + 1,
        updatedAt: isoNow(ctx),
      };
      const next = updateAudited(ctx, row, patch, {
        action: "customer.match_applied",
        before: { customerId: row.customerId, vehicleId: row.vehicleId, version: row.version },
        after: { customerId: patch.customerId, vehicleId: patch.vehicleId, by: match.by, version: patch.version },
        reason: req.reason ?? null,
      });
      return { status: 200, body: { ...appointmentView(rt.dealer, next), ...staffFields(ctx.db, next) } };
    }),
  );
}
