import { describe, expect, it } from "vitest";
import { type AppointmentView, type DayBoard, json, type ProgressView, type TickResult } from "../support/contracts.js";
import {
  type Api,
  auth,
  book,
  booking,
  expectProblem,
  inProcess,
  ms,
  putDealer,
  readDb,
  romeDealer,
  useRealServer,
} from "../support/http.js";

// Progress and re-promise over HTTP (issue 13 item 3), on a real SQLite file: one
// mechanic (Luca) gets two 2 h maintenances received at 09:00 and 09:15 on Wednesday;
// the workshop's reports move the ready times, the returns, the car-ready calls and
// the progress checks, and the customers are told once. The app clock is a variable
// so that the check-in and the reports happen on the day itself.

const DAY = "2026-11-25"; // Wednesday, Europe/Rome (+01:00)
const roster = {
  workshop: {
    mechanical: [{ id: "luca", name: "Luca Verdi" }],
    diagnosis: [{ id: "dora", name: "Dora Neri" }],
    bodywork: [],
  },
};
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+01:00`);

async function setup(config: Record<string, unknown> = {}, mobility = ["none", "none"]) {
  const clock = { ms: Date.parse("2026-11-23T09:00:00Z") };
  const t = inProcess({ deps: { now: () => clock.ms } });
  await putDealer(t.api, "uno", romeDealer({ ...roster, ...config }));
  const a = await book(
    t.api,
    "uno",
    booking({ start: `${DAY}T09:00`, advisorId: "anna" }, { mobility: mobility[0] }),
    auth,
  );
  const b = await book(
    t.api,
    "uno",
    booking({ start: `${DAY}T09:15`, advisorId: "bruno" }, { mobility: mobility[1] }),
    auth,
  );
  const progress = (id: string, version: number | string, body: unknown, headers: Record<string, string> = {}) =>
    t.api("POST", `/v1/dealers/uno/appointments/${id}/progress`, body, {
      ...auth,
      "If-Match": String(version),
      ...headers,
    });
  const checkIn = async (id: string) => {
    const res = await t.api("POST", `/v1/dealers/uno/appointments/${id}/check-in`, {}, auth);
    expect(res.status).toBe(200);
    return (await json<AppointmentView>(res)).version as number;
  };
  const jobs = (id: string, kind: string) =>
    t.sqlite
      .prepare("SELECT due_at AS dueAt, status FROM jobs WHERE appointment_id = ? AND kind = ? ORDER BY due_at")
      .all(id, kind) as Array<{ dueAt: number; status: string }>;
  const pending = (id: string, kind: string) =>
    jobs(id, kind)
      .filter((j) => j.status === "pending")
      .map((j) => j.dueAt);
  const messages = (id: string, kind: string) =>
    t.sqlite
      .prepare("SELECT audience, status FROM outbox WHERE appointment_id = ? AND kind = ?")
      .all(id, kind) as Array<{ audience: string; status: string }>;
  /** The texts of an appointment's messages of one kind, as queued. */
  const texts = (id: string, kind: string) =>
    (
      t.sqlite
        .prepare("SELECT body_json AS b FROM outbox WHERE appointment_id = ? AND kind = ?")
        .all(id, kind) as Array<{
        b: string;
      }>
    ).map((r) => (JSON.parse(r.b) as { text: string }).text);
  const get = async (id: string) =>
    json<AppointmentView>(await t.api("GET", `/v1/dealers/uno/appointments/${id}`, undefined, auth));
  return { t, clock, a, b, progress, checkIn, pending, messages, texts, get };
}

describe("POST /v1/dealers/{dealerId}/appointments/{id}/progress", () => {
  it("more remaining hours move readyAt, the return slots and the ready calls of the technician's jobs; each customer is told once", async () => {
    const s = await setup();
    expect([s.a.readyAt, s.b.readyAt]).toEqual([`${DAY}T11:45:00+01:00`, `${DAY}T13:45:00+01:00`]);
    // The car's own timers wait for the car: none while it is not in.
    expect([s.pending(s.a.id, "progress_check"), s.pending(s.a.id, "car_ready")]).toEqual([[], []]);

    s.clock.ms = at("10:00");
    const version = await s.checkIn(s.a.id);
    await s.checkIn(s.b.id);
    // The 80 % progress check is planned at check-in: 96 of 120 minutes from 09:30.
    expect(s.pending(s.a.id, "progress_check")).toEqual([at("11:06")]);
    expect(s.pending(s.a.id, "car_ready")).toEqual([at("10:45")]);
    s.clock.ms = at("10:30");
    const res = await s.progress(s.a.id, version, { state: "started", remainingHours: 3 });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${version + 1}"`);
    const body = await json<ProgressView>(res);
    // One hour worked (09:30-10:30), three left: 13:30 + quality check → 13:45; B follows.
    expect(body.appointment.readyAt).toBe(`${DAY}T13:45:00+01:00`);
    expect(body.state).toBe("started");
    expect(body.conflicts).toEqual([]);
    expect(
      body.changes.map((c) => [c.appointmentId, c.readyAtBefore.slice(11, 16), c.readyAt.slice(11, 16), c.returnMoved]),
    ).toEqual([
      [s.a.id, "11:45", "13:45", true],
      [s.b.id, "13:45", "15:45", true],
    ]);
    const a = await s.get(s.a.id);
    const b = await s.get(s.b.id);
    expect(b.readyAt).toBe(`${DAY}T15:45:00+01:00`);
    // The returns follow, at or after the new time, with the same advisor.
    expect(ms(a.return!.start)).toBeGreaterThanOrEqual(ms(a.readyAt));
    expect(ms(b.return!.start)).toBeGreaterThanOrEqual(ms(b.readyAt));
    expect([a.return!.advisorId, b.return!.advisorId]).toEqual([s.a.return!.advisorId, s.b.return!.advisorId]);
    // The car-ready calls re-timed themselves (1 h before), the old ones are gone.
    expect(s.pending(s.a.id, "car_ready")).toEqual([at("12:45")]);
    expect(s.pending(s.b.id, "car_ready")).toEqual([at("14:45")]);
    // The progress check follows the plan: 80 % of 240 min from 09:30 (worked part included).
    expect(s.pending(s.a.id, "progress_check")).toEqual([at("12:42")]);
    // Exactly one ready_time_changed per customer, and nothing else about the move.
    expect(s.messages(s.a.id, "ready_time_changed")).toHaveLength(1);
    expect(s.messages(s.b.id, "ready_time_changed")).toHaveLength(1);
    expect(s.messages(s.a.id, "appointment_moved")).toHaveLength(0);

    // The day board shows the mechanic's jobs with their reported state.
    const board = await json<DayBoard>(await s.t.api("GET", `/v1/dealers/uno/days/${DAY}`, undefined, auth));
    const luca = board.technicians.find((x) => x.id === "luca");
    expect(luca!.jobs.map((j) => [j.appointmentId, j.start.slice(11, 16), j.end.slice(11, 16), j.state])).toEqual([
      [s.a.id, "09:30", "13:30", "started"],
      [s.b.id, "13:30", "15:30", "planned"],
    ]);

    // Paused at 11:00 (half an hour more worked): Luca takes B now, A's 150 minutes resume after it.
    s.clock.ms = at("11:00");
    const paused = await json<ProgressView>(await s.progress(s.a.id, a.version, { state: "paused" }));
    expect(paused.appointment.readyAt).toBe(`${DAY}T15:45:00+01:00`);
    expect((await s.get(s.b.id)).readyAt).toBe(`${DAY}T13:15:00+01:00`);
    // Each change of a promise is told once: A and B each moved twice now.
    expect(s.messages(s.a.id, "ready_time_changed")).toHaveLength(2);
    expect(s.messages(s.b.id, "ready_time_changed")).toHaveLength(2);
  });

  it.each([
    {
      locale: "it",
      says: "che non è stato possibile spostare (con la prima riconsegna libera, mer 25/11 alle 13:45, l'auto di cortesia non sarebbe disponibile)",
      customer: "La contatteremo per concordare quando riconsegnargliela.",
    },
    {
      locale: "en",
      says: "the return could not follow (with the first free return, Wed 25/11 at 13:45, the courtesy car would not be free)",
      customer: "We will contact you to agree when to hand it back.",
    },
  ])(
    "a return that would overbook the courtesy car is reported to the advisor ($locale), not moved",
    async ({ locale, says, customer }) => {
      // One courtesy car: A has it until its 11:45 return, C takes it from 12:15.
      const s = await setup(
        { locale, mobility: { courtesyCars: 1, pickupDelivery: 1, taxi: true, rental: false, shuttle: false } },
        ["courtesy_car", "none"],
      );
      const c = await book(
        s.t.api,
        "uno",
        booking({ start: `${DAY}T12:15`, advisorId: "bruno" }, { mobility: "courtesy_car" }),
        auth,
      );
      s.clock.ms = at("10:00");
      const version = await s.checkIn(s.a.id);
      s.clock.ms = at("10:30");
      const res = await s.progress(s.a.id, version, { state: "started", remainingHours: 3 });
      expect(res.status).toBe(200);
      const body = await json<ProgressView>(res);
      expect(body.appointment.readyAt).toBe(`${DAY}T13:45:00+01:00`);
      expect(body.conflicts).toEqual([
        {
          appointmentId: s.a.id,
          code: "mobility_unavailable",
          message: expect.any(String),
          returnStart: `${DAY}T13:45:00+01:00`,
        },
      ]);
      // The return stays where it was (the car is not double-booked) and the advisor has a task.
      expect(body.appointment.return!.start).toBe(s.a.return!.start);
      expect(body.changes.find((x) => x.appointmentId === s.a.id)!.returnMoved).toBe(false);
      expect(s.messages(s.a.id, "ready_conflict")).toEqual([{ audience: "staff", status: expect.any(String) }]);
      // The desk reads why in its own language and short dates, not the API's English and ISO instant.
      const [text] = s.texts(s.a.id, "ready_conflict");
      expect(text).toContain(says);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // The customer hears the new ready time, not a hand-back at 11:45 before the car is ready.
      const [told] = s.texts(s.a.id, "ready_time_changed");
      expect(told).toContain(customer);
      expect(told).not.toContain("11:45");
      const board = await json<DayBoard>(await s.t.api("GET", `/v1/dealers/uno/days/${DAY}`, undefined, auth));
      expect(board.mobility.courtesyCars.total).toBe(1);
      // C keeps its car: its own return still starts after its own ready time.
      const cNow = await s.get(c.id);
      expect(ms(cNow.return!.start)).toBeGreaterThanOrEqual(ms(cNow.readyAt));
    },
  );

  it("extra work not yet approved plans nothing and asks the advisor; approved, it is planned", async () => {
    const s = await setup();
    s.clock.ms = at("10:00");
    let version = await s.checkIn(s.a.id);
    s.clock.ms = at("10:30");
    const pending = await json<ProgressView>(
      await s.progress(s.a.id, version, {
        state: "started",
        extraWork: { description: "Front brake pads worn", hours: 1, approved: false },
      }),
    );
    expect(pending.appointment.readyAt).toBe(s.a.readyAt);
    expect(pending.changes).toEqual([]);
    expect(pending.extraWork).toEqual([
      { id: expect.any(String), description: "Front brake pads worn", hours: 1, status: "pending" },
    ]);
    expect(s.messages(s.a.id, "extra_work_approval")).toHaveLength(1);
    expect(s.messages(s.a.id, "ready_time_changed")).toHaveLength(0);
    version = pending.appointment.version;
    const approved = await json<ProgressView>(
      await s.progress(s.a.id, version, {
        state: "started",
        extraWork: { description: "Front brake pads worn", hours: 1, approved: true },
      }),
    );
    expect(approved.appointment.readyAt).toBe(`${DAY}T12:45:00+01:00`);
    expect(approved.extraWork).toEqual([
      { id: pending.extraWork[0].id, description: "Front brake pads worn", hours: 1, status: "approved" },
    ]);
    expect((await s.get(s.b.id)).readyAt).toBe(`${DAY}T14:45:00+01:00`);
  });

  it("done early brings the next job forward, and both returns with it; the 80 % check of a finished job is withdrawn", async () => {
    const s = await setup();
    s.clock.ms = at("10:00");
    const version = await s.checkIn(s.a.id);
    s.clock.ms = at("10:30");
    const done = await json<ProgressView>(await s.progress(s.a.id, version, { state: "done" }));
    expect(done.appointment.readyAt).toBe(`${DAY}T10:45:00+01:00`);
    expect((await s.get(s.b.id)).readyAt).toBe(`${DAY}T12:45:00+01:00`);
    expect(s.pending(s.a.id, "progress_check")).toEqual([]);
    // The returns come forward with their cars, each with its own advisor: B's to its new
    // ready time, A's not before an hour from now (the customer must be told in time).
    const [a, b] = [await s.get(s.a.id), await s.get(s.b.id)];
    expect([a.return!.start, a.return!.advisorId]).toEqual([`${DAY}T11:30:00+01:00`, "anna"]);
    expect([b.return!.start, b.return!.advisorId]).toEqual([`${DAY}T12:45:00+01:00`, "bruno"]);
    expect(done.changes.map((c) => [c.appointmentId, c.returnMoved])).toEqual([
      [s.a.id, true],
      [s.b.id, true],
    ]);
    // A's call would have been due at 09:45, already past: the ready_time_changed message
    // just sent is the customer's notice, so no car_ready follows it a minute later.
    expect(s.pending(s.a.id, "car_ready")).toEqual([]);
    const tick = await s.t.api("POST", "/v1/admin/tick", { deliver: false }, auth);
    expect(tick.status).toBe(200);
    expect(s.messages(s.a.id, "car_ready")).toEqual([]);
    expect(s.messages(s.a.id, "ready_time_changed")).toHaveLength(1);
  });

  it("If-Match: stale → 412, missing → 428; unknown fields and bad values → 400; a car not checked in → 409; staff only", async () => {
    const s = await setup();
    await expectProblem(await s.progress(s.a.id, s.a.version, { state: "started" }), 409, "invalid_transition");
    s.clock.ms = at("10:00");
    const version = await s.checkIn(s.a.id);
    await expectProblem(await s.progress(s.a.id, version - 1, { state: "started" }), 412, "version_conflict");
    await expectProblem(
      await s.t.api("POST", `/v1/dealers/uno/appointments/${s.a.id}/progress`, { state: "started" }, auth),
      428,
      "precondition_required",
    );
    await expectProblem(
      await s.progress(s.a.id, version, { state: "started", colour: "red" }),
      400,
      "validation_failed",
    );
    await expectProblem(await s.progress(s.a.id, version, { state: "finished" }), 400, "validation_failed");
    await expectProblem(
      await s.progress(s.a.id, version, { state: "started", remainingHours: -1 }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await s.progress(s.a.id, version, { state: "started", extraWork: { description: "x", hours: 1 } }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await s.t.api(
        "POST",
        `/v1/dealers/uno/appointments/${s.a.id}/progress`,
        { state: "started" },
        { "If-Match": String(version) },
      ),
      401,
      "unauthorized",
    );
    await expectProblem(await s.progress("nope", version, { state: "started" }), 404, "not_found");
    // Nothing above was written: the version is still the check-in's.
    expect((await s.get(s.a.id)).version).toBe(version);
  });

  it("the progress check falls due at 80 % of the planned labour as a task for the advisor", async () => {
    const s = await setup();
    s.clock.ms = at("10:00");
    await s.checkIn(s.a.id);
    s.clock.ms = at("11:07");
    const res = await s.t.api("POST", "/v1/admin/tick", { deliver: false }, auth);
    expect(res.status).toBe(200);
    const ran = await json<TickResult>(res);
    expect(ran.jobs.filter((j) => j.kind === "progress_check").map((j) => [j.appointmentId, j.dueAt])).toEqual([
      [s.a.id, new Date(at("11:06")).toISOString()],
    ]);
    expect(s.messages(s.a.id, "progress_check")).toEqual([{ audience: "staff", status: expect.any(String) }]);
    // B's car is not in the workshop yet: its check does not fire before it is due anyway.
    expect(s.messages(s.b.id, "progress_check")).toEqual([]);
  });
});

