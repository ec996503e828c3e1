import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { auth, booking, expectProblem, inProcess, type InProcess } from "../support/http.js";
import { roomyDealer } from "../support/tenants.js";

// Calendar values at every entry point: a real leap day is accepted; impossible dates
// and times are 400 validation_failed naming the field, and change nothing.
// Clock frozen at Monday 2026-11-23 10:00 Rome; the dealer books up to 730 days ahead,
// so Tuesday 2028-02-29 is bookable.

let t: InProcess;
beforeAll(async () => {
  t = inProcess();
  expect((await t.api("PUT", "/v1/dealers/cal", roomyDealer("cal"), auth)).status).toBe(201);
});
afterAll(() => t?.close());

type Call = (value: string) => [method: string, path: string, body?: unknown, headers?: Record<string, string>];

const DATE_ENTRIES: Record<string, Call> = {
  "availability from": (d) => ["POST", "/v1/dealers/cal/availability", { interventions: ["check"], from: d }],
  "day board date": (d) => ["GET", `/v1/dealers/cal/days/${d}`, undefined, auth],
  "booking start (local)": (d) => [
    "POST",
    "/v1/dealers/cal/appointments",
    booking({ start: `${d}T10:00` }, { interventions: ["check"] }),
  ],
  "booking start (offset)": (d) => [
    "POST",
    "/v1/dealers/cal/appointments",
    booking({ start: `${d}T11:00:00+01:00` }, { interventions: ["check"] }),
  ],
  "dealer closures": (d) => ["PUT", "/v1/dealers/cal-closures", roomyDealer("cal-closures", { closures: [d] }), auth],
  "advisor absence": (d) => [
    "PUT",
    "/v1/dealers/cal-absence",
    roomyDealer("cal-absence", {
      advisors: [{ id: "a", name: "A", absences: [{ start: `${d}T08:00`, end: `${d}T12:00` }] }],
    }),
    auth,
  ],
  "workshop override": (d) => [
    "PUT",
    "/v1/dealers/cal-override",
    roomyDealer("cal-override", {
      workshop: { mechanical: { technicians: 2, hoursPerDay: 7, overrides: { [d]: { technicians: 1 } } } },
    }),
    auth,
  ],
};

const TIME_ENTRIES: Record<string, Call> = {
  "opening hours": (h) => [
    "PUT",
    "/v1/dealers/cal-hours",
    roomyDealer("cal-hours", { openingHours: { mon: [["08:00", h]] } }),
    auth,
  ],
  "rush hours": (h) => ["PUT", "/v1/dealers/cal-rush", roomyDealer("cal-rush", { rushHours: [["08:00", h]] }), auth],
  "express release time": (h) => [
    "PUT",
    "/v1/dealers/cal-release",
    roomyDealer("cal-release", { express: { releaseTime: h } }),
    auth,
  ],
  "booking start time": (h) => [
    "POST",
    "/v1/dealers/cal/appointments",
    booking({ start: `2026-11-24T${h}` }, { interventions: ["check"] }),
  ],
  "move reception start": (h) => [
    "PATCH",
    "/v1/dealers/cal/appointments/00000000-0000-4000-8000-000000000000",
    { reception: { start: `2026-11-24T${h}` } },
    { ...auth, "If-Match": "1" },
  ],
};

describe("2028-02-29 (a real leap day) is accepted everywhere a date goes", () => {
  it.each(Object.keys(DATE_ENTRIES))("%s", async (entry) => {
    const [method, path, body, headers] = DATE_ENTRIES[entry]("2028-02-29");
    const res = await t.api(method, path, body, headers);
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  });

  it("and a booking really lands on Tuesday 29 February 2028, 14:00 Rome time (+01:00)", async () => {
    const res = await t.api(
      "POST",
      "/v1/dealers/cal/appointments",
      booking({ start: "2028-02-29T14:00" }, { interventions: ["check"] }),
    );
    expect(res.status).toBe(201);
    expect((await json<AppointmentView>(res)).reception.start).toBe("2028-02-29T14:00:00+01:00");
  });
});

describe("impossible dates and times are 400, and change nothing", () => {
  const dates = ["2027-02-29", "2026-02-31", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00"];
  const cases = Object.keys(DATE_ENTRIES).flatMap((e) => dates.map((d) => [e, d] as const));
  it.each(cases)("%s = %s", async (entry, value) => {
    const before = t.snapshot();
    const [method, path, body, headers] = DATE_ENTRIES[entry](value);
    await expectProblem(await t.api(method, path, body, headers), 400, "validation_failed");
    expect(t.snapshot()).toEqual(before);
  });

  const times = ["24:30", "25:00", "12:60", "7:30", "24:01"];
  const timeCases = Object.keys(TIME_ENTRIES).flatMap((e) => times.map((h) => [e, h] as const));
  it.each(timeCases)("%s = %s", async (entry, value) => {
    const before = t.snapshot();
    const [method, path, body, headers] = TIME_ENTRIES[entry](value);
    await expectProblem(await t.api(method, path, body, headers), 400, "validation_failed");
    expect(t.snapshot()).toEqual(before);
  });

  it("24:00 closes a day but never starts anything", async () => {
    expect((await t.api(...TIME_ENTRIES["opening hours"]("24:00"))).status).toBeLessThan(300);
    await expectProblem(await t.api(...TIME_ENTRIES["booking start time"]("24:00")), 400, "validation_failed");
  });
});
