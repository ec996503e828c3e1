import { describe, expect, it } from "vitest";
import { type Said, type Spoken, speak } from "../../src/web/shared/spoken.js";
import { stepOpening } from "../../src/web/widget/step-opening.js";

// What the pages' live region holds (src/web/shared/spoken.ts), and what the widget says
// as a step opens (src/web/widget/step-opening.ts): a step's opening is not replaced by
// what the step loads next, so a customer sent back to the times hears why, then the times.

const said = (...calls: [string, Said?][]) =>
  calls.reduce<Spoken>((s, [text, how]) => speak(s, text, how), { parts: [], opening: false }).parts;

describe("the live region", () => {
  it.each([
    ["a message replaces the one before", [["A"], ["B"]], ["B"]],
    [
      "what a step loads follows its opening",
      [["Step"], ["Step 4", "opening"], ["12 times", "follow"]],
      ["Step 4", "12 times"],
    ],
    [
      "only once: the next one replaces both",
      [
        ["Step 4", "opening"],
        ["12 times", "follow"],
        ["8 times", "follow"],
      ],
      ["8 times"],
    ],
    ["a follow with no opening is said alone", [["Moved"], ["12 times", "follow"]], ["12 times"]],
    [
      "a message between takes the opening's place",
      [["Step 4", "opening"], ["Held"], ["12 times", "follow"]],
      ["12 times"],
    ],
    [
      "the same words again still change (read again)",
      [
        ["Step 4", "opening"],
        ["Step 4", "opening"],
      ],
      ["Step 4\u200b"],
    ],
    [
      "even after a follow",
      [
        ["Step 4", "opening"],
        ["12 times", "follow"],
        ["Step 4", "opening"],
      ],
      ["Step 4\u200b"],
    ],
  ] as [string, [string, Said?][], string[]][])("%s", (_, calls, parts) => {
    expect(said(...calls)).toEqual(parts);
  });
});

describe("a widget step's opening", () => {
  const taken = { status: 409, code: "slot_unavailable" };
  it.each([
    ["where the customer is", "en", null, "Step 4 of 5: Choose a day and time."],
    [
      "a time taken meanwhile, with the times offered first",
      "en",
      { problem: taken, alternatives: 3 },
      "Step 4 of 5: Choose a day and time. Sorry, someone has just taken this time. Please choose another one. 3 other free times are listed first.",
    ],
    [
      "one time offered",
      "en",
      { problem: taken, alternatives: 1 },
      "Step 4 of 5: Choose a day and time. Sorry, someone has just taken this time. Please choose another one. 1 other free time is listed first.",
    ],
    [
      "none offered",
      "en",
      { problem: taken, alternatives: 0 },
      "Step 4 of 5: Choose a day and time. Sorry, someone has just taken this time. Please choose another one.",
    ],
    [
      "in Italian",
      "it",
      { problem: taken, alternatives: 2 },
      "Passo 4 di 5: Scelga giorno e ora. Ci dispiace, questo orario è appena stato preso. Ne scelga un altro. Per primi sono elencati altri 2 orari liberi.",
    ],
    [
      "a refusal asking for a call, with the dealer's number",
      "en",
      { problem: { status: 0, code: "network" }, phone: "+39 06 1234 5678" },
      "Step 4 of 5: Choose a day and time. We could not reach the booking service from this page. Please check your connection and try again, or call the workshop on +39 06 1234 5678.",
    ],
  ] as const)("%s", (_, lang, why, opening) => {
    const where = lang === "it" ? "Passo 4 di 5: Scelga giorno e ora" : "Step 4 of 5: Choose a day and time";
    expect(stepOpening(lang, where, why)).toBe(opening);
  });
});
