import { whyNotRestorable } from "../core/config-guard/restore.js";
import { immediate } from "../db/tx.js";
import { type AppointmentRow, audit, transitionAppointment } from "../db/repos/appointments.js";
import { findAtVersion } from "./versioned-update.js";
import { formatInstant } from "./instants.js";
import { type IdempotencyScope, idempotent, isoNow, type Outcome, type WriteContext } from "./context.js";
import type { Action, ActionRequest, AppointmentView, Status } from "./contracts.js";
import { DomainError, notFound } from "./errors.js";
import { onTransition } from "./journey/hooks.js";
import { appointmentView } from "./present.js";
import { rowToBooking } from "./runtime.js";
import { isReleased, type StepMoment, TRANSITIONS, tooEarly } from "../core/status.js";
import { epochMinute, isoFromDayNumber } from "../core/civil.js";
import type { Dealer } from "../core/dealer.js";

// The lifecycle: requested → confirmed → checked_in → completed, plus cancelled and
// no_show. Each transition is a compare-and-set on the current status, so two clicks
// (or two advisors) cannot both cancel and release the same capacity twice.

// The transitions themselves are core/status.ts TRANSITIONS (the advisors' page reads them too).

export interface TransitionInput {
  dealerId: string;
  id: string;
  action: Action;
  /** The version the caller saw (If-Match), when it sent one. */
  ifMatch?: number;
  body: ActionRequest;
}

/** `on`: what an Idempotency-Key binds to; the customer's cancel (manage.ts) names its own. */
export function transition(
  ctx: WriteContext,
  input: TransitionInput,
  on: IdempotencyScope = actionScope(input),
): Outcome<AppointmentView> {
  const { dealerId, id, action } = input;
  const opts = { ifMatch: input.ifMatch, reason: input.body.reason };
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const t = TRANSITIONS[action];
  let release = false;
  let restore: AppointmentRow | null = null;
  const outcome = immediate(ctx.sqlite, () =>
    idempotent(ctx, on, () => {
      const row = findAtVersion(ctx.db, dealerId, id, opts.ifMatch);
      if (!t.from.includes(row.status as Status)) {
        // Not `status`: a problem's status is its HTTP status, and the envelope keeps its own.
        throw new DomainError("invalid_transition", `cannot ${action} a ${row.status} appointment`, {
          appointmentStatus: row.status,
        });
      }
      const now = epochMinute(ctx.nowMs);
      const moment = {
        receptionStart: row.receptionStart,
        now,
        receptionDay: rt.dealer.dayOf(row.receptionStart),
        today: rt.dealer.dayOf(now),
      };
      if (tooEarly(action, moment)) throw notOpenYet(rt.dealer, action, moment);
      if (isReleased(row.status) && !isReleased(t.to)) {
        // Taking back what the no-show released: refused when others booked it meanwhile.
        const back = rowToBooking(rt.dealer, row);
        const broken = back ? whyNotRestorable(rt.index, back, now) : [];
        if (broken.length) throw new DomainError("rule_violation", broken[0].message, { violations: broken });
      }
      const at = isoNow(ctx);
      const patch = { status: t.to, version: row.version + 1, updatedAt: at };
      if (!transitionAppointment(ctx.db, id, row.status, patch)) {
        throw new DomainError("invalid_transition", "the appointment changed meanwhile; reload it");
      }
      audit(ctx.db, {
        dealerId,
        appointmentId: id,
        at,
        actor: ctx.actor,
        action,
        before: { status: row.status, version: row.version },
        after: { status: t.to, version: patch.version },
        reason: opts.reason ?? (row.status === "no_show" ? "late arrival after the automatic no-show" : null),
      });
      onTransition(ctx, rt, { ...row, ...patch }, action, row.status); // the journey's timers and messages
      release = isReleased(t.to);
      // A late check-in takes back the capacity the no-show released (workshop, return, car).
      if (isReleased(row.status) && !release) restore = { ...row, ...patch };
      return { status: 200, body: appointmentView(rt.dealer, { ...row, ...patch }) };
    }),
  );
  // After commit, and only on the one request whose compare-and-set won.
  if (release) rt.index.remove(id);
  if (restore) {
    const b = rowToBooking(rt.dealer, restore);
    if (b && !rt.index.bookings.has(id)) rt.index.add(b);
  }
  return outcome;
}

/**
 * A step refused as not open yet: the same 409 a client already reads, with when it opens.
 * `opensOn` (the reception's local date) marks a check-in's; the board's sentence reads it.
 */
function notOpenYet(dealer: Dealer, action: Action, at: StepMoment): DomainError {
  const receptionStart = formatInstant(dealer, at.receptionStart);
  if (action === "check-in") {
    const day = isoFromDayNumber(at.receptionDay);
    return new DomainError(
      "invalid_transition",
      `check-in opens on the appointment's day (${day}): the reception is at ${receptionStart}`,
      { receptionStart, opensOn: day },
    );
  }
  return new DomainError("invalid_transition", `cannot ${action} before the reception starts`, { receptionStart });
}

const actionScope = (input: TransitionInput): IdempotencyScope => ({
  dealerId: input.dealerId,
  scope: `POST /v1/dealers/{dealerId}/appointments/{id}/${input.action}`,
  request: { id: input.id, body: input.body },
});
