import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openDatabase } from "../../src/node.js";
import { ADMIN_TOKEN } from "../support/app.js";
import { bookedHours, recount } from "../support/overbooking.js";
import { type AppointmentView, type DayBoard, type DealerPutApplied, json } from "../support/contracts.js";
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

// PUT of a dealer's configuration never strands or overbooks an appointment: a change
// that would is refused with 409 config_conflict (each appointment and why; nothing
// changes), and offers a plan of moves under the new configuration. Applied (same
// request ?apply=plan, or next request ?planToken=…), the moves and the configuration
// commit together and an independent recount finds zero overbooking, as does the day
// board.

const D = "rome";
const WED = "2026-11-25";
let t: InProcess;
afterEach(() => t.close());

async function setup(overrides: Record<string, unknown> = {}) {
  t = inProcess();
  // No courtesy car held back for priority vehicles: every car is an ordinary customer's.
  const config = romeDealer({ express: { heldCourtesyCars: 0 }, ...overrides });
  await putDealer(t.api, D, config);
  return config;
}
const at = (time: string, advisorId: string, extra: Record<string, unknown> = {}) =>
  book(t.api, D, booking({ start: `${WED}T${time}`, advisorId }, extra), auth);
const put = (config: unknown, query = "") => t.api("PUT", `/v1/dealers/${D}${query}`, config, auth);
const state = () => ({
  dealer: t.sqlite.prepare("SELECT config_json, version FROM dealers").all(),
  appointments: t.sqlite.prepare("SELECT * FROM appointments ORDER BY id").all(),
});

async function expectRefused(config: unknown, codes: string[]) {
  const before = state();
  const problem = await expectProblem(await put(config), 409, "config_conflict");
  expect(state()).toEqual(before); // nothing changed
  expect([...new Set(problem.conflicts.flatMap((c) => c.reasons.map((r) => r.code)))].sort()).toEqual(
    [...codes].sort(),
  );
  for (const c of problem.conflicts) expect(c.reasons[0].message).toEqual(expect.any(String));
  expect(problem.plan).toMatchObject({ kind: "config", mode: "plan", contact: [] });
  expect(problem.applicable).toBe(true);
  return problem;
}

async function expectNoOverbooking(dates: string[]) {
  expect(recount(t.sqlite, D, t.deps.now())).toEqual([]);
  for (const date of dates) {
    const board = await json<DayBoard>(await t.api("GET", `/v1/dealers/${D}/days/${date}`, undefined, auth));
    const recounted = bookedHours(t.sqlite, D, date);
    for (const [skill, w] of Object.entries(board.workshop)) {
      expect(w.bookedHours).toBeCloseTo(recounted[skill], 2);
      expect(w.bookedHours).toBeLessThanOrEqual(w.capacityHours);
    }
    // Every holding appointment of the day is on some advisor's column.
    const listed = new Set(
      board.advisors.flatMap((a) => a.slots.filter((s) => s.kind === "reception").map((s) => s.appointmentId)),
    );
    const day = t.sqlite
      .prepare("SELECT id, reception_start FROM appointments WHERE dealer_id = ? AND status != 'cancelled'")
      .all(D) as Array<{ id: string; reception_start: number }>;
    for (const r of day)
      if (new Date(r.reception_start * 60_000).toISOString().slice(0, 10) === date) expect(listed.has(r.id)).toBe(true);
  }
}

