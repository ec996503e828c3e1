import { describe, expect, it } from "vitest";
import { staffSentence } from "../../src/web/board/http.js";
import type { Problem } from "../../src/web/shared/problem.js";
import { longDate } from "../../src/web/shared/dates.js";

// A refusal said to the desk as a sentence (web/board/http.ts). A no-show refused because
// the reception has not started yet (lifecycle.ts sends receptionStart) says from when it
// may be marked, rather than that the step is impossible; a check-in refused before the
// reception's day (opensOn as well) says the day it opens.

const problem = (code: string, extra: Record<string, unknown> = {}) =>
  ({ type: "about:blank", title: "", status: 409, code, ...extra }) as unknown as Problem;

describe("the desk's sentence for a refusal", () => {
  it.each([
    ["en", "The reception starts at 10:00: a no-show can be marked from then on."],
    ["it", "L'accettazione inizia alle 10:00: da quell'ora si può segnare il cliente come non presentato."],
  ] as const)("a no-show before the reception starts (%s)", (lang, sentence) => {
    const p = problem("invalid_transition", { receptionStart: "2026-11-23T10:00:00+01:00" });
    expect(staffSentence(p, lang)).toBe(sentence);
  });

  it.each([
    ["en", (day: string) => `Check-in opens on the appointment's day, ${day} (reception at 10:00).`],
    ["it", (day: string) => `Il veicolo si accetta dal giorno dell'appuntamento, ${day} (accettazione alle 10:00).`],
  ] as const)(
    "a check-in before the reception's day says the day it opens, not a no-show's sentence (%s)",
    (lang, sentence) => {
      const p = problem("invalid_transition", { receptionStart: "2026-11-27T10:00:00+01:00", opensOn: "2026-11-27" });
      // The day as the page words dates (Intl: "Friday 27 November 2026", a comma in some ICU versions).
      expect(staffSentence(p, lang)).toBe(sentence(longDate("2026-11-27", lang)));
      expect(longDate("2026-11-27", lang)).toMatch(/27/);
    },
  );

  it("any other refused step keeps the general sentence", () => {
    expect(staffSentence(problem("invalid_transition", { appointmentStatus: "cancelled" }), "en")).toBe(
      "That step is not possible in the appointment's current state.",
    );
    expect(staffSentence(problem("no_such_code"), "it")).toBe("Qualcosa è andato storto sul server. Riprova.");
  });
});
