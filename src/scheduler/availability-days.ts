import { dayNumberFromIso, isoFromDayNumber, epochMinute } from "../core/civil.js";
import { type CalendarDay, calendarDays, dayOptions, type DayQuery, lastBookableDay } from "../core/day-options.js";
import type { CalendarRequest, CalendarResponse, DayRequest, DayResponse } from "./calendar-contracts.js";
import { notFound } from "./errors.js";
import { formatInstant } from "./instants.js";
import { optionView } from "./present.js";
import { givenNote, type ResolvedMobility, resolveMobility } from "./priority.js";
import type { DealerRuntime, Runtimes } from "./runtime.js";
import { jobOfRequest } from "./job.js";
import { advisorIndexOf, type Asker } from "./search.js";
import { priorityFor } from "./trust.js";
import type { Ctx } from "./context.js";

// The widget's calendar and day list: the search's job, priority and mobility rules
// (scheduler/search.ts), answered by core/day-options.ts from the in-memory index.

type Body = Omit<CalendarRequest, "from" | "days">;

function dayQuery(
  rt: DealerRuntime,
  req: Body,
  nowMs: number,
  asker: Asker,
): { q: DayQuery; note?: string; resolved: ResolvedMobility } {
  // The search's belief rules (trust.ts), so the calendar never shows what a booking refuses.
  const { priority } = priorityFor(asker.sqlite, rt, asker.caller, req.vehicle);
  const resolved = resolveMobility(rt.dealer, req.mobility, priority);
  const { mobility, note } = resolved;
  const job = jobOfRequest(rt, { interventions: req.interventions, customer: req.customer, mobility });
  const q: DayQuery = {
    job,
    now: epochMinute(nowMs),
    preferredAdvisor: advisorIndexOf(rt, req.preferredAdvisorId, "preferredAdvisorId"),
    dayPart: req.dayPart,
    priority,
  };
  // A priority vehicle's other kind, where the first is not free (priority.ts), as the search does.
  if (resolved.alt)
    q.alt = jobOfRequest(rt, { interventions: req.interventions, customer: req.customer, mobility: resolved.alt });
  return { q, note, resolved };
}

function runtimeOf(runtimes: Runtimes, dealerId: string): DealerRuntime {
  const rt = runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  return rt;
}

/** One date of a calendar answer: the core's day number and first start (epoch minute) in the dealer's words. */
export function calendarDayView(rt: DealerRuntime, d: CalendarDay): CalendarResponse["days"][number] {
  return {
    date: isoFromDayNumber(d.day),
    bookable: d.bookable,
    quiet: d.quiet,
    first: d.first === null ? null : formatInstant(rt.dealer, d.first).slice(11, 16),
    // Not day(n): any date a caller names would be built and kept in the day cache.
    closed: !rt.dealer.isOpen(d.day),
  };
}

/** The calendar answer's lastDate: the dealer's horizon seen from `now` (epoch minute). */
export function lastDateOf(rt: DealerRuntime, now: number): string {
  return isoFromDayNumber(lastBookableDay(rt.dealer, now));
}

export function availabilityCalendar(ctx: Ctx, input: { dealerId: string; body: CalendarRequest }): CalendarResponse {
  const { dealerId, body: req } = input;
  const rt = runtimeOf(ctx.runtimes, dealerId);
  const { q, note } = dayQuery(rt, req, ctx.nowMs, ctx);
  const fromDay = req.from ? dayNumberFromIso(req.from) : rt.dealer.dayOf(q.now);
  const days = calendarDays(rt.index, q, fromDay, req.days).map((d) => calendarDayView(rt, d));
  const res: CalendarResponse = { dealerId, timeZone: rt.dealer.tz, days, lastDate: lastDateOf(rt, q.now) };
  if (note) res.mobilityNote = note;
  return res;
}

export function availabilityDay(ctx: Ctx, input: { dealerId: string; body: DayRequest }): DayResponse {
  const { dealerId, body: req } = input;
  const rt = runtimeOf(ctx.runtimes, dealerId);
  const { q, resolved } = dayQuery(rt, req, ctx.nowMs, ctx);
  const found = dayOptions(rt.index, q, dayNumberFromIso(req.date));
  const note = givenNote(
    req.mobility,
    resolved,
    found.map((o) => o.mobility),
  );
  const options = found.map((o) => optionView(rt.dealer, o));
  const res: DayResponse = { dealerId, timeZone: rt.dealer.tz, date: req.date, options };
  if (note) res.mobilityNote = note;
  return res;
}
