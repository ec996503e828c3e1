import { describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, jobsOf, journeyPerTest, ok } from "../support/journey.js";

// The car-ready call of a short job (1 hour's notice, in opening hours) is made on the day
// the car is ready. Walked back into the evening before, it fell before a car checked in
// late that evening, was recorded as passed ("skipped:not_in") and never made (a review).
// The journey dealer opens 08:00-18:00 every day.

const t = journeyPerTest();
const A = `/v1/dealers/${DEALER}/appointments`;

describe("the car-ready call of a car checked in late in the day", () => {
  it("is made the next morning at opening, before its ready time, not skipped", async () => {
    const b = await bookAt(t, "2026-11-25T16:30", { interventions: ["tyres"] }, auth);
    expect(b.readyAt.slice(0, 10)).toBe("2026-11-26"); // ready the next morning
    t.at(Date.parse("2026-11-25T17:50:00+01:00"));
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    const call = jobsOf(t, b.id).find((j) => j.kind === "car_ready")!;
    expect(call.status).toBe("pending");
    expect(call.due_at).toBe(Date.parse("2026-11-26T08:00:00+01:00"));
    expect(call.due_at).toBeLessThan(Date.parse(b.readyAt));
  });
});