describe("PUT dealer: a change that would strand appointments", () => {
  it("removing an advisor with a future appointment: 409, then the offered plan (next request, by token) hands it to another advisor at the same time", async () => {
    const config = await setup();
    const a = await at("10:00", "bruno");
    const next = { ...config, advisors: [{ id: "anna", name: "Anna Rossi" }] };
    const problem = await expectRefused(next, ["advisor_removed"]);
    expect(problem.conflicts[0]).toMatchObject({ appointmentId: a.id, version: a.version });
    const res = await put(next, `?planToken=${encodeURIComponent(problem.plan.planToken)}`);
    expect(res.status).toBe(200);
    const body = await json<DealerPutApplied>(res);
    expect(body.advisors.map((x) => x.id)).toEqual(["anna"]);
    expect(body.appliedPlan.moves).toEqual([
      expect.objectContaining({ appointmentId: a.id, timeChanged: false, advisorChanged: true }),
    ]);
    const now = await json<AppointmentView>(
      await t.api("GET", `/v1/dealers/${D}/appointments/${a.id}`, undefined, auth),
    );
    expect(now.reception).toMatchObject({ advisorId: "anna", start: a.reception.start });
    await expectNoOverbooking([WED]);
  });

  it("shrinking the courtesy-car fleet under overlapping loans: 409, then ?apply=plan moves the later loan where a car is free", async () => {
    const config = await setup();
    // The later loan is the one the plan moves: a later reception, not a later random id.
    await at("10:00", "anna", { mobility: "courtesy_car" });
    const second = await at("10:30", "bruno", { mobility: "courtesy_car" });
    const next = { ...config, mobility: { ...config.mobility, courtesyCars: 1 } };
    const problem = await expectRefused(next, ["courtesy_cars_exceeded"]);
    expect(problem.conflicts[0].appointmentId).toBe(second.id);
    const res = await put(next, "?apply=plan");
    expect(res.status).toBe(200);
    const body = await json<DealerPutApplied>(res);
    expect(body.mobility.courtesyCars).toBe(1);
    expect(body.appliedPlan.moves.map((m) => m.appointmentId)).toEqual([second.id]);
    expect(body.appliedPlan.notify).toEqual([second.id]);
    await expectNoOverbooking([WED, "2026-11-26", "2026-11-27"]);
  });

  it("shrinking the workshop on a booked day: 409 for the jobs that no longer fit, then the plan moves what no longer fits (its work and return to the next day)", async () => {
    const config = await setup();
    const jobs = [await at("09:00", "anna"), await at("10:00", "bruno"), await at("11:00", "anna")]; // 3 × 2 h mechanical
    const workshop = {
      mechanical: { technicians: 1, hoursPerDay: 7, overrides: { [WED]: { technicians: 1, hoursPerDay: 4 } } },
      diagnosis: { technicians: 1, hoursPerDay: 7 },
      bodywork: { technicians: 2, hoursPerDay: 7 },
    };
    const next = { ...config, workshop };
    const problem = await expectRefused(next, ["workshop_exceeded"]);
    expect(problem.conflicts.map((c) => c.appointmentId)).toEqual([jobs[2].id]); // the latest gives way
    const res = await put(next, "?apply=plan");
    expect(res.status).toBe(200);
    await expectNoOverbooking([WED, "2026-11-26", "2026-11-27"]);
  });

  it("removing a technician with a planned job: 409 technician_unavailable naming that appointment and why, then the plan re-plans it on the technician left, never overlapping", async () => {
    const luca = { id: "luca", name: "Luca" };
    const marco = { id: "marco", name: "Marco" };
    const config = await setup({ workshop: { mechanical: [luca, marco], diagnosis: [], bodywork: [] } });
    const first = await at("09:00", "anna"); // Luca, 09:30-11:30
    const second = await at("09:15", "bruno"); // Marco (Luca is busy), 09:45-11:45
    const next = { ...config, workshop: { mechanical: [luca], diagnosis: [], bodywork: [] } };
    const problem = await expectRefused(next, ["technician_unavailable"]);
    expect(problem.conflicts.map((c) => c.appointmentId)).toEqual([second.id]);
    expect(problem.conflicts[0].reasons[0].message).toMatch(
      /mechanical work 2026-11-25 09:45–11:45 is planned on technician Marco \(marco\), whom the new configuration removes/,
    );
    expect((await put(next, "?apply=plan")).status).toBe(200);
    await expectNoOverbooking([WED, "2026-11-26"]);
    // The day board: Luca alone, his jobs one after another.
    const board = await json<DayBoard>(await t.api("GET", `/v1/dealers/${D}/days/${WED}`, undefined, auth));
    expect(board.technicians.map((x) => x.id)).toEqual(["luca"]);
    const jobs = board.technicians[0].jobs;
    expect(jobs.map((j) => j.appointmentId)).toContain(first.id);
    for (let i = 1; i < jobs.length; i++)
      expect(Date.parse(jobs[i].start)).toBeGreaterThanOrEqual(Date.parse(jobs[i - 1].end));
  });

  it("adding a closure over booked days: 409 for each appointment that day, then the plan moves every one", async () => {
    const config = await setup();
    const booked = [await at("09:00", "anna"), await at("10:00", "bruno")];
    const next = { ...config, closures: [WED] };
    const problem = await expectRefused(next, ["closure", "workshop_exceeded"]); // receptions, returns and their labour that day
    expect(new Set(problem.conflicts.map((c) => c.appointmentId))).toEqual(new Set(booked.map((b) => b.id)));
    const res = await put(next, `?planToken=${encodeURIComponent(problem.plan.planToken)}`);
    expect(res.status).toBe(200);
    const body = await json<DealerPutApplied>(res);
    expect(body.appliedPlan.moves).toHaveLength(2);
    for (const m of body.appliedPlan.moves) expect(m.to.reception.start.slice(0, 10)).not.toBe(WED);
    await expectNoOverbooking([WED, "2026-11-26", "2026-11-27"]);
  });

  it("refuses a stale plan token with 412 and changes nothing", async () => {
    const config = await setup();
    await at("10:00", "bruno");
    const next = { ...config, advisors: [{ id: "anna", name: "Anna Rossi" }] };
    const problem = await expectRefused(next, ["advisor_removed"]);
    await putDealer(t.api, D, { ...config, address: "Via Nuova 2" }); // the configuration moved on
    const before = state();
    await expectProblem(
      await put(next, `?planToken=${encodeURIComponent(problem.plan.planToken)}`),
      412,
      "version_conflict",
    );
    expect(state()).toEqual(before);
  });

  it("stores a change that strands nothing at once (a past or cancelled appointment does not hold the advisor)", async () => {
    const config = await setup();
    const a = await at("10:00", "bruno");
    expect((await t.api("POST", `/v1/dealers/${D}/appointments/${a.id}/cancel`, {}, auth)).status).toBe(200);
    expect((await put({ ...config, advisors: [{ id: "anna", name: "Anna Rossi" }] })).status).toBe(200);
  });
});

