import { describe, expect, it } from "vitest";
import { QUESTION_FIELDS, questionKey } from "../../src/scheduler/answer-memo.js";
import type { AvailabilityRequest } from "../../src/scheduler/contracts.js";

// The remembered search answers are keyed by the question (scheduler/answer-memo.ts). The
// key's text is kept per body object only while that body cannot change: the parse memo's
// deep-frozen bodies, shared between requests. A body that can change is read every time.

const body = (): AvailabilityRequest =>
  ({
    interventions: ["tyres"],
    customer: { known: true },
    mobility: "none",
    days: 14,
    count: 3,
  }) as AvailabilityRequest;

const fresh = (b: AvailabilityRequest) => `0\n${JSON.stringify(QUESTION_FIELDS.map((f) => b[f]))}`;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object") {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

describe("the question's key", () => {
  it("is the question's fields, for a frozen body asked again too", () => {
    const b = deepFreeze(body());
    expect(questionKey(false, undefined, b)).toBe(fresh(b));
    expect(questionKey(false, undefined, b)).toBe(fresh(b));
    expect(questionKey(true, "note", b)).toBe(`1note\n${fresh(b).slice(2)}`);
  });

  it.each([
    ["a body that is not frozen", (b: AvailabilityRequest) => b],
    ["a body frozen only on top", (b: AvailabilityRequest) => Object.freeze(b)],
  ])("follows %s that changes between two asks", (_, freeze) => {
    const b = freeze(body());
    const first = questionKey(false, undefined, b);
    (b.interventions as string[]).push("recall");
    const second = questionKey(false, undefined, b);
    expect(second).not.toBe(first);
    expect(second).toBe(fresh(b));
  });
});
