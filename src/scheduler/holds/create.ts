import { labourToJson } from "../labour-json.js";
import { quietAt } from "../../core/day-options.js";
import { isExpress } from "../../core/cap-override.js";
import { decodeOptionId } from "../../core/option-id.js";
import type { Booking, Job, Mobility } from "../../core/types.js";
import { immediate } from "../../db/tx.js";
import { sha256Hex } from "../../lib/digest.js";
import type { Ctx } from "../context.js";
import { DomainError, invalid, notFound } from "../errors.js";
import { optionView } from "../present.js";
import { stampIn } from "../instants.js";
import { mobilityChoices, resolveMobility } from "../priority.js";
import { type Caller, priorityFor } from "../trust.js";
import { jobOfRequest } from "../job.js";
import { randomToken } from "../tokens.js";
import type { HoldRequest, HoldView } from "./contracts.js";
import { countLiveHolds, insertHold, purgeExpiredHolds } from "../../db/repos/holds.js";
import { holdKey } from "./live.js";
import { firstStay, slotUnavailable } from "../express-stay.js";
import { epochMinute } from "../../core/civil.js";

// createHold: keep one option for a customer who is still typing. Checked and written in
// ONE immediate() transaction exactly like a booking (same checker, same express rules),
// so a held slot is one nobody else could have booked, and nobody else can book it until
// the hold is consumed, released or expires.

interface HoldCaller {
  /** Hash of the client address (per-client cap); never the address itself. */
  clientHash: string;
  /** Staff of the dealer: no per-client cap (the dealer-wide cap still applies). */
  staff: boolean;
  /** What the credential buys (trust.ts): a hold believes exactly what a booking would. */
  trust: Caller;
}

/** ctx.caller with the client address's hash: an authenticated caller (staff, a client key: an owner-app backend, one address for all its users) skips the per-client cap. */
function holdCaller(ctx: Ctx): HoldCaller {
  const trust = ctx.caller;
  return { clientHash: clientHashOf(ctx.clientAddress), staff: trust.kind !== "anonymous", trust };
}

export const clientHashOf = (address: string) => sha256Hex(`pitlane-client|${address}`);

function tooMany(detail: string, soonest: number | null, nowMs: number, limit: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(((soonest ?? nowMs) - nowMs) / 1000));
  return new DomainError("too_many_holds", detail, { limit, retryAfterSeconds });
}

export function createHold(ctx: Ctx, input: { dealerId: string; body: HoldRequest }): HoldView {
  const { dealerId, body: req } = input;
  const caller = holdCaller(ctx);
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  // Same belief as the booking that will consume it: priority from a VIN on file or a
  // credential, never from an anonymous caller's word (trust.ts).
  const { priority } = priorityFor(ctx.sqlite, rt, caller.trust, req.vehicle);
  const resolved = resolveMobility(rt.dealer, req.mobility, priority);
  const asked = { interventions: req.interventions, customer: req.customer };
  const job = jobOfRequest(rt, { ...asked, mobility: resolved.mobility });
  // A priority vehicle's other kind, where the first is not free (priority.ts), as for a booking.
  const altJob = resolved.alt ? jobOfRequest(rt, { ...asked, mobility: resolved.alt }) : undefined;
  const jobOf = (m: Mobility): Job => (m === job.mobility || !altJob ? job : altJob);
  const option = decodeOptionId(rt.dealer, req.optionId);
  if (!option) throw invalid("optionId", "not an option of this dealer; search availability again");
  const now = epochMinute(ctx.nowMs);
  const { holdMinutes, holdLimits } = rt.dealer.config;
  const holdId = `h_${randomToken()}`;
  const rowId = sha256Hex(holdId);
  const expiresAt = ctx.nowMs + holdMinutes * 60_000;
  let booking: Booking | null = null;
  const view = immediate(ctx.sqlite, (): HoldView => {
    // Expired rows stopped counting already; this is only housekeeping.
    purgeExpiredHolds(ctx.db, dealerId, ctx.nowMs);
    const all = countLiveHolds(ctx.db, dealerId, ctx.nowMs);
    if (all.n >= holdLimits.perDealer)
      throw tooMany(
        `this dealer already has ${holdLimits.perDealer} slots held; try again in a few minutes`,
        all.soonest,
        ctx.nowMs,
        holdLimits.perDealer,
      );
    if (!caller.staff) {
      const mine = countLiveHolds(ctx.db, dealerId, ctx.nowMs, caller.clientHash);
      if (mine.n >= holdLimits.perClient)
        throw tooMany(
          `you already hold ${holdLimits.perClient} slots at this dealer; book or release one first`,
          mine.soonest,
          ctx.nowMs,
          holdLimits.perClient,
        );
    }
    const { reception } = option;
    const express = isExpress(rt.index, reception.start, now, priority);
    // Exactly the kind the option showed; without one, the asked kind before the other (book.ts).
    const at = { start: reception.start, now, express, priority, ret: option.ret };
    const placed = firstStay(rt, at, mobilityChoices(resolved, option.pinned).map(jobOf), [reception.advisor]);
    if (Array.isArray(placed))
      throw slotUnavailable(rt, job, reception.start, now, ctx.nowMs, priority, placed, altJob);
    const { stay, forced } = placed;
    const { mobility, receptionMinutes } = placed.job;
    const quiet = quietAt(rt.index, reception.start, receptionMinutes);
    const slot = { advisor: reception.advisor, start: reception.start, minutes: receptionMinutes };
    insertHold(ctx.db, {
      id: rowId,
      dealerId,
      clientHash: caller.clientHash,
      advisorId: rt.dealer.advisors[slot.advisor].id,
      receptionStart: slot.start,
      receptionMinutes: slot.minutes,
      returnAdvisorId: stay.ret ? rt.dealer.advisors[stay.ret.advisor].id : null,
      returnStart: stay.ret?.start ?? null,
      returnMinutes: stay.ret?.minutes ?? null,
      readyAt: stay.plan.readyAt,
      labourJson: labourToJson(rt.dealer, stay.plan.labour),
      express,
      mobility,
      requestJson: JSON.stringify({
        vehicle: req.vehicle,
        interventions: req.interventions,
        known: req.customer.known,
        mobility,
      }),
      createdAt: ctx.nowMs,
      expiresAt,
    });
    booking = {
      id: holdKey(rowId),
      reception: slot,
      ret: stay.ret,
      labour: stay.plan.labour,
      readyAt: stay.plan.readyAt,
      express,
      mobility,
      hold: true,
    };
    const held = {
      reception: slot,
      ret: stay.ret,
      readyAt: stay.plan.readyAt,
      labour: stay.plan.labour,
      quiet,
      express,
      overridesCaps: forced || undefined,
      mobility,
      // A choice of kinds: the held option's id names the one held, as the search's did.
      mobilityPinned: altJob !== undefined || undefined,
    };
    return { holdId, expiresAt: stampIn(rt.dealer, expiresAt), option: optionView(rt.dealer, held) };
  });
  // After the commit, as for a booking: a failed write never leaves phantom capacity.
  if (booking) {
    rt.index.add(booking);
    rt.holds.track(holdKey(rowId), expiresAt);
  }
  return view;
}
