import { describe, expect, it } from "vitest";
import { type AppointmentView, json, type ProgressView } from "../support/contracts.js";
import { auth, book, booking, CUSTOMER, expectProblem, inProcess, putDealer, romeDealer } from "../support/http.js";

// A job that finishes early (shared/domain.md, "The workshop, by technician"): the
// promise moves, and so do the return appointment, the courtesy car's stay and the
// car-ready call; the customer is told once. Over HTTP on a real SQLite file, with the
// app's clock a variable so the check-in and the report happen on the day itself.
//
// The day: Monday 2026-11-23 (Europe/Rome, +01:00). A (Anna's customer, with the dealer's
// only courtesy car) is received 11:15-11:45; Luca works 12:00-14:00, the quality check
// makes it ready 14:15, and the return is 14:15-14:30 with Anna: the car is out 11:15-14:30.

const DAY = "2026-11-23";
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+01:00`);
const local = (iso: string | null | undefined) => iso?.slice(11, 16);
const roster = {
  workshop: {
    mechanical: [{ id: "luca", name: "Luca Verdi" }],
    diagnosis: [{ id: "dora", name: "Dora Neri" }],
    bodywork: [],
  },
  mobility: { courtesyCars: 1, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
};

async function setup(customer: Record<string, unknown> = CUSTOMER) {
  const clock = { ms: at("10:00") };
  const t = inProcess({ deps: { now: () => clock.ms } });
  await putDealer(t.api, "uno", romeDealer(roster));
  const a = await book(
    t.api,
    "uno",
    booking({ start: `${DAY}T11:15`, advisorId: "anna" }, { mobility: "courtesy_car", customer }),
    auth,
  );
  const checkIn = async (id: string) => {
    const res = await t.api("POST", `/v1/dealers/uno/appointments/${id}/check-in`, {}, auth);
    expect(res.status).toBe(200);
    return (await json<AppointmentView>(res)).version as number;
  };
  const progress = async (id: string, version: number, body: unknown) => {
    const res = await t.api("POST", `/v1/dealers/uno/appointments/${id}/progress`, body, {
      ...auth,
      "If-Match": String(version),
    });
    expect(res.status).toBe(200);
    return json<ProgressView>(res);
  };
  const pending = (id: string, kind: string) =>
    (
      t.sqlite
        .prepare("SELECT due_at AS d FROM jobs WHERE appointment_id = ? AND kind = ? AND status = 'pending'")
        .all(id, kind) as Array<{ d: number }>
    ).map((j) => j.d);
  /** The kinds of the customer messages queued for an appointment, oldest first. */
  const customerKinds = (id: string) =>
    (
      t.sqlite
        .prepare("SELECT kind FROM outbox WHERE appointment_id = ? AND audience = 'customer' ORDER BY rowid")
        .all(id) as Array<{ kind: string }>
    ).map((m) => m.kind);
  const get = async (id: string) =>
    json<AppointmentView>(await t.api("GET", `/v1/dealers/uno/appointments/${id}`, undefined, auth));
  return { t, clock, a, checkIn, progress, pending, customerKinds, get };
}

/** Another customer, new to the dealer (30-minute reception), at Anna's desk. */
const newcomer = (start: string, n: number, mobility = "none") =>
  booking(
    { start: `${DAY}T${start}`, advisorId: "anna" },
    {
      mobility,
      vehicle: { model: "Levante", vin: `ZN6XXXXXXXX00010${n}` },
      customer: {
        ...CUSTOMER,
        known: false,
        name: `Nuovo ${n}`,
        email: `nuovo${n}@example.com`,
        phone: `+39 333 000000${n}`,
      },
    },
  );

describe("a job that finishes early", () => {
  it("brings the return forward (same advisor, an hour's notice), shortens the courtesy car's stay, moves the car-ready call and tells the customer once", async () => {
    const s = await setup();
    expect([local(s.a.readyAt), local(s.a.return!.start), s.a.return!.advisorId]).toEqual(["14:15", "14:15", "anna"]);
    s.clock.ms = at("11:15");
    const version = await s.checkIn(s.a.id);
    expect(s.pending(s.a.id, "car_ready")).toEqual([at("13:15")]);
    const before = s.customerKinds(s.a.id).length;
    // The dealer's only car is out until 14:30: another courtesy-car customer at 13:30 is refused.
    const refused = await s.t.api("POST", "/v1/dealers/uno/appointments", newcomer("13:30", 1, "courtesy_car"), auth);
    const problem = await expectProblem(refused, 409, "slot_unavailable");
    expect(problem.violations.map((v) => v.code)).toEqual(["mobility_unavailable"]);

    // Started on time at 12:00, one hour left: ready 13:15 instead of 14:15.
    s.clock.ms = at("12:00");
    const body = await s.progress(s.a.id, version, { state: "started", remainingHours: 1 });
    expect(local(body.appointment.readyAt)).toBe("13:15");
    // The return follows the car forward, with the same advisor, at the new ready time
    // (an hour's notice would allow 13:00 at the earliest).
    expect([local(body.appointment.return!.start), body.appointment.return!.advisorId]).toEqual(["13:15", "anna"]);
    expect(body.changes).toEqual([
      {
        appointmentId: s.a.id,
        readyAtBefore: `${DAY}T14:15:00+01:00`,
        readyAt: `${DAY}T13:15:00+01:00`,
        returnStart: `${DAY}T13:15:00+01:00`,
        returnMoved: true,
        customerMessage: "sent:sms",
      },
    ]);
    expect(body.conflicts).toEqual([]);
    expect((await s.get(s.a.id)).return!.start).toBe(`${DAY}T13:15:00+01:00`);
    // The car-ready call follows the new ready time (an hour before it); the old one is gone.
    expect(s.pending(s.a.id, "car_ready")).toEqual([at("12:15")]);
    // Exactly one customer message about the change, and it says when the car is handed back.
    expect(s.customerKinds(s.a.id).slice(before)).toEqual(["ready_time_changed"]);
    const told = s.t.sqlite
      .prepare("SELECT body_json FROM outbox WHERE appointment_id = ? AND kind = 'ready_time_changed'")
      .get(s.a.id) as { body_json: string };
    expect((JSON.parse(told.body_json) as { text: string }).text).toMatch(/13:15\.[^.]*riconsegnerà[^.]*13:15/);

    // The courtesy car is back at 13:30: the same booking is taken now.
    const c = await s.t.api("POST", "/v1/dealers/uno/appointments", newcomer("13:30", 1, "courtesy_car"), auth);
    expect(c.status).toBe(201);
  });

  it.each([
    {
      name: "the advisor has no free slot between the new ready time and the return",
      fill: ["13:15", "13:45"], // two new customers' 30-minute receptions: Anna busy 13:15-14:15
      report: { clock: "12:00", remainingHours: 1 },
      readyAt: "13:15",
    },
    {
      name: "the customer could not be told in time (the return is within the hour)",
      fill: [],
      report: { clock: "13:15", remainingHours: 0.25 }, // ready 13:45; an hour's notice is 14:15
      readyAt: "13:45",
    },
  ])("keeps the return when $name, and says why", async ({ fill, report, readyAt }) => {
    const s = await setup();
    for (const [n, start] of fill.entries()) await book(s.t.api, "uno", newcomer(start, n + 2), auth);
    s.clock.ms = at("11:15");
    const version = await s.checkIn(s.a.id);
    const before = s.customerKinds(s.a.id).length;
    s.clock.ms = at(report.clock);
    const body = await s.progress(s.a.id, version, { state: "started", remainingHours: report.remainingHours });
    expect(local(body.appointment.readyAt)).toBe(readyAt);
    expect(local(body.appointment.return!.start)).toBe("14:15");
    expect(body.changes.filter((c) => c.appointmentId === s.a.id)).toEqual([
      expect.objectContaining({
        returnStart: `${DAY}T14:15:00+01:00`,
        returnMoved: false,
        returnKept: { code: "no_earlier_return", message: expect.stringContaining("it stays") },
      }),
    ]);
    // Not a conflict: the customer's return still holds, the advisor gets no task.
    expect(body.conflicts).toEqual([]);
    expect(s.customerKinds(s.a.id).slice(before)).toEqual(["ready_time_changed"]);
    // Told once: a car-ready call whose new time has passed is recorded, not sent as well.
    const calls = s.t.sqlite
      .prepare("SELECT status, outcome, due_at AS d FROM jobs WHERE appointment_id = ? AND kind = 'car_ready'")
      .all(s.a.id) as Array<{ status: string; outcome: string | null; d: number }>;
    expect(calls.filter((c) => c.status === "pending" && c.d <= s.clock.ms)).toEqual([]);
    if (report.clock === "13:15") expect(calls).toContainEqual(expect.objectContaining({ outcome: "skipped:told" }));
  });

  it("keeps a return agreed for later than the car was to be ready: it was not following the car", async () => {
    const s = await setup();
    // The customer can only come at 16:30 (after work): the desk moved the return there.
    const moved = await s.t.api(
      "PATCH",
      `/v1/dealers/uno/appointments/${s.a.id}`,
      { return: { start: `${DAY}T16:30` } },
      { ...auth, "If-Match": "1" },
    );
    expect(moved.status).toBe(200);
    s.clock.ms = at("11:15");
    const version = await s.checkIn(s.a.id);
    s.clock.ms = at("12:00");
    const body = await s.progress(s.a.id, version, { state: "started", remainingHours: 1 });
    expect(local(body.appointment.readyAt)).toBe("13:15");
    expect(local(body.appointment.return!.start)).toBe("16:30");
    expect(body.changes).toEqual([expect.objectContaining({ returnMoved: false })]);
    expect(body.changes[0]).not.toHaveProperty("returnKept");
  });

  it("keeps the return of a customer who cannot be told (no consent to messages), and says why", async () => {
    const s = await setup({ ...CUSTOMER, reminders: { consent: false } });
    s.clock.ms = at("11:15");
    const version = await s.checkIn(s.a.id);
    s.clock.ms = at("12:00");
    const body = await s.progress(s.a.id, version, { state: "started", remainingHours: 1 });
    expect(local(body.appointment.readyAt)).toBe("13:15");
    expect(local(body.appointment.return!.start)).toBe("14:15");
    expect(body.changes).toEqual([
      expect.objectContaining({
        returnMoved: false,
        customerMessage: "skipped:no_consent",
        returnKept: { code: "customer_not_told", message: expect.stringContaining("stays") },
      }),
    ]);
  });

  it("a late job still moves its return after the car, as before", async () => {
    const s = await setup();
    s.clock.ms = at("11:15");
    const version = await s.checkIn(s.a.id);
    s.clock.ms = at("12:00");
    const body = await s.progress(s.a.id, version, { state: "started", remainingHours: 3 });
    expect(local(body.appointment.readyAt)).toBe("15:15");
    expect([local(body.appointment.return!.start), body.appointment.return!.advisorId]).toEqual(["15:15", "anna"]);
    expect(body.changes).toEqual([expect.objectContaining({ returnMoved: true })]);
    expect(body.changes[0]).not.toHaveProperty("returnKept");
    expect(s.pending(s.a.id, "car_ready")).toEqual([at("14:15")]);
  });
});