// Each appointment's own rules under the new configuration (core/config-guard/rule-checks.ts):
// an advisor's hours or absences, the desk's caps, the mobility it reserved. These were
// stored over the appointments they stranded (200, the board still showing them).
describe("PUT dealer: a change that breaks an appointment's own rules", () => {
  const AFTERNOONS = Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["14:00", "18:00"]]]));
  it.each([
    {
      change: "an absence of Anna over her 10:00 reception",
      advisors: [
        { id: "anna", name: "Anna Rossi", absences: [{ start: `${WED}T08:00`, end: `${WED}T13:00` }] },
        { id: "bruno", name: "Bruno Neri" },
      ],
      codes: ["advisor_absent"],
      message:
        /the reception at 2026-11-25T10:00:00\+01:00 is with Anna Rossi, whom the new configuration marks absent then/,
    },
    {
      change: "Anna's hours cut to afternoons",
      advisors: [
        { id: "anna", name: "Anna Rossi", workingHours: AFTERNOONS },
        { id: "bruno", name: "Bruno Neri" },
      ],
      codes: ["advisor_off_duty"],
      message: /is with Anna Rossi, who does not work then under the new hours/,
    },
  ])(
    "$change: 409 naming the appointment and why, then ?apply=plan hands it to Bruno at the same time",
    async ({ advisors, codes, message }) => {
      const config = await setup();
      const a = await at("10:00", "anna");
      const next = { ...config, advisors };
      const problem = await expectRefused(next, codes);
      expect(problem.conflicts.map((c) => c.appointmentId)).toEqual([a.id]);
      expect(problem.conflicts[0].reasons[0].message).toMatch(message);
      const res = await put(next, "?apply=plan");
      expect(res.status, await res.clone().text()).toBe(200);
      const now = await json<AppointmentView>(
        await t.api("GET", `/v1/dealers/${D}/appointments/${a.id}`, undefined, auth),
      );
      expect(now.reception).toMatchObject({ advisorId: "bruno", start: a.reception.start });
      await expectNoOverbooking([WED]);
    },
  );

  it("lower reception caps under Anna's receptions a quarter hour apart: 409 hourly_cap for the later one only (the earlier stays)", async () => {
    const config = await setup();
    await at("09:00", "anna");
    const later = await at("09:15", "anna");
    const problem = await expectProblem(
      await put({ ...config, receptionRules: { maxPerHour: 1 } }),
      409,
      "config_conflict",
    );
    expect(problem.conflicts.map((c) => c.appointmentId)).toEqual([later.id]);
    expect(new Set(problem.conflicts.flatMap((c) => c.reasons.map((r) => r.code)))).toEqual(new Set(["hourly_cap"]));
    expect(problem.conflicts[0].reasons[0].message).toMatch(
      /more than 1 receptions within one hour under the new limits/,
    );
  });

  it.each([
    { change: "pickup & delivery withdrawn", mobility: "pickup_delivery", next: { pickupDelivery: 0 } },
    { change: "taxi withdrawn", mobility: "taxi", next: { taxi: false } },
  ])("$change under a booking that has it: 409 mobility_not_offered", async ({ mobility, next }) => {
    const config = await setup();
    const a = await at("10:00", "anna", { mobility });
    const before = state();
    const problem = await expectProblem(
      await put({ ...config, mobility: { ...config.mobility, ...next } }),
      409,
      "config_conflict",
    );
    expect(state()).toEqual(before);
    expect(problem.conflicts).toEqual([
      expect.objectContaining({
        appointmentId: a.id,
        reasons: [expect.objectContaining({ code: "mobility_not_offered" })],
      }),
    ]);
  });

  it("fewer pickup & delivery runs than a half-day has booked: 409 mobility_unavailable", async () => {
    const config = await setup({
      mobility: { courtesyCars: 2, pickupDelivery: 4, taxi: true, rental: false, shuttle: false },
    });
    await at("09:00", "anna", { mobility: "pickup_delivery" });
    const later = await at("09:30", "bruno", { mobility: "pickup_delivery" });
    const problem = await expectProblem(
      await put({ ...config, mobility: { ...(config.mobility as object), pickupDelivery: 2 } }),
      409,
      "config_conflict",
    );
    expect(new Set(problem.conflicts.flatMap((c) => c.reasons.map((r) => r.code)))).toEqual(
      new Set(["mobility_unavailable"]),
    );
    expect(problem.conflicts.map((c) => c.appointmentId)).toEqual([later.id]); // the later gives way
  });

  it("stores a change that breaks nothing of the kind: an absence on a day Anna has no appointment", async () => {
    const config = await setup();
    await at("10:00", "anna");
    const advisors = [
      { id: "anna", name: "Anna Rossi", absences: [{ start: "2026-11-26T08:00", end: "2026-11-26T13:00" }] },
      { id: "bruno", name: "Bruno Neri" },
    ];
    expect((await put({ ...config, advisors })).status).toBe(200);
  });
});

