import { describe, expect, it } from "vitest";
import { ruleViolation } from "../../src/core/rule-messages.js";
import { RULE_CODES } from "../../src/core/types.js";
import { at, job, setup } from "../support/core.js";

// A broken rule in Italian tells the advisor what the English tells them (rule-messages.ts
// and rule-messages-it.ts): the same advisor, dates, times and limits. Before, the Italian
// page said "too many receptions in the same hour for this advisor" where the English named
// Giulia, her limit of 3 and the time, and showed English for the rules it had no words for.

const s = setup({ advisors: [{ id: "giulia", name: "Giulia Romano", absences: [] }] });
const subject = {
  advisor: 0,
  start: at(s.dealer, "2026-11-24T09:50"),
  minutes: 30,
  now: at(s.dealer, "2026-11-24T10:00"),
  job: job(s.dealer, ["maintenance", "bodywork"]),
};

/** The facts a sentence names: its dates, clock times, numbers and the advisor's name. */
function facts(sentence: string): string[] {
  const plain = sentence.replace(/(:\d\d)(:00)?([+-]\d\d:\d\d|Z)/g, "$1").replace(/(\d),(\d)/g, "$1.$2");
  const found = plain.match(/\d{4}-\d\d-\d\d|\d\d:\d\d|\d+(\.\d)?|Giulia Romano/g) ?? [];
  return [...new Set(found)].sort();
}

describe("a broken rule's Italian sentence", () => {
  it.each(RULE_CODES)("%s names the same facts as the English", (code) => {
    for (const readyAt of [null, at(s.dealer, "2026-11-24T16:30")]) {
      const v = ruleViolation(s.dealer, code, subject, readyAt);
      expect(v.texts?.it, code).toBeTruthy();
      expect(v.texts!.it).not.toBe(v.message);
      expect(facts(v.texts!.it), `${v.message}\n${v.texts!.it}`).toEqual(facts(v.message));
    }
  });

  it.each(RULE_CODES)("%s says its instants as the wall clock reads them in English too, never as ISO", (code) => {
    for (const readyAt of [null, at(s.dealer, "2026-11-24T16:30")]) {
      const v = ruleViolation(s.dealer, code, subject, readyAt);
      expect(v.message, code).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    }
  });

  it("names the advisor and the limit of a buffer rule, as an advisor reads it", () => {
    const v = ruleViolation(s.dealer, "hourly_cap", subject, null);
    expect(v.message).toBe("Giulia Romano would have more than 3 receptions within one hour (buffer rule)");
    expect(v.texts!.it).toBe(
      "troppe accettazioni nella stessa ora: Giulia Romano ne avrebbe più di 3 (limite di carico dell'accettazione)",
    );
  });
});
