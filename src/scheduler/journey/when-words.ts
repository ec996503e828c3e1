import { epochMinute, isoFromDayNumber } from "../../core/civil.js";
import type { Locale } from "../../core/dealer-config/locale.js";
import type { Dealer } from "../../core/dealer.js";
import { type LocalTime, shortDay, shortInstant, shortSpan, shortWhen } from "../../core/date-short.js";
import { dateInWords, dayInWords, instantInWords, timeInWords, whenInWords } from "../../core/date-words.js";
import type { TemplateVars } from "./template-vars.js";

// The times a message prints, for who reads it. Everything here is already on the dealer's
// wall clock: the instants come from Dealer.format (the zone's rules, Temporal, applied
// when the dealer was compiled), so a 09:00 the Monday after the clocks go back reads
// "9:00", and 08:30 in Tokyo (23:30 UTC the day before) reads as Tokyo's day. The words
// themselves are core/date-words.ts (a customer's) and core/date-short.ts (staff's), our
// own tables, not Intl (see there why). `today` is the dealer's local date when the
// message is written (todayOf): a day far from it carries its year.

export type Audience = "customer" | "staff";

/** The dealer's local date ("YYYY-MM-DD") at `nowMs`: the message's own day. */
export const todayOf = (dealer: Dealer, nowMs: number): string => isoFromDayNumber(dealer.dayOf(epochMinute(nowMs)));

/** "2026-11-25 16:30", read off an instant's own wall clock: the old `readyTime` (template-vars.ts). */
const compact = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)}`;

/**
 * The appointment's day, time and ready time (the reception's local date and "HH:MM", and
 * the ready instant): "mercoledì 25 novembre", "9:00", "mercoledì 25 novembre alle 9:00"
 * for a customer; "mer 25/11", "9:00", "mer 25/11 alle 9:00" for staff. A customer's also
 * carry the return's start (`returnAt`, when there is one) as `returnWhen`.
 */
export function timeVars(
  audience: Audience,
  locale: Locale,
  at: { date: string; time: string; readyAt: string; returnAt?: string },
  today: string,
): Pick<TemplateVars, "date" | "time" | "when" | "readyWhen" | "readyTime" | "returnWhen"> {
  if (audience === "staff")
    return {
      date: shortDay(locale, at.date, today),
      time: timeInWords(at.time),
      when: shortWhen(locale, at.date, at.time, today),
      readyWhen: shortInstant(locale, at.readyAt, today),
      readyTime: compact(at.readyAt),
    };
  return {
    date: dayInWords(locale, at.date, today),
    time: timeInWords(at.time),
    when: whenInWords(locale, at.date, at.time, today),
    readyWhen: instantInWords(locale, at.readyAt, today),
    readyTime: compact(at.readyAt),
    // The return: a customer's message only (ready_time_changed); no staff template names it.
    ...(at.returnAt === undefined ? {} : { returnWhen: instantInWords(locale, at.returnAt, today) }),
  };
}

const WITH: Record<Locale, string> = { en: "with", it: "con" };
type Proposed = Array<{ start: string; advisorName: string }>;

/** Proposed options for a customer: "venerdì 27 novembre alle 10:00 con Anna Rossi". */
export const optionWords = (locale: Locale, options: Proposed, today: string): string[] =>
  options.map((o) => `${instantInWords(locale, o.start, today)} ${WITH[locale]} ${o.advisorName}`);

/** Proposed options for staff (no-show, next visit): "ven 27/11 alle 10:00 (Anna Rossi)". */
export const staffOptionWords = (locale: Locale, options: Proposed, today: string): string[] =>
  options.map((o) => `${shortInstant(locale, o.start, today)} (${o.advisorName})`);

/** A customer's move for staff: "dalle 10:00 alle 11:30 di mer 25/11", "da lun 23/11 alle 10:00 a mer 25/11 alle 11:00". */
export const staffMoveWords = (locale: Locale, from: LocalTime, to: LocalTime, today: string): string =>
  shortSpan(locale, from, to, today);

/** A service's due date for a customer ("15 gennaio 2027"): further off than an appointment, so with its year. */
export const dueDateWords = (locale: Locale, date: string | null | undefined): string =>
  date ? dateInWords(locale, date) : "";
