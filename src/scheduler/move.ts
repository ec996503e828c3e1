import { labourToJson } from "./labour-json.js";
import { readInstant } from "../core/dealer.js";
import { nearestOptions } from "../core/reshuffle/alternatives.js";
import { mobilityViolation } from "../core/mobility.js";
import { describeViolation } from "../core/rule-messages.js";
import { checkReturn } from "../core/rules.js";
import type { StayRequest } from "../core/stay.js";
import { checkStayOverCaps, isExpress } from "../core/cap-override.js";
import type { AdvisorSlot, Booking, Mobility } from "../core/types.js";
import { immediate } from "../db/tx.js";
import { idempotent, isoNow, type Outcome, type WriteContext, type IdempotencyScope } from "./context.js";
import type { AppointmentView, MoveRequest } from "./contracts.js";
import { DomainError, notFound } from "./errors.js";
import { appointmentView, optionView } from "./present.js";
import { onMoved } from "./journey/hooks.js";
import { rowToBooking } from "./runtime.js";
import { rowPriority } from "./priority.js";
import { advisorIndexOf } from "./search.js";
import { jobOfRow } from "./job.js";
import { CAP_CODES } from "../core/caps.js";
import { isUpcoming } from "../core/status.js";
import { epochMinute } from "../core/civil.js";
import { findAtVersion, updateAudited } from "./versioned-update.js";

// moveAppointment: an advisor moves or reassigns a reception and/or its return.
// Every rule is re-checked against the index *without* the appointment itself; force
// (with a reason) lets the advisor go past the buffer caps and nothing else.

function instant(tz: string, s: string, path: string): number {
  try {
    return readInstant(tz, s);
  } catch (e) {
    throw new DomainError("validation_failed", `${path}: ${(e as Error).message}`, {
      errors: [{ path, message: (e as Error).message, in: "body" }],
    });
  }
}

export interface MoveInput {
  dealerId: string;
  id: string;
  /** The version the caller saw (If-Match, required). */
  ifMatch: number;
  body: MoveRequest;
  /**
   * The customer's reschedule: the return is the first free one at or after the new ready
   * time (what the option they chose showed), never the one the appointment had.
   */
  freshReturn?: boolean;
}

