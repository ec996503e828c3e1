import { labourToJson } from "./labour-json.js";
import { readInstantAt } from "./instants.js";
import type { AdvisorSlot, Booking, Mobility } from "../core/types.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import type { Dealer } from "../core/dealer.js";
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
import { isUpcoming } from "../core/status.js";
import { epochMinute } from "../core/civil.js";
import { findAtVersion, updateAudited } from "./versioned-update.js";
import { isRefusal, type MoveSubject, moveAlternatives, placeMove } from "./move-placement.js";

// moveAppointment: an advisor moves or reassigns a reception and/or its return (the check
// itself is move-placement.ts, shared with the alternatives a refusal offers).
// Every rule is re-checked against the index *without* the appointment itself; force
// (with a reason) lets the advisor go past the buffer caps and nothing else.
// A move whose placement is the one stored (same reception and return, after the same
// defaulting) is no move: 200 with the appointment as it is, nothing written, no version,
// audit row, message or timer (an empty PATCH bumped the version, made every colleague's
// If-Match stale and told the customer "appointment moved" to the time they had). Its
// If-Match and its rules are checked all the same; `force`/`reason` alone change nothing.

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
            ? readInstantAt(dealer, req.reception.start, "reception.start")
            : row.receptionStart;
        // The explicit return read before any check: a malformed one is a 400 whatever else.
        const r = req.return;
        const subject: MoveSubject = {
          rt,
          row,
          current: current ?? null,
          job,
          priority: rowPriority(dealer, row),
          now,
          force: req.force === true,
          explicitReturn: r
            ? {
                start: r.start !== undefined ? readInstantAt(dealer, r.start, "return.start") : undefined,
                advisor: advisorIndexOf(rt, r.advisorId, "return.advisorId"),
                minutes: r.minutes,
              }
            : null,
          freshReturn: input.freshReturn === true,
        };
        removed = index.remove(id);
        const p = placeMove(subject, rAdvisor, rStart);
        if (isRefusal(p)) {
          throw new DomainError("rule_violation", p.violations[0]?.message ?? "the move breaks the scheduling rules", {
            violations: p.violations,
            // A time refused at the stay comes with the nearest ones the same request takes.
            ...(p.refused === "stay"
              ? { alternatives: moveAlternatives(subject, rStart).map((o) => optionView(dealer, o)) }
              : {}),
          });
        }
        const { reception, ret, plan, express, forced } = p;
        // Trap: the plan is not compared. It was re-planned with the appointment off the
        // index and may differ from the stored one (the workshop changed since); a move that
        // keeps every slot keeps the plan too, and the index takes back `removed` below.
        if (isStored(dealer, row, reception, ret)) return { status: 200, body: appointmentView(dealer, row) };
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
            overridden: forced ? p.overridden.map((v) => v.code) : undefined,
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
    else if (removed && !index.bookings.has(id)) index.add(removed); // no move: as it was
    return outcome;
  } catch (e) {
    // Nothing was committed: put the old placement back exactly as it was.
    if (removed && !index.bookings.has(id)) index.add(removed);
    throw e;
  }
}

/** Whether the placement is the stored one: reception and return, each advisor, start and minutes. */
function isStored(dealer: Dealer, row: AppointmentRow, reception: AdvisorSlot, ret: AdvisorSlot | null): boolean {
  const { advisors } = dealer;
  return (
    row.advisorId === advisors[reception.advisor].id &&
    row.receptionStart === reception.start &&
    row.receptionMinutes === reception.minutes &&
    (ret === null
      ? row.returnStart === null
      : row.returnAdvisorId === advisors[ret.advisor].id &&
        row.returnStart === ret.start &&
        row.returnMinutes === ret.minutes)
  );
}

const moveScope = (input: MoveInput): IdempotencyScope => ({
  dealerId: input.dealerId,
  scope: "PATCH /v1/dealers/{dealerId}/appointments/{id}",
  request: { id: input.id, version: input.ifMatch, body: input.body },
});
