import { describe, expect, it } from "vitest";
import { MOBILITY_CHOICES, MOBILITY_LABELS } from "../../src/web/shared/recap-words.js";
import { customerWords } from "../support/customer-words.js";

// What the customer pages say (the booking widget, the manage page), read as a car owner
// reads it: plain words, not the workshop's.

describe("plain words for a car owner", () => {
  it.each(["en", "it"] as const)("in %s: nothing says 'mobility', the workshop's word for getting around", (lang) => {
    expect(customerWords(lang).filter(([, s]) => /mobilit(y|à)/i.test(s))).toEqual([]);
  });

  it.each([
    ["en", "I don't need a courtesy car or a lift", "No courtesy car or lift"],
    ["it", "Non mi serve un'auto di cortesia né un passaggio", "Nessuna auto di cortesia né passaggio"],
  ] as const)(
    "in %s: no courtesy car is chosen in the customer's words, and recapped as such",
    (lang, choice, recap) => {
      expect(MOBILITY_CHOICES[lang].none).toBe(choice);
      expect(MOBILITY_LABELS[lang].none).toBe(recap);
      // The other ways of getting around are named alike on the step and in the recap.
      expect({ ...MOBILITY_CHOICES[lang], none: "" }).toEqual({ ...MOBILITY_LABELS[lang], none: "" });
    },
  );
});
