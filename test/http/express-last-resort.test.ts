import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppointmentView, RuleProblem } from "../support/contracts.js";
import {
  auth,
  book,
  booking,
  expectProblem,
  inProcess,
  type InProcess,
  putDealer,
  romeDealer,
} from "../support/http.js";

// An express booking (a priority vehicle inside the express window) may go past the
// buffer caps only as the LAST resort: when no advisor of the dealer can take the car at
// that time within them. A staff booking by start used to be forced past the named
// advisor's caps while another advisor was free at that very time (a review found five
// MC20s stacked on one advisor that way). The clock: Monday 2026-11-23 10:00 in Rome.

const AT = (hm: string) => `2026-11-23T${hm}:00+01:00`;
const MC20 = { model: "MC20", vin: "ZAMXXXXXXXX000001" };

let t: InProcess;
beforeAll(async () => {
  t = inProcess();
  await putDealer(t.api, "roma", romeDealer());
});
afterAll(() => t.close());

const staffBook = (start: string, advisorId: string | undefined, vehicle?: object) =>
  t.api(
    "POST",
    "/v1/dealers/roma/appointments",
    booking({ start, ...(advisorId ? { advisorId } : {}) }, vehicle ? { vehicle } : {}),
    auth,
  );
const stored = (id: string) =>
  t.sqlite.prepare("SELECT advisor_id AS advisor, forced FROM appointments WHERE id = ?").get(id) as {
    advisor: string;
    forced: number;
  };
/** Three 15-min receptions in the hour before 11:45: the advisor's hourly cap is full there. */
async function fillHour(advisorId: string) {
  for (const hm of ["11:00", "11:15", "11:30"]) await book(t.api, "roma", booking({ start: AT(hm), advisorId }), auth);
}

describe("express past the caps is the last resort", () => {
  it("an MC20 booked at 11:45 with the advisor whose hour is full, another free: 409 naming the cap, not forced", async () => {
    await fillHour("anna");
    const res = await staffBook(AT("11:45"), "anna", MC20);
    const problem = (await expectProblem(res, 409, "slot_unavailable")) as unknown as RuleProblem;
    expect(problem.violations.map((v) => v.code)).toContain("hourly_cap");
    expect(problem.alternatives.length).toBeGreaterThanOrEqual(2);
  });

  it("the same MC20 without an advisor named: seated with the free advisor, within the caps", async () => {
    const res = await staffBook(AT("11:45"), undefined, MC20);
    expect(res.status).toBe(201);
    const a = (await res.json()) as AppointmentView;
    expect(a.express).toBe(true);
    expect(stored(a.id)).toEqual({ advisor: "bruno", forced: 0 });
  });

  it("when no advisor can take it at that time within the caps, the MC20 still gets it, past them (forced)", async () => {
    // Bruno now has the MC20 above at 11:45; Anna's hour is full.
    const res = await staffBook(AT("11:45"), "anna", { ...MC20, vin: "ZAMXXXXXXXX000002" });
    expect(res.status).toBe(201);
    const a = (await res.json()) as AppointmentView;
    expect(stored(a.id)).toEqual({ advisor: "anna", forced: 1 });
  });
});
