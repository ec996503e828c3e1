import { describe, expect, it } from "vitest";
import { timesSaid } from "../../src/web/shared/day-labels.js";
import { STRINGS as MANAGE } from "../../src/web/manage/strings.js";
import { STRINGS as WIDGET } from "../../src/web/widget/strings.js";
import { customerWords } from "../support/customer-words.js";

// Counted phrases on the customer pages agree with their number, in English and Italian:
// a day with one free time said "1 free times on …" / "1 orari liberi il …".

const DATE = { en: "Wednesday 25 November 2026", it: "mercoledì 25 novembre 2026" };

describe("a day's free times, as the live region says them", () => {
  it.each([
    ["en", 1, "1 free time on Wednesday 25 November 2026."],
    ["en", 2, "2 free times on Wednesday 25 November 2026."],
    ["en", 21, "21 free times on Wednesday 25 November 2026."],
    ["en", 0, "No free times on this day. Please choose another day."],
    ["it", 1, "1 orario libero mercoledì 25 novembre 2026."],
    ["it", 3, "3 orari liberi mercoledì 25 novembre 2026."],
    ["it", 0, "Nessun orario libero in questo giorno. Scelga un altro giorno."],
  ] as const)("in %s, %i free: %s", (lang, count, said) => {
    // Both pages choose a day alike (the widget, the manage page's move).
    expect(timesSaid(WIDGET[lang], lang, count, DATE[lang])).toBe(said);
    expect(timesSaid(MANAGE[lang], lang, count, DATE[lang])).toBe(said);
  });
});

// Each counted phrase's plural form and the key of its singular one.
const SINGULAR: Record<string, string> = { timesLoaded: "timeLoaded", alternativesSaid: "alternativeSaid" };

describe("every counted phrase on the customer pages has a singular", () => {
  it.each(["en", "it"] as const)("in %s", (lang) => {
    const words = Object.fromEntries(customerWords(lang));
    const singulars = new Set(Object.values(SINGULAR));
    const plurals = Object.keys(words).filter(
      (where) => words[where].includes("{count}") && !singulars.has(where.split(".")[1]),
    );
    expect(plurals.length).toBeGreaterThan(0);
    for (const where of plurals) {
      const [page, key] = where.split(".");
      expect(SINGULAR[key], `${where} has no singular form`).toBeDefined();
      expect(words[`${page}.${SINGULAR[key]}`], `${page}.${SINGULAR[key]}`).toBeDefined();
    }
  });
});