/** `on`: what an Idempotency-Key binds to; the customer's reschedule (manage.ts) names its own. */
export function moveAppointment(
  ctx: WriteContext,
  input: MoveInput,
  on: IdempotencyScope = moveScope(input),
): Outcome<AppointmentView> {
  const { dealerId, id, ifMatch, body: req } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const { dealer, index } = rt;
  const now = epochMinute(ctx.nowMs);
  let removed: Booking | undefined;
  let placed: Booking | null = null;
  try {
    const outcome = immediate(ctx.sqlite, () =>
      idempotent(ctx, on, () => {
        const row = findAtVersion(ctx.db, dealerId, id, ifMatch);
        if (!isUpcoming(row.status))
          throw new DomainError("invalid_transition", `a ${row.status} appointment cannot be moved`);
        const job = jobOfRow(rt, row);
        const current = index.bookings.get(id) ?? rowToBooking(dealer, row);
        const rAdvisor =
          advisorIndexOf(rt, req.reception?.advisorId, "reception.advisorId") ?? current?.reception.advisor ?? 0;
        const rStart =
          req.reception?.start !== undefined
            ? instant(dealer.tz, req.reception.start, "reception.start")
            : row.receptionStart;
        removed = index.remove(id);
        // Express is a promise for the express window (today or the next working day), not
        // a property of the car: moved past the window, the appointment is an ordinary one,
        // checked against the express reserve and the slack like any other (else a token
        // holder could take express capacity weeks out).
        const express = isExpress(index, rStart, now, row.express);
        const base: StayRequest = {
          advisor: rAdvisor,
          start: rStart,
          minutes: job.receptionMinutes,
          job,
          now,
          express,
          priority: rowPriority(dealer, row),
        };
        // The return: kept while it still fits when the reception stays on its day (an
        // advisor's nudge keeps the collection agreed); a reception moved to another day
        // (Monday to Saturday: the car is not collected at Monday's old time) and the
        // customer's own reschedule (the return the chosen option showed) get the first
        // free return at or after the new ready time, as a re-plan moves it.
        const sameDay = dealer.dayOf(rStart) === dealer.dayOf(row.receptionStart);
        const retHint = req.return || input.freshReturn || !sameDay ? null : (current?.ret ?? null);
        const chk = checkStayOverCaps(index, base, retHint, req.force === true);
        const { stay, forced } = chk;
        if (!stay) {
          const blocking = chk.violations.filter((v) => !(req.force && CAP_CODES.has(v.code)));
          // The nearest valid slots around the one asked for (the appointment is off the
          // index here), ranked as the search ranks its options: quiet first, then earliest.
          const alternatives = current
            ? nearestOptions(index, current, { job, priority: base.priority === true }, rStart, 2, now)
                .sort((a, b) => Number(b.quiet) - Number(a.quiet) || a.reception.start - b.reception.start)
                .map((o) => optionView(dealer, o))
            : [];
          throw new DomainError("rule_violation", blocking[0]?.message ?? "the move breaks the scheduling rules", {
            violations: blocking.length ? blocking : chk.violations,
            alternatives,
          });
        }
        const plan = stay.plan;
        const reception: AdvisorSlot = { advisor: rAdvisor, start: rStart, minutes: job.receptionMinutes };
        let ret: AdvisorSlot | null = stay.ret;
        if (req.return) {
          const r = req.return;
          ret = {
            advisor: advisorIndexOf(rt, r.advisorId, "return.advisorId") ?? current?.ret?.advisor ?? rAdvisor,
            start:
              r.start !== undefined
                ? instant(dealer.tz, r.start, "return.start")
                : (current?.ret?.start ?? plan.readyAt),
            minutes: r.minutes ?? current?.ret?.minutes ?? job.returnMinutes,
          };
          const rv = checkReturn(index, ret, plan.readyAt);
          const mv = mobilityViolation(
            index,
            job.mobility,
            { reception, ret, readyAt: plan.readyAt },
            base.priority === true,
          );
          if (mv) rv.push({ code: mv, message: describeViolation(dealer, mv, reception, null) });
          if (rv.length) throw new DomainError("rule_violation", rv[0].message, { violations: rv });
        }
        const patch = {
          version: row.version + 1,
          advisorId: dealer.advisors[rAdvisor].id,
          receptionStart: rStart,
          receptionMinutes: reception.minutes,
          returnAdvisorId: ret ? dealer.advisors[ret.advisor].id : null,
          returnStart: ret?.start ?? null,
          returnMinutes: ret?.minutes ?? null,
          readyAt: plan.readyAt,
          labourJson: labourToJson(dealer, plan.labour),
          express,
          // The current placement's flag; the audit log keeps every earlier override.
          forced,
          updatedAt: isoNow(ctx),
        };
        const next = updateAudited(ctx, row, patch, {
          action: forced ? "move_forced" : "move",
          before: {
            version: row.version,
            advisor: row.advisorId,
            reception: row.receptionStart,
            return: row.returnStart,
            returnAdvisor: row.returnAdvisorId,
          },
          after: {
            version: patch.version,
            advisor: patch.advisorId,
            reception: patch.receptionStart,
            return: patch.returnStart,
            returnAdvisor: patch.returnAdvisorId,
            overridden: forced ? chk.overridden.map((v) => v.code) : undefined,
          },
          reason: req.reason ?? null,
        });
        onMoved(ctx, rt, next, row); // the journey's timers follow the appointment
        placed = {
          id,
          reception,
          ret,
          labour: plan.labour,
          readyAt: plan.readyAt,
          express,
          mobility: row.mobility as Mobility,
        };
        return { status: 200, body: appointmentView(dealer, next) };
      }),
    );
    if (placed) index.add(placed);
    return outcome;
  } catch (e) {
    // Nothing was committed: put the old placement back exactly as it was.
    if (removed && !index.bookings.has(id)) index.add(removed);
    throw e;
  }
}

const moveScope = (input: MoveInput): IdempotencyScope => ({
  dealerId: input.dealerId,
  scope: "PATCH /v1/dealers/{dealerId}/appointments/{id}",
  request: { id: input.id, version: input.ifMatch, body: input.body },
});
