import { describe, expect, it } from "vitest";
import { type AvailabilityResponse, type DayBoard, json } from "../support/contracts.js";
import { auth, book, booking, inProcess, ms, putDealer, romeDealer } from "../support/http.js";

// Honest ready times over HTTP: a dealer with ONE mechanic (a roster) gets three 2 h
// maintenances received at 09:00, 09:15 and 09:30; each car is promised when that
// mechanic can really have finished it, and the day board shows the mechanic's jobs in order.

const DAY = "2026-11-25";
const roster = {
  workshop: {
    mechanical: [{ id: "luca", name: "Luca Verdi" }],
    diagnosis: [{ id: "dora", name: "Dora Neri" }],
    bodywork: [],
  },
};

/** A dealer with one body shop technician (Bea), and 12 h of bodywork received on DAY at 14:00. */
async function bodyworkAtTwo(t: ReturnType<typeof inProcess>, overrides: Record<string, unknown> = {}) {
  await putDealer(
    t.api,
    "uno",
    romeDealer({ workshop: { ...roster.workshop, bodywork: [{ id: "bea", name: "Bea Rossi" }] } }),
  );
  return book(
    t.api,
    "uno",
    booking({ start: `${DAY}T14:00`, advisorId: "anna" }, { interventions: ["bodywork"], ...overrides }),
    auth,
  );
}

describe("technician plans over HTTP", () => {
  it("three 2 h jobs on one mechanic are promised at least 2 h apart, and the day board lists them in order", async () => {
    const t = inProcess();
    await putDealer(t.api, "uno", romeDealer(roster));
    const starts = ["09:00", "09:15", "09:30"];
    const booked = [];
    for (const [i, s] of starts.entries())
      booked.push(
        await book(t.api, "uno", booking({ start: `${DAY}T${s}`, advisorId: i === 1 ? "bruno" : "anna" }), auth),
      );
    const ready = booked.map((b) => b.readyAt as string);
    expect(ready).toEqual([`${DAY}T11:45:00+01:00`, `${DAY}T13:45:00+01:00`, `${DAY}T15:45:00+01:00`]);
    for (let i = 1; i < ready.length; i++) expect(ms(ready[i]) - ms(ready[i - 1])).toBeGreaterThanOrEqual(2 * 3600_000);
    // Each return proposal follows the honest ready time.
    for (const b of booked) expect(ms(b.return!.start)).toBeGreaterThanOrEqual(ms(b.readyAt));

    const board = await json<DayBoard>(await t.api("GET", `/v1/dealers/uno/days/${DAY}`, undefined, auth));
    const luca = board.technicians.find((x) => x.id === "luca");
    expect(luca!.skills).toEqual(["mechanical"]);
    expect(luca!.jobs.map((j) => [j.appointmentId, j.start.slice(11, 16), j.end.slice(11, 16), j.state])).toEqual([
      [booked[0].id, "09:30", "11:30", "planned"],
      [booked[1].id, "11:30", "13:30", "planned"],
      [booked[2].id, "13:30", "15:30", "planned"],
    ]);
    expect(board.technicians.find((x) => x.id === "dora")!.jobs).toEqual([]);
    // Per skill, booked vs capacity as before: one mechanic's 10 opening hours, 6 h booked.
    expect(board.workshop.mechanical).toEqual({ capacityHours: 10, bookedHours: 6 });
  });

  it("the search offers nothing a technician cannot finish: with no body shop technician, bodywork has no options", async () => {
    const t = inProcess();
    await putDealer(t.api, "uno", romeDealer(roster));
    const res = await t.api("POST", "/v1/dealers/uno/availability", { interventions: ["bodywork"] });
    const body = await json<AvailabilityResponse>(res);
    expect(res.status).toBe(200);
    expect(body.options).toEqual([]);
  });
  it("a job longer than a day shows on every day it runs, on its technician's board and in the skill's booked hours", async () => {
    const t = inProcess();
    // 12 h of bodywork received at 14:00: the body shop works it over the following days.
    const b = await bodyworkAtTwo(t);
    const days = ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30"];
    let total = 0;
    const ran: string[] = [];
    for (const d of days) {
      const board = await json<DayBoard>(await t.api("GET", `/v1/dealers/uno/days/${d}`, undefined, auth));
      const jobs = board.technicians.find((x) => x.id === "bea")!.jobs;
      const hours = jobs.reduce((h, j) => h + j.labourHours, 0);
      expect(board.workshop.bodywork.bookedHours).toBe(hours);
      for (const j of jobs) {
        expect(j.appointmentId).toBe(b.id);
        expect(j.start.slice(0, 10)).toBe(d);
        expect(ms(j.end)).toBeLessThanOrEqual(ms(b.readyAt));
      }
      if (jobs.length) ran.push(d);
      total += hours;
    }
    expect(total).toBe(12);
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(ran).toContain(b.readyAt.slice(0, 10));
  });

  it("a job carried over from an earlier day is named in carriedOver (the day has no slot of it), and nothing else is", async () => {
    const t = inProcess();
    // 12 h of bodywork received on Wednesday at 14:00 runs on over the following days.
    const b = await bodyworkAtTwo(t, {
      customer: { known: true, name: "Carla Carryover", phone: "+39 333 7654321" },
      vehicle: { model: "Levante", plate: "GH123JK" },
    });
    // An ordinary job received on Thursday: its customer is on Thursday's slots, not here.
    const same = await book(t.api, "uno", booking({ start: "2026-11-26T09:00", advisorId: "bruno" }), auth);
    const boardOf = (d: string) => t.api("GET", `/v1/dealers/uno/days/${d}`, undefined, auth).then(json<DayBoard>);
    expect((await boardOf(DAY)).carriedOver).toEqual([]); // received that day: its slot names it
    const thursday = await boardOf("2026-11-26");
    expect(thursday.technicians.find((x) => x.id === "bea")!.jobs.map((j) => j.appointmentId)).toContain(b.id);
    expect(thursday.carriedOver).toEqual([
      {
        appointmentId: b.id,
        receptionStart: b.reception.start,
        customer: { name: "Carla Carryover", phone: "+39 333 7654321", email: null },
        vehicle: { model: "Levante", plate: "GH123JK" },
      },
    ]);
    expect(thursday.carriedOver.map((x) => x.appointmentId)).not.toContain(same.id);
    // The last day's work: still carried over; none once the car is ready.
    const last = b.readyAt.slice(0, 10);
    expect((await boardOf(last)).carriedOver.map((x) => x.appointmentId)).toEqual([b.id]);
    expect((await boardOf("2026-12-04")).carriedOver).toEqual([]);
  });
});
