import { describe, expect, it } from "vitest";
import { pageDates } from "../../src/web/board/page-dates.js";

// The board says a refusal's days as it says its own ("Sunday 29 November"), not as the
// API's ISO dates; in Italian without the article that would read "on Sundays".

describe("a refusal's days in the page's words", () => {
  it.each([
    ["en", "the dealer is closed on 2026-11-29", "the dealer is closed on Sunday 29 November"],
    [
      "en",
      "2026-11-20 at 11:00 is before the earliest bookable time, 2026-11-23 at 11:00",
      "Friday 20 November at 11:00 is before the earliest bookable time, Monday 23 November at 11:00",
    ],
    [
      "en",
      "a return is at most 365 days after the car is ready (2027-01-04 at 12:45)",
      "a return is at most 365 days after the car is ready (Monday 4 January 2027 at 12:45)",
    ],
    ["it", "la concessionaria è chiusa il 2026-11-29", "la concessionaria è chiusa domenica 29 novembre"],
    [
      "it",
      "Anna Rossi non lavora alle 17:00 del 2026-11-24",
      "Anna Rossi non lavora alle 17:00 di martedì 24 novembre",
    ],
    ["en", "no date here: 15 min", "no date here: 15 min"],
  ] as const)("%s: %s", (lang, sentence, said) => {
    expect(pageDates(sentence, lang, 2026).replace(/day, /g, "day ").replace(/dì, /g, "dì ")).toBe(said);
  });
});
