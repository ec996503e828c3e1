import { afterEach, describe, expect, it } from "vitest";
import {
  auth,
  bookAt,
  DAY,
  DEALER,
  jobsOf,
  journeyApp,
  type JourneyApp,
  MIN,
  ok,
  setupDealer,
} from "../support/journey.js";

// Timers across the Europe/Rome DST changes: "24 hours before" is 24 elapsed hours (the
// wall clock reads 23 or 25 hours earlier), computed from epoch instants, never from
// local wall times.

let t: JourneyApp;
afterEach(() => t.close());

async function walk(now: string, start: string, expectedReminderUtc: string, interventions = ["maintenance"]) {
  t = journeyApp(now);
  await setupDealer(t);
  const b = await bookAt(t, start, { interventions });
  const startMs = Date.parse(b.reception.start);
  const reminder = jobsOf(t, b.id).find((j) => j.kind === "reminder")!;
  expect(new Date(reminder.due_at).toISOString()).toBe(expectedReminderUtc);
  expect(reminder.due_at).toBe(startMs - DAY);
  // Fires exactly at its instant, once.
  expect(t.run(reminder.due_at - 1).ran.filter((r) => r.kind === "reminder")).toEqual([]);
  expect(
    t
      .run(reminder.due_at)
      .ran.filter((r) => r.kind === "reminder")
      .map((r) => r.outcome),
  ).toEqual(["sent:sms"]);
  expect(t.run(startMs + 30 * MIN - 1).ran.filter((r) => r.kind === "no_show_check")).toEqual([]);
  expect(
    t
      .run(startMs + 30 * MIN)
      .ran.filter((r) => r.kind === "no_show_check")
      .map((r) => r.outcome),
  ).toEqual(["no_show"]);
  return b;
}

describe("timers across DST", () => {
  it("spring forward (2027-03-28): a Sunday 09:00 CEST appointment is reminded Saturday 08:00 CET", async () => {
    const b = await walk("2027-03-20T09:00:00Z", "2027-03-28T09:00", "2027-03-27T07:00:00.000Z");
    expect(b.reception.start).toBe("2027-03-28T09:00:00+02:00");
  });

  it("fall back (2026-10-25): a Sunday 09:00 CET appointment is reminded Saturday 10:00 CEST", async () => {
    const b = await walk("2026-10-17T09:00:00Z", "2026-10-25T09:00", "2026-10-24T08:00:00.000Z");
    expect(b.reception.start).toBe("2026-10-25T09:00:00+01:00");
  });

  // Counted in opening hours (core/desk-time.ts): in elapsed hours this call fell at 06:00
  // on the Monday, before anyone was at the desk.
  it("times the car-ready notice of a multi-day job over the DST night: 4 opening hours before the ready time", async () => {
    t = journeyApp("2027-03-20T09:00:00Z");
    await setupDealer(t, {
      workshop: {
        mechanical: { technicians: 4, hoursPerDay: 7 },
        diagnosis: { technicians: 1, hoursPerDay: 7 },
        bodywork: { technicians: 1, hoursPerDay: 4 },
      },
    });
    const b = await bookAt(t, "2027-03-26T09:00", { interventions: ["bodywork"] }); // Friday; 12 h at 4 h a day
    expect(b.readyAt).toBe("2027-03-29T10:00:00+02:00"); // Monday, after the clocks went forward on Sunday
    const readyMs = Date.parse(b.readyAt);
    expect(readyMs - Date.parse(b.reception.start) > 2 * DAY).toBe(true);
    t.at(Date.parse(b.reception.start));
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/check-in`, {}, auth));
    const carReady = jobsOf(t, b.id).find((j) => j.kind === "car_ready")!;
    // Monday 08:00-10:00 (2 h) and Sunday 16:00-18:00 CEST (2 h): the dealer opens 08:00-18:00 daily.
    expect(carReady.due_at).toBe(Date.parse("2027-03-28T16:00:00+02:00"));
  });
});
