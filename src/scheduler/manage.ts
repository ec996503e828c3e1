import { sha256Hex } from "../lib/digest.js";
import type { Db } from "../db/sqlite-handle.js";
import { actingAs, type Ctx } from "./context.js";
import { findByManageTokenHash } from "../db/repos/appointments.js";
import type { Outcome } from "./context.js";
import type { AppointmentView, RescheduleRequest } from "./contracts.js";
import { decodeOptionId } from "../core/option-id.js";
import { DomainError, notFound } from "./errors.js";
import { appointmentCalendar } from "./journey/calendar.js";
import { recipientOf } from "./journey/recipients.js";
import { moveAppointment } from "./move.js";
import { transition } from "./lifecycle.js";
import { appointmentView } from "./present.js";
import type { Runtimes } from "./runtime.js";

// The customer's own appointment, reached with the manage token from the booking
// response (≥ 256 random bits, stored only as a hash). Any wrong token is a plain 404:
// nothing tells a guesser whether an appointment exists.

function byToken(db: Db, token: string) {
  const row = findByManageTokenHash(db, sha256Hex(token));
  if (!row) throw notFound("appointment");
  return row;
}

/** The token's appointment and its dealer's runtime; a dealer gone since is the same 404. */
function runtimeByToken(db: Db, runtimes: Runtimes, token: string) {
  const row = byToken(db, token);
  const rt = runtimes.get(row.dealerId);
  if (!rt) throw notFound("appointment");
  return { row, rt };
}

export interface TokenInput {
  /** The manage token from the booking response. */
  token: string;
}

export function viewByToken(ctx: Ctx, { token }: TokenInput): AppointmentView {
  const { row, rt } = runtimeByToken(ctx.db, ctx.runtimes, token);
  return appointmentView(rt.dealer, row);
}

export function cancelByToken(ctx: Ctx, input: TokenInput & { body: { reason?: string } }): Outcome<AppointmentView> {
  const { token, body } = input;
  const row = byToken(ctx.db, token);
  const on = { dealerId: row.dealerId, scope: "POST /v1/manage/{token}/cancel", request: { token, body } };
  return transition(
    actingAs(ctx, "customer"),
    { dealerId: row.dealerId, id: row.id, action: "cancel", body: { reason: body.reason } },
    on,
  );
}

/** The appointment as an iCalendar file, in the customer's language (else the dealer's). */
export function calendarByToken(ctx: Ctx, { token }: TokenInput): string {
  const { row, rt } = runtimeByToken(ctx.db, ctx.runtimes, token);
  return appointmentCalendar(rt.dealer, row, recipientOf(ctx.db, row).locale ?? rt.dealer.config.locale);
}

/**
 * The customer moves their own appointment: an optionId from availability, or a start
 * (and optionally an advisor). Same rules and the same atomic path as an advisor's move,
 * at the version the token's appointment has now.
 */
export function rescheduleByToken(ctx: Ctx, input: TokenInput & { body: RescheduleRequest }): Outcome<AppointmentView> {
  const { token, body: req } = input;
  const { row, rt } = runtimeByToken(ctx.db, ctx.runtimes, token);
  let reception: { start?: string; advisorId?: string } = { start: req.start, advisorId: req.advisorId };
  if (req.optionId !== undefined) {
    const o = decodeOptionId(rt.dealer, req.optionId);
    if (!o)
      throw new DomainError("validation_failed", "optionId: not an option of this dealer; search availability again", {
        errors: [{ path: "optionId", message: "not an option of this dealer", in: "body" }],
      });
    reception = { start: rt.dealer.format(o.reception.start), advisorId: rt.dealer.advisors[o.reception.advisor].id };
  }
  const on = { dealerId: row.dealerId, scope: "POST /v1/manage/{token}/reschedule", request: { token, body: req } };
  return moveAppointment(
    actingAs(ctx, "customer"),
    { dealerId: row.dealerId, id: row.id, ifMatch: row.version, body: { reception, force: false, reason: req.reason } },
    on,
  );
}
