import { dayNumberFromIso, weekdayOf } from "./civil.js";
import { atTime, isFar, itBefore, type Lang, timeInWords } from "./date-words.js";

// Dates and times as staff read them in a task or notice (the desk's Tasks panel, the
// advisors' messages): short enough to scan down a list, yet whole sentences in Italian
// and English. "mer 25/11 alle 16:30", "Wed 25/11 at 16:30": an abbreviated weekday, then
// day/month in that order in both languages (the dealers are Italian; the English desk
// reads the same numbers), the year only when the day is far from the message's own day
// (date-words.ts isFar: "mer 25/11/2027"), and the time as the customer's ("9:00").
// Pure, and on the dealer's wall clock like date-words.ts (the shell decided the zone).
//
// Trap (Italian): never an article before the short day. "il"/"dal"/"al" agree with the
// weekday's gender ("dal sabato", but "dalla domenica"), so "dal dom 25/10" would be
// wrong; the day stands bare, as "mercoledì 25 novembre" does for the customer ("da lun
// 23/11 alle 10:00 a mer 25/11 alle 11:00", like "da lunedì a venerdì"). The hours do
// take theirs: "dalle 10:00 alle 11:30", "dall'1:30".

const SHORT_WEEKDAYS: Record<Lang, readonly string[]> = {
  it: ["lun", "mar", "mer", "gio", "ven", "sab", "dom"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/** "2026-11-25" → "mer 25/11" / "Wed 25/11"; "mer 25/11/2027" when far from `today`. */
export function shortDay(lang: Lang, date: string, today: string): string {
  const year = isFar(date, today) ? `/${date.slice(0, 4)}` : "";
  return `${SHORT_WEEKDAYS[lang][weekdayOf(dayNumberFromIso(date))]} ${+date.slice(8, 10)}/${+date.slice(5, 7)}${year}`;
}

/** "mer 25/11 alle 9:00" / "Wed 25/11 at 9:00". */
export const shortWhen = (lang: Lang, date: string, hhmm: string, today: string): string =>
  `${shortDay(lang, date, today)} ${atTime(lang, hhmm)}`;

/** An instant as Dealer.format writes it ("2026-11-25T16:30:00+01:00"), on its own wall clock. */
export const shortInstant = (lang: Lang, instant: string, today: string): string =>
  shortWhen(lang, instant.slice(0, 10), instant.slice(11, 16), today);

export interface LocalTime {
  date: string;
  time: string;
}

/**
 * From one local time to another (a customer's move), after "l'appuntamento"/"their
 * appointment": the same day says its hours, "dalle 10:00 alle 11:30 di mer 25/11" /
 * "from 10:00 to 11:30 on Wed 25/11"; two days say both, "da lun 23/11 alle 10:00 a mer
 * 25/11 alle 11:00" / "from Mon 23/11 at 10:00 to Wed 25/11 at 11:00".
 */
export function shortSpan(lang: Lang, from: LocalTime, to: LocalTime, today: string): string {
  if (from.date === to.date) {
    const day = shortDay(lang, to.date, today);
    return lang === "en"
      ? `from ${timeInWords(from.time)} to ${timeInWords(to.time)} on ${day}`
      : `${itBefore("dalle", from.time)} ${itBefore("alle", to.time)} di ${day}`;
  }
  const [a, b] = [shortWhen(lang, from.date, from.time, today), shortWhen(lang, to.date, to.time, today)];
  return lang === "en" ? `from ${a} to ${b}` : `da ${a} a ${b}`;
}
