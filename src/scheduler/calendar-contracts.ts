import { z } from "@hono/zod-openapi";
import { LocalDate } from "../core/primitives.js";
import { AvailabilityRequest, OptionView } from "./contracts.js";

// The widget's calendar and day list (issue 14): the search body without `count`, with a
// range of days (calendar) or one date (day list). Same job fields, same meaning.

const SearchBody = AvailabilityRequest.omit({ count: true, days: true, from: true });

/** A calendar date a customer could mean: four-digit years only (no year 1, no year 10000 in the answer). */
const CalendarDate = LocalDate.refine((d) => d >= "2000-01-01" && d <= "9998-12-31", {
  message: "expected a date between 2000 and 9998",
});

export const CalendarRequest = SearchBody.extend({
  /** First local date of the calendar in the dealer's zone; defaults to today there. Past days come back not bookable. */
  from: CalendarDate.optional(),
  days: z.number().int().min(1).max(62).default(31),
})
  .strict()
  .openapi("CalendarRequest");
export type CalendarRequest = z.infer<typeof CalendarRequest>;

export const CalendarDayView = z
  .object({
    date: z.string(),
    /** At least one option exists on this date. */
    bookable: z.boolean(),
    /** At least one quiet option exists on this date. */
    quiet: z.boolean(),
    /** The first start, local "HH:MM", or null. */
    first: z.string().nullable(),
    /** The workshop does not open on this date (its weekly hours, or a closure such as a holiday). */
    closed: z.boolean(),
  })
  .openapi("CalendarDay");
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarResponse = z
  .object({
    dealerId: z.string(),
    timeZone: z.string(),
    days: z.array(CalendarDayView),
    /** The last date bookings open on today (the dealer's horizon): no later date is ever bookable. */
    lastDate: z.string(),
    /** Set when the engine changed the requested mobility (priority vehicles), with the reason. */
    mobilityNote: z.string().optional(),
  })
  .openapi("CalendarResponse");
export type CalendarResponse = z.infer<typeof CalendarResponse>;

export const DayRequest = SearchBody.extend({
  /** Local date in the dealer's zone. */
  date: CalendarDate,
})
  .strict()
  .openapi("DayRequest");
export type DayRequest = z.infer<typeof DayRequest>;

export const DayResponse = z
  .object({
    dealerId: z.string(),
    timeZone: z.string(),
    date: z.string(),
    /** Every bookable start of the day, one option each (the best advisor for it), in time order. */
    options: z.array(OptionView),
    mobilityNote: z.string().optional(),
  })
  .openapi("DayResponse");
export type DayResponse = z.infer<typeof DayResponse>;

// The customer's page asks the same two questions for moving the appointment of its manage
// token: the job, mobility and priority are the appointment's own (scheduler/manage.ts),
// so the body names only the dates.

export const OwnCalendarRequest = CalendarRequest.pick({ from: true, days: true })
  .strict()
  .openapi("OwnCalendarRequest");
export type OwnCalendarRequest = z.infer<typeof OwnCalendarRequest>;

export const OwnDayRequest = DayRequest.pick({ date: true }).strict().openapi("OwnDayRequest");
export type OwnDayRequest = z.infer<typeof OwnDayRequest>;
