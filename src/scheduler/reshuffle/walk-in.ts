import { newId } from "../../lib/ids.js";
import { labourToJson } from "../labour-json.js";
import { isRefusal, planWalkIn, type WalkInPlan } from "../../core/reshuffle/index.js";
import { checkStay } from "../../core/stay.js";
import type { Booking, Job } from "../../core/types.js";
import { immediate } from "../../db/tx.js";
import { sha256Hex } from "../../lib/digest.js";
import { findAppointment, insertAppointment } from "../../db/repos/appointments.js";
import { contactHashes } from "../contact-cap.js";
import { type Ctx, idempotent, isoNow, type Outcome } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import { appointmentView, slotView } from "../present.js";
import { resolveMobility } from "../priority.js";
import { priorityFor, STAFF } from "../trust.js";
import type { SqliteHandle } from "../../db/sqlite-handle.js";
import type { DealerRuntime } from "../runtime.js";
import { jobOfRequest } from "../job.js";
import { advisorIndexOf } from "../search.js";
import { newManageToken } from "../tokens.js";
import { auditReshuffle } from "./commit.js";
import type { WalkInRequest } from "./contracts.js";
import type { ReshufflePlan } from "./plan-schema.js";
import { checkGuard } from "./guard.js";
import { planView, type Planned } from "./plan-view.js";
import { refusedError } from "./refusal.js";
import { epochMinute } from "../../core/civil.js";
import { linkBooking, onBooked } from "../journey/hooks.js";
import type { BookingRequest } from "../contracts.js";

// receiveWalkIn: a customer at the desk without an appointment. Received now or at the
// nearest gap today by any advisor, past the buffer when only the buffer stands in the
// way (recorded as forced). Applying creates the appointment as confirmed, channel
// walk_in; nothing else moves. 409 slot_unavailable, with the next options, when today
// has no room at all. A priority vehicle is one by its VIN on the dealer's file or its
// model (staff receive walk-ins: trust.ts priorityFor, as for a staff booking), and the
// appointment records it, so its later moves and re-plans keep its express and mobility.

function planned(
  sqlite: SqliteHandle,
  rt: DealerRuntime,
  req: WalkInRequest,
  now: number,
): { p: Planned; w: WalkInPlan; job: Job; express: boolean; priority: boolean } {
  const { priority } = priorityFor(sqlite, rt, STAFF, req.vehicle);
  const resolved = resolveMobility(rt.dealer, req.mobility, priority);
  let job = jobOfRequest(rt, { ...req, mobility: resolved.mobility });
  // Today is always inside a priority vehicle's express window.
  const express = priority;
  const preferredAdvisor = advisorIndexOf(rt, req.advisorId, "advisorId");
  let w = planWalkIn(rt.index, { job, now, priority, express, preferredAdvisor });
  if (isRefusal(w) && resolved.alt) {
    // A priority vehicle's other kind when the first is not free today (priority.ts); the
    // plan's print names the kind, so apply commits exactly that one.
    const altJob = jobOfRequest(rt, { ...req, mobility: resolved.alt });
    const altPlan = planWalkIn(rt.index, { job: altJob, now, priority, express, preferredAdvisor });
    if (!isRefusal(altPlan)) {
      w = altPlan;
      job = altJob;
    }
  }
  if (isRefusal(w)) throw refusedError(rt.dealer, w, "slot_unavailable");
  const d = rt.dealer;
  const walkIn = {
    reception: slotView(d, w.reception),
    return: w.ret ? slotView(d, w.ret) : null,
    readyAt: d.format(w.readyAt),
    forced: w.forced,
    overridden: w.overridden,
  };
  const p: Planned = {
    kind: "walk_in",
    index: rt.index,
    ctx: { now, movables: new Map() },
    core: { moves: [], contact: [] },
    rows: new Map(),
    configVersion: rt.configVersion,
    extra: { walkIn },
    // Everything the dry run shows of the walk-in, so apply commits exactly that or refuses as stale.
    print: [
      w.reception.advisor,
      w.reception.start,
      w.ret?.advisor ?? -1,
      w.ret?.start ?? -1,
      w.ret?.minutes ?? -1,
      w.readyAt,
      w.forced,
      [...w.overridden].sort(),
      job.mobility,
    ],
  };
  return { p, w, job, express, priority };
}

