import { newId } from "../lib/ids.js";
import { isExpress } from "../core/cap-override.js";
import { bookedAudit, bookedRow } from "./book-row.js";
import type { AdvisorSlot, Booking, Job, Mobility } from "../core/types.js";
import { immediate } from "../db/tx.js";
import { audit, insertAppointment } from "../db/repos/appointments.js";
import { enforceContactCap } from "./contact-cap.js";
import { adoptPrep, BOOK_SCOPE, type BookingPrep, idempotentRequest, prepareBooking } from "./book-prep.js";
import { type Ctx, idempotent, isoNow, type Outcome } from "./context.js";
import type { AppointmentView, BookingRequest } from "./contracts.js";
import { notFound } from "./errors.js";
import { appointmentView } from "./present.js";
import { jobOfRequest } from "./job.js";
import { requestedSlot, requireContact, requireReachablePhone } from "./book-request.js";
import { givenNote, mobilityChoices, resolveMobility } from "./priority.js";
import { channelFor, checkAttendance, isPublicBooking, priorityFor } from "./trust.js";
import { linkBooking, onBooked } from "./journey/hooks.js";
import { restoringHold, type TakenHold, takeHold } from "./holds/release.js";
import { firstStay, slotUnavailable } from "./express-stay.js";
import { epochMinute } from "../core/civil.js";

// bookAppointment: re-check and write in ONE synchronous BEGIN IMMEDIATE transaction.
// The in-memory index is updated only after the commit, so a failed write never leaves
// phantom capacity behind, and no other request can run between check and write.

export interface BookInput {
  dealerId: string;
  body: BookingRequest;
  /** What the worker that took the request computed already (book-prep.ts); else computed here. */
  prepared?: BookingPrep;
}

/**
 * Who is booking (ctx.caller, trust.ts) decides priority, channel, and whether people
 * records may change; a public booking is held to ctx.contactCap (contact-cap.ts).
 */
export function bookAppointment(ctx: Ctx, input: BookInput): Outcome<AppointmentView> {
  const { dealerId, body: req } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  requireReachablePhone(rt, req);
  const caller = ctx.caller;
  const { priority, note: priorityNote } = priorityFor(ctx.sqlite, rt, caller, req.vehicle);
  const channel = channelFor(caller, req.channel);
  checkAttendance(caller, req.attendance);
  const publicBooking = isPublicBooking(caller);
  if (publicBooking) requireContact(req);
  const resolved = resolveMobility(rt.dealer, req.mobility, priority);
  const job = jobOfRequest(rt, { ...req, mobility: resolved.mobility });
  // A priority vehicle's other kind, where the first is not free (priority.ts).
  const altJob = resolved.alt ? jobOfRequest(rt, { ...req, mobility: resolved.alt }) : undefined;
  const jobOf = (m: Mobility): Job => (m === job.mobility || !altJob ? job : altJob);
  const slot = requestedSlot(rt, req);
  const now = epochMinute(ctx.nowMs);
  const prep = input.prepared ? adoptPrep(req, input.prepared) : prepareBooking(ctx, dealerId, req);
  const contact = prep.contact;
  let booking: Booking | null = null;
  // A hold (issue 14) is taken out of the index inside the transaction; put back if it rolls back.
  let held: TakenHold | null = null;
  const outcome = restoringHold(
    () => held,
    () =>
      immediate(ctx.sqlite, () =>
        idempotent(
          ctx,
          { dealerId, scope: BOOK_SCOPE, request: idempotentRequest(caller, req), prepared: prep.idempotency },
          () => {
            // Inside the transaction, so parallel requests cannot all pass the count.
            if (publicBooking) enforceContactCap(ctx.sqlite, dealerId, contact, now, ctx.contactCap);
            held = takeHold(ctx, rt, dealerId, req.holdId, slot.start);
            // A priority vehicle inside the express window may use the reserve and, as the
            // guarantee's last resort, go past the buffer caps (flagged as forced).
            const express = isExpress(rt.index, slot.start, now, priority);
            // Exactly the kind the option (or the hold) showed; without one, the asked kind
            // with any advisor before the other kind (a priority vehicle's, priority.ts).
            const kinds = mobilityChoices(resolved, held?.mobility ?? slot.option?.pinned);
            const at = { start: slot.start, now, express, priority, ret: slot.option?.ret };
            const chosen = firstStay(rt, at, kinds.map(jobOf), slot.advisors);
            if (Array.isArray(chosen))
              throw slotUnavailable(rt, job, slot.start, now, ctx.nowMs, priority, chosen, altJob);
            const { advisor, stay, forced } = chosen;
            const { mobility, receptionMinutes } = chosen.job;
            const mobilityNote = givenNote(req.mobility, resolved, [mobility], true);
            const reception: AdvisorSlot = { advisor, start: slot.start, minutes: receptionMinutes };
            // A prep without its id (a worker of another build) gets one here, and its token,
            // which then names nothing, is found by hash.
            const id = prep.appointmentId ?? newId();
            const row = bookedRow(rt.dealer, {
              id,
              dealerId,
              at: isoNow(ctx),
              reception,
              stay,
              req,
              manageTokenHash: prep.manageTokenHash,
              manageTokenById: prep.appointmentId !== undefined, // prepareBooking made the token from it
              contact,
              mobility,
              channel,
              priority,
              express,
              forced,
            });
            audit(ctx.db, bookedAudit(row, ctx.actor));
            // The customer's journey (journey/hooks.ts): customer/vehicle records and the booking
            // file, stored with the row; then its timers. The "book" audit entry stays first.
            const { links, ...people } = linkBooking(ctx, rt, id, req, caller);
            const stored = { ...row, ...links };
            insertAppointment(ctx.db, stored);
            const body = appointmentView(rt.dealer, stored, prep.manageToken);
            if (priorityNote) body.priorityNote = priorityNote;
            if (mobilityNote) body.mobilityNote = mobilityNote;
            // Its timers and notice: after the group's last booking, in the same transaction.
            onBooked(ctx, rt, stored, people, body, true);
            const { plan, ret } = stay;
            booking = { id, reception, ret, labour: plan.labour, readyAt: plan.readyAt, express, mobility };
            return { status: 201, body };
          },
        ),
      ),
  );
  if (booking) rt.index.add(booking);
  return outcome;
}
