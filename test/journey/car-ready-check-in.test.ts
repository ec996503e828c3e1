import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVENTIONS } from "../../src/core/dealer-config/interventions.js";
import { auth, bookAt, DEALER, HOUR, jobsOf, journeyPerTest, MIN, ok, outboxOf } from "../support/journey.js";

// The car-ready call ("ready within the hour") is timed at check-in, never at booking
// (issue 17). A check-in after its instant settles it as skipped, so that nothing timed
// later for the same instant sends it to a customer who has just handed the keys over:
// a reshuffle that hands the car's return to a colleague, or the re-derivation of a late
// check-in after the automatic no-show. A quarter-hour job is ready 75 minutes after an
// 11:00 start, so its call falls at 11:15, before a check-in at 11:20.

const t = journeyPerTest({
  dealer: () => ({
    interventions: {
      ...DEFAULT_INTERVENTIONS,
      quick: { label: "Quick check", skill: "mechanical", receptionMinutes: 15, returnMinutes: 10, labourHours: 0.25 },
    },
  }),
});

const A = `/v1/dealers/${DEALER}/appointments`;
const START = "2026-11-25T11:00:00+01:00";
const startMs = Date.parse(START);
const carReadySent = (id: string) =>
  outboxOf(t, id).filter((m) => m.kind === "car_ready" || m.kind === "car_ready_call");

async function quickJob() {
  const b = await bookAt(t, START, { interventions: ["quick"] });
  expect(Date.parse(b.readyAt) - HOUR).toBeLessThan(startMs + 20 * MIN); // the call falls before an 11:20 check-in
  return b;
}

describe("a check-in after the car-ready instant", () => {
  it("settles the call as skipped, and a reshuffle that re-seats the return does not send it", async () => {
    const b = await quickJob();
    t.at(startMs + 20 * MIN);
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    expect(jobsOf(t, b.id).filter((j) => j.kind === "car_ready")).toEqual([
      expect.objectContaining({ status: "done", outcome: "skipped:not_in" }),
    ]);
    // Anna is called away until 13:00: the return at the ready time goes to Bruno.
    const absence = { advisorId: "anna", start: "2026-11-25T11:30", end: "2026-11-25T13:00" };
    const url = `/v1/dealers/${DEALER}/reshuffle/absence`;
    const plan = await ok<{ planToken: string; moves: Array<{ appointmentId: string }> }>(
      await t.api("POST", url, absence, auth),
    );
    expect(plan.moves.map((m) => m.appointmentId)).toContain(b.id);
    await ok(await t.api("POST", url, { ...absence, mode: "apply", planToken: plan.planToken }, auth));
    t.run(startMs + 30 * MIN);
    expect(carReadySent(b.id)).toEqual([]);
  });

  it("after the automatic no-show: the late check-in brings back the no-show's timers, not a late car-ready call", async () => {
    const b = await quickJob();
    expect(t.run(startMs + 30 * MIN).ran.find((r) => r.kind === "no_show_check")?.outcome).toBe("no_show");
    t.at(startMs + 40 * MIN);
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    t.run(startMs + 41 * MIN);
    expect(carReadySent(b.id)).toEqual([]);
    expect(jobsOf(t, b.id).find((j) => j.kind === "car_ready")).toMatchObject({ outcome: "skipped:not_in" });
  });
});
