import { longDate, weekdayDate } from "../shared/dates.js";
import type { Lang } from "../shared/i18n.js";

// The server's rule sentences name days as ISO dates ("the dealer is closed on 2026-11-29",
// "il 2026-11-24 alle 09:45"): right for an API, foreign on the page, which says its own
// days in words ("Moved to Thursday 26 November at 10:30"). A refusal's sentences get the
// page's words for their days: the weekday and the date, the year only when it is not
// this one's. In Italian the article goes ("il domenica 29 novembre" reads "on Sundays")
// and "del" becomes "di".

const ISO = /\b(?:(il|del) )?(\d{4})-(\d{2})-(\d{2})\b/g;

export function pageDates(sentence: string, lang: Lang, thisYear: number): string {
  return sentence.replace(ISO, (_all, article: string | undefined, y: string, m: string, d: string) => {
    const date = `${y}-${m}-${d}`;
    const words = Number(y) === thisYear ? weekdayDate(date, lang) : longDate(date, lang);
    return article === "del" ? `di ${words}` : words;
  });
}
