import { manageTokenKey } from "./tokens.js";
import type { Db } from "../db/sqlite-handle.js";
import { actingAs, type Ctx } from "./context.js";
import { type AppointmentRow, findByManageToken } from "../db/repos/appointments.js";
import type { Outcome } from "./context.js";
import type { AppointmentView, RescheduleRequest } from "./contracts.js";
import type { CalendarResponse, DayResponse, OwnCalendarRequest, OwnDayRequest } from "./calendar-contracts.js";
import { calendarDayView, lastDateOf } from "./availability-days.js";
import { dayNumberFromIso, epochMinute } from "../core/civil.js";
import { calendarDays, dayOptions, type DayQuery } from "../core/day-options.js";
import { decodeOptionId } from "../core/option-id.js";
import { isUpcoming } from "../core/status.js";
import { DomainError, invalid, notFound } from "./errors.js";
import { jobOfRow } from "./job.js";
import { appointmentCalendar } from "./journey/calendar.js";
import { recipientOf } from "./journey/recipients.js";
import { moveAppointment } from "./move.js";
import { transition } from "./lifecycle.js";
import { appointmentView, optionView } from "./present.js";
import { rowPriority } from "./priority.js";
import type { DealerRuntime, Runtimes } from "./runtime.js";

// The customer's own appointment, reached with the manage token from the booking
// response (126 random bits after the id it names, or 256 in older ones; stored only as
// a hash, scheduler/tokens.ts). Any wrong token is a plain 404:
// nothing tells a guesser whether an appointment exists.

function byToken(db: Db, token: string) {
  const row = findByManageToken(db, manageTokenKey(token));
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
    const advisorId = rt.dealer.advisors[o.reception.advisor].id;
    // The option's advisor and one named beside it must agree, as on a booking
    // (book-request.ts): a contradicting advisor was dropped in silence. (A start beside
    // an optionId is refused by the schema already.)
    if (req.advisorId !== undefined && req.advisorId !== advisorId)
      throw invalid("advisorId", "does not match the chosen optionId");
    reception = { start: rt.dealer.format(o.reception.start), advisorId };
  }
  const on = { dealerId: row.dealerId, scope: "POST /v1/manage/{token}/reschedule", request: { token, body: req } };
  return moveAppointment(
    actingAs(ctx, "customer"),
    {
      dealerId: row.dealerId,
      id: row.id,
      ifMatch: row.version,
      body: { reception, force: false, reason: req.reason },
      freshReturn: true,
    },
    on,
  );
}

// ---- the times the customer's page offers for a move -------------------------------------

/**
 * What the token's appointment may move to, asked as its reschedule checks it: its own
 * job as booked (interventions, a new customer's longer reception, its mobility), its
 * own priority and express flag as stored — never what the caller says, so the token
 * buys no more than the appointment has — and the index without the appointment itself
 * (CapacityIndex.without, as moveAppointment checks a move), so its own minutes, car and
 * labour are not in its way. That call puts the appointment back exactly as it was,
 * versions included, so the dealer's caches survive the question; it is synchronous, so
 * no other request sees the gap.
 */
function moveQuery(ctx: Ctx, token: string): { row: AppointmentRow; rt: DealerRuntime; q: DayQuery } {
  const { row, rt } = runtimeByToken(ctx.db, ctx.runtimes, token);
  if (!isUpcoming(row.status))
    throw new DomainError("invalid_transition", `a ${row.status} appointment cannot be moved`);
  const q: DayQuery = {
    job: jobOfRow(rt, row),
    now: epochMinute(ctx.nowMs),
    // The same face when that advisor can take the time.
    preferredAdvisor: rt.dealer.advisorIndex.get(row.advisorId),
    priority: rowPriority(rt.dealer, row),
    move: { express: row.express },
  };
  return { row, rt, q };
}

/** The day's starts for the move, without its current start (no new time to the customer). */
function ownOptions(rt: DealerRuntime, row: AppointmentRow, q: DayQuery, day: number) {
  return dayOptions(rt.index, q, day).filter((o) => o.reception.start !== row.receptionStart);
}

/** The customer's page's month for a move: per date whether the appointment can move there. */
export function ownCalendarByToken(ctx: Ctx, input: TokenInput & { body: OwnCalendarRequest }): CalendarResponse {
  const { token, body } = input;
  const { row, rt, q } = moveQuery(ctx, token);
  const dealer = rt.dealer;
  const fromDay = body.from ? dayNumberFromIso(body.from) : dealer.dayOf(q.now);
  const ownDay = dealer.dayOf(row.receptionStart);
  const days = rt.index.without(row.id, () =>
    calendarDays(rt.index, q, fromDay, body.days).map((d) => {
      if (d.day !== ownDay || !d.bookable) return d;
      // Its own day as its list shows it: the current start is no new time.
      const list = ownOptions(rt, row, q, d.day);
      return {
        ...d,
        bookable: list.length > 0,
        quiet: list.some((o) => o.quiet),
        first: list.length ? list[0].reception.start : null,
      };
    }),
  );
  return {
    dealerId: row.dealerId,
    timeZone: dealer.tz,
    days: days.map((d) => calendarDayView(rt, d)),
    lastDate: lastDateOf(rt, q.now),
  };
}

/** Every start of one date the appointment can move to, one option each, in time order. */
export function ownDayByToken(ctx: Ctx, input: TokenInput & { body: OwnDayRequest }): DayResponse {
  const { token, body } = input;
  const { row, rt, q } = moveQuery(ctx, token);
  const options = rt.index.without(row.id, () => ownOptions(rt, row, q, dayNumberFromIso(body.date)));
  return {
    dealerId: row.dealerId,
    timeZone: rt.dealer.tz,
    date: body.date,
    options: options.map((o) => optionView(rt.dealer, o)),
  };
}
