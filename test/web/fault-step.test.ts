import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/web/shared/problem.js";
import { problemSentence } from "../../src/web/shared/problem-sentence.js";
import { fieldStep, stepOfRefusal } from "../../src/web/widget/fault-step.js";

// Where the widget sends a refused call back to (src/web/widget/fault-step.ts): the earlier
// step whose answer the API refused, which then says why in the widget's usual words.

const invalid = (...paths: string[]): Problem => ({
  status: 400,
  code: "validation_failed",
  errors: paths.map((path) => ({ path, message: "x", in: "body" })),
});
const taken = (...rules: string[]): Problem => ({
  status: 409,
  code: "slot_unavailable",
  violations: rules.map((code) => ({ code, message: "x" })),
  alternatives: [],
});

describe("the step a refusal belongs to", () => {
  it.each([
    ["services", invalid("interventions"), "service"],
    ["the car", invalid("vehicle.model"), "vehicle"],
    ["the mobility", invalid("mobility"), "mobility"],
    ["several: the first step", invalid("mobility", "interventions"), "service"],
    ["the details: none", invalid("customer.email"), null],
    ["the time: none", taken("advisor_busy"), null],
  ] as const)("a field: %s", (_, p, step) => {
    expect(fieldStep(p)).toBe(step);
    expect(stepOfRefusal(p)).toBe(step);
  });

  it("a booking refused for its mobility alone is the mobility step's; with the time's own rules, the time's", () => {
    expect(stepOfRefusal(taken("mobility_unavailable"))).toBe("mobility");
    expect(stepOfRefusal({ ...taken("mobility_unavailable"), code: "rule_violation" })).toBe("mobility");
    expect(stepOfRefusal(taken("mobility_unavailable", "advisor_busy"))).toBeNull();
    expect(stepOfRefusal(taken())).toBeNull(); // no rules said: the time is gone
    expect(fieldStep(taken("mobility_unavailable"))).toBeNull(); // a hold's or a search's stays with the times
    expect(stepOfRefusal({ status: 503, code: "service_unavailable" })).toBeNull();
  });

  it("says a mobility refusal as such, in English and Italian, and any other lost time as before", () => {
    expect(problemSentence(taken("mobility_unavailable"), "en")).toBe(
      "The way of getting around you chose is no longer available at this time.",
    );
    expect(problemSentence(taken("mobility_unavailable"), "it")).toBe(
      "Il modo di spostarsi scelto non è più disponibile in questo orario.",
    );
    expect(problemSentence(taken("mobility_unavailable", "advisor_busy"), "en")).toMatch(/someone has just taken/);
    expect(problemSentence(invalid("interventions"), "it")).toBe(
      "Alcuni dati non sono validi. Li controlli e riprovi. Da controllare: interventi.",
    );
  });
});
