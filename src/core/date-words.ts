import { dayNumberFromIso, weekdayOf } from "./civil.js";

// Dates and times in words, as a car owner reads them in a message: "mercoledì 25 novembre
// alle 9:00", "Wednesday 25 November at 9:00". Pure: they take the dealer's LOCAL wall
// clock ("2026-11-25", "09:00", or an instant with the dealer's offset, as Dealer.format
// writes it), so the zone was decided where it is known (the shell) and nothing here can
// move a time across midnight or a DST change.
//
// Trap: not Intl.DateTimeFormat. Its words come from the ICU/CLDR data bundled with the
// runtime, and Node and workerd (the Worker) do not bundle the same: en-GB has had a comma
// after the weekday in some CLDR versions and not in others, it-IT says "alle ore 9:00" in
// some, and newer data puts U+202F (narrow no-break space) in times, which is not GSM-7 and
// would turn a text message into UCS-2 (70 characters a segment, not 160). Our own tables
// give the same bytes everywhere, and every letter in them is GSM-7 (ì included).

export type Lang = "it" | "en";

const WEEKDAYS: Record<Lang, readonly string[]> = {
  it: ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

const MONTHS: Record<Lang, readonly string[]> = {
  it: [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** "2026-11-25" → "25 novembre" / "25 November" (no weekday, no year). */
const dayMonth = (lang: Lang, date: string) => `${+date.slice(8, 10)} ${MONTHS[lang][+date.slice(5, 7) - 1]}`;

/**
 * How far from the message's own day (`today`, the dealer's local date when it is written)
 * a day still goes without its year: about five months either way. Within that, "mercoledì
 * 25 novembre" can only be one day; further off (a booking next autumn, an option a year
 * ahead) the reader may wonder which year, so the day says it. `today` comes in as a value
 * (the shell's clock), so this stays pure.
 */
export const FAR_DAYS = 150;

/** True when `date` is more than FAR_DAYS from `today` (both "YYYY-MM-DD"): its words carry the year. */
export const isFar = (date: string, today: string): boolean =>
  Math.abs(dayNumberFromIso(date) - dayNumberFromIso(today)) > FAR_DAYS;

/** "2026-11-25" → "mercoledì 25 novembre" / "Wednesday 25 November"; "… 25 novembre 2027" when far from `today`. */
export const dayInWords = (lang: Lang, date: string, today: string): string =>
  `${WEEKDAYS[lang][weekdayOf(dayNumberFromIso(date))]} ${dayMonth(lang, date)}${isFar(date, today) ? ` ${date.slice(0, 4)}` : ""}`;

/** "2027-01-15" → "15 gennaio 2027" / "15 January 2027": a date further off (a service due), with its year. */
export const dateInWords = (lang: Lang, date: string): string => `${dayMonth(lang, date)} ${date.slice(0, 4)}`;

/** "09:00" → "9:00" (24-hour clock in both languages, as the dealer's opening hours read). */
export const timeInWords = (hhmm: string): string => `${+hhmm.slice(0, 2)}:${hhmm.slice(3, 5)}`;

/** Italian's "alle"/"dalle" before a time, "all'"/"dall'" before "una" (1:xx). */
export const itBefore = (prep: "alle" | "dalle", hhmm: string): string => {
  const t = timeInWords(hhmm);
  return t.startsWith("1:") ? `${prep.slice(0, -1)}'${t}` : `${prep} ${t}`;
};

/** "alle 9:00", "all'1:30" (Italian elides before "una"); "at 9:00". */
export const atTime = (lang: Lang, hhmm: string): string =>
  lang === "en" ? `at ${timeInWords(hhmm)}` : itBefore("alle", hhmm);

/** "mercoledì 25 novembre alle 9:00" / "Wednesday 25 November at 9:00" (the year when far from `today`). */
export const whenInWords = (lang: Lang, date: string, hhmm: string, today: string): string =>
  `${dayInWords(lang, date, today)} ${atTime(lang, hhmm)}`;

/** An instant as Dealer.format writes it ("2026-11-25T09:00:00+01:00"), read on its own wall clock. */
export const instantInWords = (lang: Lang, instant: string, today: string): string =>
  whenInWords(lang, instant.slice(0, 10), instant.slice(11, 16), today);