describe("progress over the real server (Node, frozen clock at Monday 10:00 Rome)", () => {
  const real = useRealServer();
  const http: Api = (...args) => real.http(...args);

  it("a started job with three hours left moves readyAt and the return; the customer is told once", async () => {
    await putDealer(http, "real", romeDealer(roster));
    const a = await book(http, "real", booking({ start: "2026-11-23T14:00", advisorId: "anna" }), auth);
    expect(a.readyAt).toBe("2026-11-23T16:45:00+01:00");
    const checkIn = await http("POST", `/v1/dealers/real/appointments/${a.id}/check-in`, {}, auth);
    const version = (await json<AppointmentView>(checkIn)).version;
    const res = await http(
      "POST",
      `/v1/dealers/real/appointments/${a.id}/progress`,
      { state: "started", remainingHours: 3 },
      { ...auth, "If-Match": `"${version}"`, "Idempotency-Key": "progress-1" },
    );
    expect(res.status).toBe(200);
    const body = await json<ProgressView>(res);
    // The car reaches the workshop at 14:30: three hours to 17:30, checked by 17:45.
    expect(body.appointment.readyAt).toBe("2026-11-23T17:45:00+01:00");
    expect(ms(body.appointment.return!.start)).toBeGreaterThanOrEqual(ms(body.appointment.readyAt));
    expect(body.appointment.return!.advisorId).toBe("anna");
    // The contract's answer is the appointment itself (api-contract.md, 1.1): its fields at
    // the top level, the same as in `appointment`.
    const { appointment, state, extraWork, changes, conflicts, ...top } = body;
    expect(top).toEqual(appointment);
    expect(body.readyAt).toBe("2026-11-23T17:45:00+01:00");
    expect(body.return).toEqual(appointment.return);
    expect([state, extraWork.length, changes.length, conflicts.length]).toEqual(["started", 0, 1, 0]);
    // The same report again with the same key is a replay, not a second re-plan.
    const again = await http(
      "POST",
      `/v1/dealers/real/appointments/${a.id}/progress`,
      { state: "started", remainingHours: 3 },
      { ...auth, "If-Match": `"${version}"`, "Idempotency-Key": "progress-1" },
    );
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const db = readDb(real.server.dbPath);
    try {
      expect(
        db
          .prepare("SELECT count(*) AS n FROM outbox WHERE appointment_id = ? AND kind = 'ready_time_changed'")
          .all(a.id),
      ).toEqual([{ n: 1 }]);
      const ready = db
        .prepare("SELECT due_at AS d FROM jobs WHERE appointment_id = ? AND kind = 'car_ready' AND status = 'pending'")
        .all(a.id);
      expect(ready).toEqual([{ d: Date.parse("2026-11-23T16:45:00+01:00") }]);
    } finally {
      db.close();
    }
  });
});
