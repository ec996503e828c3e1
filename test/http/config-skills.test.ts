import { afterEach, describe, expect, it } from "vitest";
import { type DayBoard, json } from "../support/contracts.js";
import { recount } from "../support/overbooking.js";
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

// A booking's labour is stored by skill; a dealer's skills are the keys of its `workshop`
// in the order a PUT sends them. The stored slices named their skill by position only,
// so a PUT that sent the same skills in another order (or dropped one before others)
// moved every booked job to another skill: the board counted a service's hours as
// bodywork and the mechanics' day as free. Slices now name their skill, and a PUT that
// changes the skills rewrites the older slices by the names they were booked under.

const D = "rome";
const WED = "2026-11-25";
const WORKSHOP = {
  mechanical: { technicians: 4, hoursPerDay: 7 },
  diagnosis: { technicians: 1, hoursPerDay: 7 },
  bodywork: { technicians: 2, hoursPerDay: 7 },
};
let t: InProcess;
afterEach(() => t.close());

const board = async () => json<DayBoard>(await t.api("GET", `/v1/dealers/${D}/days/${WED}`, undefined, auth));
const bookedHours = async () =>
  Object.fromEntries(Object.entries((await board()).workshop).map(([skill, w]) => [skill, w.bookedHours]));

// The interventions booked here, on the skills each configuration below has.
const INTERVENTIONS = {
  maintenance: { label: "Maintenance", receptionMinutes: 15, returnMinutes: 10, labourHours: 2, skill: "mechanical" },
  bodywork: { label: "Bodywork repair", receptionMinutes: 30, returnMinutes: 15, labourHours: 12, skill: "bodywork" },
};
/** As a booking stored before slices named their skill: by position alone. */
const unname = () =>
  t.sqlite
    .prepare(
      "UPDATE appointments SET labour_json = (SELECT json_group_array(json(json_remove(value, '$.skillId'))) FROM json_each(labour_json))",
    )
    .run();

describe("a PUT that changes the workshop's skills keeps every booked job on its own skill", () => {
  const reordered = { bodywork: WORKSHOP.bodywork, diagnosis: WORKSHOP.diagnosis, mechanical: WORKSHOP.mechanical };
  const dropped = { mechanical: WORKSHOP.mechanical, bodywork: WORKSHOP.bodywork };
  it.each([
    ["the same skills in another order", reordered, false],
    ["the same skills in another order, the jobs stored before slices named their skill", reordered, true],
    ["a skill no booking uses dropped before the one booked", dropped, false],
    ["a skill no booking uses dropped, the jobs stored before slices named their skill", dropped, true],
  ])("%s", async (_, workshop, legacy) => {
    t = inProcess();
    await putDealer(t.api, D, romeDealer({ workshop: WORKSHOP, interventions: INTERVENTIONS }));
    await book(t.api, D, booking({ start: `${WED}T09:00`, advisorId: "anna" }), auth); // 2 h mechanical
    await book(t.api, D, booking({ start: `${WED}T10:00`, advisorId: "anna" }, { interventions: ["bodywork"] }), auth);
    if (legacy) unname();
    const before = await bookedHours();
    expect(before.mechanical).toBe(2);
    expect(before.bodywork).toBeGreaterThan(0);
    const res = await t.api("PUT", `/v1/dealers/${D}`, romeDealer({ workshop, interventions: INTERVENTIONS }), auth);
    expect(res.status).toBe(200);
    const after = await bookedHours();
    expect({ mechanical: after.mechanical, bodywork: after.bodywork }).toEqual({
      mechanical: before.mechanical,
      bodywork: before.bodywork,
    });
    expect(recount(t.sqlite, D, t.deps.now())).toEqual([]);
  });
});

describe("a PUT that drops a skill an upcoming appointment needs", () => {
  // It answered 500 (the re-plan asked the new roster for the dropped skill's technicians).
  it("is a 409 config_conflict naming the appointment, and nothing changes", async () => {
    t = inProcess();
    await putDealer(t.api, D, romeDealer({ workshop: WORKSHOP, interventions: INTERVENTIONS }));
    const a = await book(
      t.api,
      D,
      booking({ start: `${WED}T10:00`, advisorId: "anna" }, { interventions: ["bodywork"] }),
      auth,
    );
    const before = t.sqlite.prepare("SELECT * FROM appointments ORDER BY id").all();
    const config = romeDealer({
      workshop: { mechanical: WORKSHOP.mechanical, diagnosis: WORKSHOP.diagnosis },
      interventions: { maintenance: INTERVENTIONS.maintenance },
    });
    for (const query of ["", "?apply=plan"]) {
      const problem = await expectProblem(
        await t.api("PUT", `/v1/dealers/${D}${query}`, config, auth),
        409,
        "config_conflict",
      );
      expect(problem.appointments.map((x: { id: string }) => x.id)).toEqual([a.id]);
      // No move keeps work the workshop no longer does: the plan hands it to the desk.
      expect(problem.conflicts[0].reasons[0].code).toBe("skill_removed");
      expect(problem.applicable).toBe(false);
      expect(problem.plan.contact.map((c: { appointmentId: string }) => c.appointmentId)).toEqual([a.id]);
    }
    expect(t.sqlite.prepare("SELECT * FROM appointments ORDER BY id").all()).toEqual(before);
    expect((t.sqlite.prepare("SELECT version FROM dealers").get() as { version: number }).version).toBe(1);
  });
});