describe("the capacity index and a removed advisor", () => {
  it("keeps the appointments of an advisor no longer configured (stored before the guard): their car stays taken", async () => {
    const config = await setup({
      mobility: { courtesyCars: 1, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
    });
    await at("10:00", "bruno", { mobility: "courtesy_car" });
    // As data written before this guard existed: bruno gone from the stored configuration.
    const json = JSON.parse(
      (t.sqlite.prepare("SELECT config_json FROM dealers WHERE id = ?").get(D) as { config_json: string }).config_json,
    ) as { advisors: Array<{ id: string }> };
    json.advisors = json.advisors.filter((x) => x.id !== "bruno");
    t.sqlite
      .prepare("UPDATE dealers SET config_json = ?, version = version + 1 WHERE id = ?")
      .run(JSON.stringify(json), D);
    // A restart builds the index from storage.
    const { sqlite, db } = openDatabase(t.dbPath);
    try {
      const app = createApp({ db, sqlite, now: t.deps.now, adminToken: ADMIN_TOKEN, rateLimits: false, log: () => {} });
      const res = await app.request(`/v1/dealers/${D}/appointments`, {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify(booking({ start: `${WED}T10:30`, advisorId: "anna" }, { mobility: "courtesy_car" })),
      });
      expect(res.status).toBe(409); // the one car is out with bruno's customer
      expect(config.advisors).toHaveLength(2);
    } finally {
      sqlite.close();
    }
  });
});