export function receiveWalkIn(ctx: Ctx, input: { dealerId: string; body: WalkInRequest }): Outcome<ReshufflePlan> {
  const { dealerId, body: req } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const now = epochMinute(ctx.nowMs);
  if (req.mode === "plan")
    return { status: 200, body: planView(planned(ctx.sqlite, rt, req, now).p, dealerId, "plan"), replayed: false };
  let booking: Booking | null = null;
  const outcome = immediate(ctx.sqlite, () =>
    idempotent(ctx, { dealerId, scope: "POST /v1/dealers/{dealerId}/reshuffle/walk-in", request: req }, () => {
      const { p, w, job, express, priority } = planned(ctx.sqlite, rt, req, now);
      checkGuard(ctx.db, dealerId, { mode: "apply", planToken: req.planToken }, p);
      // THE checker has the last word, as for any booking (past the caps only when planned so).
      const chk = checkStay(
        rt.index,
        {
          advisor: w.reception.advisor,
          start: w.reception.start,
          minutes: w.reception.minutes,
          job,
          now,
          notice: 0,
          express,
          priority,
          force: w.forced,
        },
        w.ret,
      );
      if (!chk.stay || chk.stay.ret !== w.ret)
        throw new DomainError(
          "slot_unavailable",
          chk.violations[0]?.message ?? "the walk-in slot is no longer available",
          { violations: chk.violations },
        );
      const id = newId();
      const manageToken = newManageToken(dealerId);
      const at = isoNow(ctx);
      const d = rt.dealer;
      const contact = contactHashes(req.customer);
      const row = {
        id,
        dealerId,
        status: "confirmed",
        version: 1,
        manageTokenHash: sha256Hex(manageToken),
        advisorId: d.advisors[w.reception.advisor].id,
        receptionStart: w.reception.start,
        receptionMinutes: w.reception.minutes,
        returnAdvisorId: w.ret ? d.advisors[w.ret.advisor].id : null,
        returnStart: w.ret?.start ?? null,
        returnMinutes: w.ret?.minutes ?? null,
        readyAt: chk.stay.plan.readyAt,
        labourJson: labourToJson(d, chk.stay.plan.labour),
        interventionsJson: JSON.stringify(req.interventions),
        vehicleJson: JSON.stringify(req.vehicle),
        customerJson: JSON.stringify(req.customer),
        // Staff receive walk-ins: no per-contact cap, but the contact counts like any booking's.
        contactEmailHash: contact.email,
        contactPhoneHash: contact.phone,
        mobility: job.mobility,
        requestText: req.request ?? null,
        channel: "walk_in",
        express,
        priority,
        forced: w.forced,
        createdAt: at,
        updatedAt: at,
      };
      // The customer and vehicle on file, as a staff booking links them (found by email,
      // phone or VIN, else recorded), and the booking file (the VIN's open campaigns): the
      // desk knows who this is next time, and the car gets its service reminder.
      const { links, ...people } = linkBooking(ctx, rt, id, walkInAsBooking(req), ctx.caller);
      insertAppointment(ctx.db, { ...row, ...links });
      // Read back: the view shows the row exactly as stored (columns this verb does not set included).
      const stored = findAppointment(ctx.db, dealerId, id)!;
      // The journey as for any booking: the supervisor's notice, the no-show check, the
      // vehicle's service reminder (the car-ready call and progress check come at check-in).
      onBooked(ctx, rt, stored, people);
      const view = planView(p, dealerId, "applied");
      view.created = appointmentView(d, stored);
      view.manageToken = manageToken;
      auditReshuffle(ctx, dealerId, "walk_in", view, at, {
        appointmentId: id,
        reason: req.reason,
        extra: { created: id },
      });
      booking = {
        id,
        reception: w.reception,
        ret: w.ret,
        labour: chk.stay.plan.labour,
        readyAt: chk.stay.plan.readyAt,
        express,
        mobility: job.mobility,
      };
      return { status: 200, body: view };
    }),
  );
  if (booking) rt.index.add(booking);
  return outcome;
}

/** A walk-in as the booking its people and file are linked from (journey/hooks.ts linkBooking). */
const walkInAsBooking = (req: WalkInRequest): BookingRequest => ({
  vehicle: req.vehicle,
  interventions: req.interventions,
  customer: req.customer,
  mobility: req.mobility,
  request: req.request,
  channel: "walk_in",
});
