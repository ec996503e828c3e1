import type { Locale } from "../../core/dealer-config.js";
import { dateInWords, dayInWords, instantInWords, timeInWords, whenInWords } from "../../core/date-words.js";
import type { TemplateVars } from "./template-vars.js";

// The times a message prints, for who reads it. Everything here is already on the dealer's
// wall clock: the instants come from Dealer.format (the zone's rules, Temporal, applied
// when the dealer was compiled), so a 09:00 the Monday after the clocks go back reads
// "9:00", and 08:30 in Tokyo (23:30 UTC the day before) reads as Tokyo's day. The words
// themselves are core/date-words.ts (our own tables, not Intl: see there why).

export type Audience = "customer" | "staff";

/** Staff's compact form: "2026-11-25 09:00", read off an instant's own wall clock. */
export const compact = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)}`;

/**
 * The appointment's day, time and ready time (the reception's local date and "HH:MM", and
 * the ready instant): "mercoledì 25 novembre", "9:00", "mercoledì 25 novembre alle 9:00"
 * for a customer; "2026-11-25", "09:00", "2026-11-25 09:00" for staff.
 */
export function timeVars(
  audience: Audience,
  locale: Locale,
  at: { date: string; time: string; readyAt: string },
): Pick<TemplateVars, "date" | "time" | "when" | "readyTime"> {
  if (audience === "staff")
    return { date: at.date, time: at.time, when: `${at.date} ${at.time}`, readyTime: compact(at.readyAt) };
  return {
    date: dayInWords(locale, at.date),
    time: timeInWords(at.time),
    when: whenInWords(locale, at.date, at.time),
    readyTime: instantInWords(locale, at.readyAt),
  };
}

const WITH: Record<Locale, string> = { en: "with", it: "con" };

/** Proposed options for a customer: "venerdì 27 novembre alle 10:00 con Anna Rossi". */
export const optionWords = (locale: Locale, options: Array<{ start: string; advisorName: string }>): string[] =>
  options.map((o) => `${instantInWords(locale, o.start)} ${WITH[locale]} ${o.advisorName}`);

/** A service's due date for a customer ("15 gennaio 2027"): further off than an appointment, so with its year. */
export const dueDateWords = (locale: Locale, date: string | null | undefined): string =>
  date ? dateInWords(locale, date) : "";
