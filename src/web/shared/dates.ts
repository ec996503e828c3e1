import type { Lang } from "./i18n.js";

// Dates and times as the pages show them: always the DEALER's wall clock. The API sends
// instants with the dealer's offset ("2026-11-24T10:15:00+01:00") and local dates, so the
// local date and time are read off the string itself: the browser's own zone never moves
// them. Calendar arithmetic works on "YYYY-MM-DD" through UTC dates (no DST inside).

const INTL: Record<Lang, string> = { it: "it-IT", en: "en-GB" };

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const dateOf = (instant: string) => instant.slice(0, 10);
export const timeOf = (instant: string) => instant.slice(11, 16);

export function addDays(date: string, n: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** Same day of the month, n months on (clamped to the month's last day). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return iso(first);
}

export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
export const monthEnd = (date: string) => addDays(addMonths(monthStart(date), 1), -1);
/** 0 = Monday … 6 = Sunday. */
export const weekday = (date: string) => (utc(date).getUTCDay() + 6) % 7;

/** The weeks (Monday first) covering date's month; null pads the other months' days. */
export function monthGrid(date: string): (string | null)[][] {
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array(weekday(monthStart(date))).fill(null);
  for (let d = monthStart(date); d <= monthEnd(date); d = addDays(d, 1)) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array(7 - week.length).fill(null)]);
  return weeks;
}

const fmt = (lang: Lang, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(INTL[lang], { timeZone: "UTC", ...o });

/** "Tuesday 24 November 2026" / "martedì 24 novembre 2026". */
export const longDate = (date: string, lang: Lang) =>
  fmt(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(utc(date));
/** "Tuesday 8 December" / "martedì 8 dicembre": a day near enough that its year goes without saying. */
export const weekdayDate = (date: string, lang: Lang) =>
  fmt(lang, { weekday: "long", day: "numeric", month: "long" }).format(utc(date));
export const shortDate = (date: string, lang: Lang) =>
  fmt(lang, { weekday: "short", day: "numeric", month: "short" }).format(utc(date));
export const monthTitle = (date: string, lang: Lang) => fmt(lang, { month: "long", year: "numeric" }).format(utc(date));
export const weekdayNames = (lang: Lang, style: "short" | "long") =>
  [0, 1, 2, 3, 4, 5, 6].map((i) => fmt(lang, { weekday: style }).format(utc(addDays("2026-11-23", i))));

/** "Tuesday 24 November 2026, 10:15" in the dealer's wall clock. */
export const dateTime = (instant: string, lang: Lang) => `${longDate(dateOf(instant), lang)}, ${timeOf(instant)}`;

/**
 * When the browser's zone is not the dealer's: the dealer's zone by name ("Central
 * European Standard Time"), so a customer abroad knows whose clock the times are on.
 * null when they agree (nothing to say).
 */
export function zoneNote(timeZone: string, lang: Lang, at = new Date()): string | null {
  let browser: string | undefined;
  try {
    browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {}
  if (browser === timeZone) return null;
  let name = timeZone;
  try {
    const part = new Intl.DateTimeFormat(INTL[lang], { timeZone, timeZoneName: "long" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName");
    if (part) name = `${part.value} (${timeZone})`;
  } catch {}
  return name;
}

/** An instant in UTC or any offset ("…Z") as the dealer's wall-clock "HH:MM". */
export function clockIn(instant: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
      new Date(instant),
    );
  } catch {
    return timeOf(instant);
  }
}

/** The calendar date ("YYYY-MM-DD") at `at` in a zone; the browser's own zone when none is given. */
export function todayIn(timeZone?: string, at = new Date()): string {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const part = (type: string) => f.formatToParts(at).find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Morning until 13:00 local, afternoon after (the desk's usual split). */
export const isMorning = (instant: string) => timeOf(instant) < "13:00";
