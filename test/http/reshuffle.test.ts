import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer } from "../support/server.js";
import type { DealerConfig } from "../../src/core/dealer-config.js";
import { progressCheckAt } from "../../src/scheduler/journey/progress-check.js";
import { type AppointmentView, json, type ReshufflePlan } from "../support/contracts.js";
import { validate } from "../support/json-schema.js";
import {
  type Api,
  auth,
  book,
  booking,
  expectProblem,
  fetchApi,
  freshDealers,
  inProcessPerFile,
  ms,
  putDealer,
  readDb,
  romeDealer,
} from "../support/http.js";

// Reshuffling the day (staff): swap, sick advisor, walk-in, running late. Each has a dry
// run (mode "plan": nothing stored) and an apply (one transaction, one audit row, 412 on a
// stale plan). Clock: frozen at Monday 2026-11-23 10:00 in Rome (09:00Z); the days
// reshuffled are that Monday and Tuesday 24 November.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);

const TUE = "2026-11-24";
const MON = "2026-11-23";
/** No express reserve: these tests are about the reshuffle, not the priority vehicles' hold. */
const NO_RESERVE = { reservedReceptions: { morning: 0, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 };
const THREE = [
  { id: "anna", name: "Anna Rossi" },
  { id: "bruno", name: "Bruno Neri" },
  { id: "carla", name: "Carla Verdi" },
];

const freshDealer = freshDealers(api, "reshuffle");
const dealer = (overrides: Record<string, unknown> = {}) =>
  freshDealer({ advisors: THREE, express: NO_RESERVE, ...overrides });

/** Staff books a maintenance (15 min) reception, or another intervention, at a local time. */
async function bookAt(
  dealerId: string,
  local: string,
  advisorId: string,
  interventions = ["maintenance"],
): Promise<AppointmentView> {
  return book(api, dealerId, booking({ start: local, advisorId }, { interventions, channel: "phone" }), auth);
}

const post = (dealerId: string, kind: string, body: unknown, headers: Record<string, string> = {}) =>
  api("POST", `/v1/dealers/${dealerId}/reshuffle/${kind}`, body, { ...auth, ...headers });
async function plan(dealerId: string, kind: string, body: unknown): Promise<ReshufflePlan> {
  const res = await post(dealerId, kind, body);
  const planned = await json<ReshufflePlan>(res);
  if (res.status !== 200) throw new Error(`${kind} plan: ${res.status} ${JSON.stringify(planned)}`);
  expect(planned.mode).toBe("plan");
  return planned;
}
/**
 * Every appointment's pending progress checks, against the one its stored labour plan
 * calls for now (journey/progress-check.ts): a move that re-plans labour re-times it.
 */
function progressChecks(dealerId: string) {
  const rows = t.sqlite
    .prepare("SELECT id, labour_json, status FROM appointments WHERE dealer_id = ? ORDER BY id")
    .all(dealerId) as Array<{ id: string; labour_json: string; status: string }>;
  return rows.map((r) => ({
    id: r.id,
    pending: (
      t.sqlite
        .prepare("SELECT due_at FROM jobs WHERE appointment_id = ? AND kind = 'progress_check' AND status = 'pending'")
        .all(r.id) as Array<{ due_at: number }>
    ).map((j) => j.due_at),
    // Only a car in the workshop has one (journey/progress-check.ts).
    planned: r.status === "checked_in" ? [progressCheckAt(r.labour_json)].filter((at) => at !== null) : [],
  }));
}
const get = async (dealerId: string, id: string) =>
  json<AppointmentView>(await api("GET", `/v1/dealers/${dealerId}/appointments/${id}`, undefined, auth));
const auditRows = (dealerId: string, action: string) =>
  t.sqlite
    .prepare(
      "SELECT appointment_id, actor, before_json, after_json, reason FROM audit_log WHERE dealer_id = ? AND action = ? ORDER BY id",
    )
    .all(dealerId, action) as Array<{
    appointment_id: string;
    actor: string;
    before_json: string;
    after_json: string;
    reason: string | null;
  }>;

describe("sick advisor (absence)", () => {
  it("dry run stores nothing; apply keeps every time with another advisor, records the absence and one audit row", async () => {
    const d = await dealer();
    const a = [
      await bookAt(d, `${TUE}T09:00`, "anna"),
      await bookAt(d, `${TUE}T10:00`, "anna"),
      await bookAt(d, `${TUE}T11:00`, "anna"),
    ];
    const other = await bookAt(d, `${TUE}T15:00`, "anna"); // after the absence: untouched
    const body = { advisorId: "anna", start: `${TUE}T08:00`, end: `${TUE}T13:00`, reason: "sick" };

    const before = t.snapshot();
    const p = await plan(d, "absence", body);
    expect(t.snapshot()).toEqual(before);
    expect(p.moves.map((m) => m.appointmentId).sort()).toEqual(a.map((x) => x.id).sort());
    for (const m of p.moves) {
      expect(m).toMatchObject({
        version: 1,
        timeChanged: false,
        advisorChanged: true,
        notifyCustomer: false,
        forced: false,
        shiftMinutes: 0,
      });
      expect(m.to.reception.advisorId).not.toBe("anna");
      expect(ms(m.to.reception.start)).toBe(ms(m.from.reception.start));
    }
    expect(p.contact).toEqual([]);
    expect(p.notify).toEqual([]);
    expect(p.summary).toMatchObject({ moves: 3, timeChanges: 0, contact: 0 });
    expect(p.absence).toMatchObject({ advisorId: "anna", reason: "sick" });

    const res = await post(d, "absence", { ...body, mode: "apply", planToken: p.planToken });
    const applied = await json<ReshufflePlan>(res);
    expect(res.status, JSON.stringify(applied)).toBe(200);
    expect(applied.mode).toBe("applied");
    for (const m of applied.moves) {
      expect(m.newVersion).toBe(2);
      const now = await get(d, m.appointmentId);
      expect(now.version).toBe(2);
      expect(now.reception.advisorId).toBe(m.to.reception.advisorId);
      expect(ms(now.reception.start)).toBe(ms(m.from.reception.start));
    }
    expect((await get(d, other.id)).version).toBe(1);
    const config = JSON.parse(
      (t.sqlite.prepare("SELECT config_json FROM dealers WHERE id = ?").get(d) as { config_json: string }).config_json,
    ) as DealerConfig;
    expect(config.advisors.find((x) => x.id === "anna")!.absences).toEqual([
      { start: `${TUE}T08:00`, end: `${TUE}T13:00`, reason: "sick" },
    ]);
    const rows = auditRows(d, "reshuffle:absence");
    expect(rows).toHaveLength(1);
    expect((JSON.parse(rows[0].after_json) as ReshufflePlan).moves.map((m) => m.appointmentId).sort()).toEqual(
      a.map((x) => x.id).sort(),
    );
    expect(rows[0].reason).toBe("sick"); // the absence's reason is the reshuffle's

    // The absence is in force: Anna cannot be booked in it any more.
    const again = await api(
      "POST",
      `/v1/dealers/${d}/appointments`,
      booking({ start: `${TUE}T09:30`, advisorId: "anna" }),
      auth,
    );
    const problem = await expectProblem(again, 409, "slot_unavailable");
    expect(problem.violations.map((v) => v.code)).toContain("advisor_absent");
    // The same token again: everything it was computed on has changed.
    await expectProblem(
      await post(d, "absence", { ...body, mode: "apply", planToken: p.planToken }),
      412,
      "version_conflict",
    );
  });

  it("changes a time only when nobody is free then (nearest time, flagged), and lists for contact with two options", async () => {
    const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
    const x = await bookAt(d, `${TUE}T09:00`, "anna");
    const p = await plan(d, "absence", { advisorId: "anna", start: `${TUE}T08:00`, end: `${TUE}T10:00` });
    expect(p.moves).toHaveLength(1);
    expect(p.moves[0]).toMatchObject({
      appointmentId: x.id,
      timeChanged: true,
      advisorChanged: false,
      notifyCustomer: true,
      shiftMinutes: 60,
    });
    expect(ms(p.moves[0].to.reception.start)).toBe(ms(`${TUE}T10:00:00+01:00`));
    expect(p.notify).toEqual([x.id]);

    const whole = await plan(d, "absence", { advisorId: "anna", start: `${TUE}T00:00`, end: `${TUE}T23:59` });
    expect(whole.moves).toEqual([]);
    expect(whole.contact).toHaveLength(1);
    expect(whole.contact[0]).toMatchObject({ appointmentId: x.id, version: 1 });
    expect(whole.contact[0].violations.map((v) => v.code)).toContain("advisor_absent");
    expect(whole.contact[0].violations[0].message).toMatch(/Anna Rossi is absent/);
    expect(whole.contact[0].options.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a stale plan with 412 and the plan as it is now, stores nothing; asks for a guard (428)", async () => {
    const d = await dealer();
    const x = await bookAt(d, `${TUE}T09:00`, "anna");
    const y = await bookAt(d, `${TUE}T10:00`, "anna");
    const body = { advisorId: "anna", start: `${TUE}T08:00`, end: `${TUE}T12:00` };
    const p = await plan(d, "absence", body);
    await expectProblem(await post(d, "absence", { ...body, mode: "apply" }), 428, "precondition_required");
    // Another advisor moves y meanwhile (out of the absence).
    const moved = await api(
      "PATCH",
      `/v1/dealers/${d}/appointments/${y.id}`,
      { reception: { start: `${TUE}T14:00` } },
      { ...auth, "If-Match": "1" },
    );
    expect(moved.status).toBe(200);
    const before = t.snapshot();
    const stale = await expectProblem(
      await post(d, "absence", { ...body, mode: "apply", planToken: p.planToken }),
      412,
      "version_conflict",
    );
    expect(stale).toMatchObject({ appointmentId: y.id, expectedVersion: 1, currentVersion: 2 });
    expect(stale.plan.moves.map((m) => m.appointmentId)).toEqual([x.id]);
    await expectProblem(
      await post(d, "absence", { ...body, mode: "apply", expectedVersions: { [x.id]: 7 } }),
      412,
      "version_conflict",
    );
    expect(t.snapshot()).toEqual(before);
    // With the fresh plan's token it goes through.
    const ok = await post(d, "absence", { ...body, mode: "apply", planToken: stale.plan.planToken });
    expect(ok.status).toBe(200);
  });
});

describe("swap", () => {
  it("exchanges two slots in one transaction (dry run, then apply)", async () => {
    const d = await dealer();
    const a = await bookAt(d, `${TUE}T09:00`, "anna");
    const b = await bookAt(d, `${TUE}T11:00`, "bruno", ["diagnosis"]);
    const body = { appointmentIds: [a.id, b.id] };
    const p = await plan(d, "swap", body);
    expect(p.moves).toHaveLength(2);
    const res = await post(d, "swap", { ...body, mode: "apply", planToken: p.planToken, reason: "customer request" });
    expect(res.status).toBe(200);
    const [na, nb] = [await get(d, a.id), await get(d, b.id)];
    expect({ advisor: na.reception.advisorId, start: ms(na.reception.start), version: na.version }).toEqual({
      advisor: "bruno",
      start: ms(`${TUE}T11:00:00+01:00`),
      version: 2,
    });
    expect({ advisor: nb.reception.advisorId, start: ms(nb.reception.start), version: nb.version }).toEqual({
      advisor: "anna",
      start: ms(`${TUE}T09:00:00+01:00`),
      version: 2,
    });
    const rows = auditRows(d, "reshuffle:swap");
    expect(rows).toHaveLength(1);
    expect(rows[0].reason).toBe("customer request");
    expect(JSON.parse(rows[0].after_json).moves).toHaveLength(2);
  });

  it("is atomic: when one side no longer fits, neither moves (409 with each broken rule and alternatives)", async () => {
    const d = await dealer();
    const a = await bookAt(d, `${TUE}T09:00`, "anna");
    const b = await bookAt(d, `${TUE}T11:00`, "bruno", ["diagnosis"]); // 30 minutes
    const body = { appointmentIds: [a.id, b.id] };
    const p = await plan(d, "swap", body);
    // Meanwhile Anna gets 09:15: b's 30 minutes no longer fit at 09:00; a still fits at 11:00.
    const c = await bookAt(d, `${TUE}T09:15`, "anna");
    const before = t.snapshot();

    const refused = await expectProblem(
      await post(d, "swap", { ...body, mode: "apply", expectedVersions: { [a.id]: 1, [b.id]: 1 } }),
      409,
      "rule_violation",
    );
    expect(refused.violations).toContainEqual(expect.objectContaining({ appointmentId: b.id, code: "advisor_busy" }));
    expect(refused.violations.every((v) => typeof v.message === "string" && v.message.length > 10)).toBe(true);
    expect(refused.alternatives.filter((o) => o.appointmentId === b.id).length).toBeGreaterThanOrEqual(2);
    // The dry run's own moves, sent back as the plan: the first passes, the second does not → none.
    const explicit = await expectProblem(
      await post(d, "swap", { ...body, mode: "apply", plan: { moves: p.moves } }),
      409,
      "rule_violation",
    );
    expect(explicit.violations.map((v) => v.appointmentId)).toEqual([b.id]);
    expect(t.snapshot()).toEqual(before);
    // The in-memory index was put back too: a's slot is still taken, 11:00 with Bruno too.
    for (const [start, advisorId] of [
      [`${TUE}T09:00`, "anna"],
      [`${TUE}T11:00`, "bruno"],
    ]) {
      await expectProblem(
        await api("POST", `/v1/dealers/${d}/appointments`, booking({ start, advisorId }), auth),
        409,
        "slot_unavailable",
      );
    }
    expect((await get(d, c.id)).version).toBe(1);
  });
});

describe("running late", () => {
  it("shifts the reception and hands the knocked-on customer to a free advisor at the same time", async () => {
    const d = await dealer();
    const a = await bookAt(d, `${TUE}T09:00`, "anna");
    const b = await bookAt(d, `${TUE}T09:15`, "anna");
    const c = await bookAt(d, `${TUE}T09:30`, "anna");
    const p = await plan(d, "late", { appointmentId: a.id, minutes: 10 });
    expect(p.late).toEqual({ appointmentId: a.id, requestedMinutes: 10, shiftMinutes: 15 });
    const byId = new Map(p.moves.map((m) => [m.appointmentId, m]));
    expect(byId.get(a.id)).toMatchObject({
      timeChanged: true,
      advisorChanged: false,
      shiftMinutes: 15,
      notifyCustomer: true,
    });
    expect(byId.get(b.id)).toMatchObject({ timeChanged: false, advisorChanged: true, notifyCustomer: false });
    expect(byId.has(c.id)).toBe(false);
    const res = await post(d, "late", { appointmentId: a.id, minutes: 10, mode: "apply", planToken: p.planToken });
    expect(res.status).toBe(200);
    expect(ms((await get(d, a.id)).reception.start)).toBe(ms(`${TUE}T09:15:00+01:00`));
    expect((await get(d, b.id)).reception.advisorId).not.toBe("anna");
    expect((await get(d, c.id)).version).toBe(1);
    // The progress checks follow the plans of the cars that are in; no car is in yet, so the
    // moves time none (check-in will, from the plan then).
    for (const x of progressChecks(d)) expect(x.pending, x.id).toEqual(x.planned);
    const rows = auditRows(d, "reshuffle:late");
    expect(rows).toHaveLength(1);
    expect(rows[0].appointment_id).toBe(a.id);
  });

  it("with one advisor, moves the knock-on to the nearest free time and flags the customer", async () => {
    const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
    const a = await bookAt(d, `${TUE}T09:00`, "anna");
    const b = await bookAt(d, `${TUE}T09:15`, "anna");
    await bookAt(d, `${TUE}T09:30`, "anna");
    const p = await plan(d, "late", { appointmentId: a.id, minutes: 15 });
    const mb = p.moves.find((m) => m.appointmentId === b.id);
    expect(mb).toMatchObject({ timeChanged: true, notifyCustomer: true });
    expect(Math.abs(mb!.shiftMinutes)).toBe(15); // 09:00 (freed by a) is as near as any
    expect(p.notify).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("applies an edited plan: the advisor sets the return's length and time (10–15 min)", async () => {
    const d = await dealer();
    const a = await bookAt(d, `${TUE}T09:00`, "anna");
    const p = await plan(d, "late", { appointmentId: a.id, minutes: 30 });
    const move = p.moves[0];
    const readyAt = ms(move.to.readyAt);
    const start = new Date(readyAt + 35 * 60_000).toISOString().replace(".000Z", "Z");
    const edited = { ...move, to: { ...move.to, return: { start, advisorId: "carla", minutes: 12 } } };
    // Too long a return is refused by the schema, one before the car is ready by the rules.
    await expectProblem(
      await post(d, "late", {
        appointmentId: a.id,
        minutes: 30,
        mode: "apply",
        plan: { moves: [{ ...edited, to: { ...edited.to, return: { start, advisorId: "carla", minutes: 20 } } }] },
      }),
      400,
      "validation_failed",
    );
    const early = new Date(readyAt - 60 * 60_000).toISOString().replace(".000Z", "Z");
    const tooEarly = await expectProblem(
      await post(d, "late", {
        appointmentId: a.id,
        minutes: 30,
        mode: "apply",
        plan: {
          moves: [{ ...edited, to: { ...edited.to, return: { start: early, advisorId: "carla", minutes: 12 } } }],
        },
      }),
      409,
      "rule_violation",
    );
    expect(tooEarly.violations.map((v) => v.code)).toContain("return_before_ready");
    const res = await post(d, "late", { appointmentId: a.id, minutes: 30, mode: "apply", plan: { moves: [edited] } });
    expect(res.status, await res.clone().text()).toBe(200);
    const now = await get(d, a.id);
    expect(now.return).toMatchObject({ advisorId: "carla", minutes: 12 });
    expect(ms(now.return!.start)).toBe(ms(start));
  });
});

describe("walk-in", () => {
  it("takes now when an advisor is free", async () => {
    const d = await dealer();
    const p = await plan(d, "walk-in", {
      vehicle: { model: "Grecale" },
      interventions: ["maintenance"],
      customer: { name: "Walk In" },
    });
    expect(p.walkIn).toMatchObject({ forced: false, overridden: [] });
    expect(ms(p.walkIn!.reception.start)).toBe(ms(`${MON}T10:00:00+01:00`));
    // The plan is what the document says, with its return and without one (a job done by
    // closing time gets none): the schema once required a Slot AND null there.
    const doc = (await json(await api("GET", "/openapi.json"))) as any;
    const schema =
      doc.paths["/v1/dealers/{dealerId}/reshuffle/walk-in"].post.responses["200"].content["application/json"].schema;
    expect(validate(doc, schema, p)).toEqual([]);
    expect(validate(doc, schema, { ...p, walkIn: { ...p.walkIn, return: null } })).toEqual([]);
  });

  it("uses the buffer (recorded as forced) rather than sending the customer to a later time", async () => {
    // Anna alone, away until 11:00; 11:15, 11:30 and 11:45 booked: 11:00 is free but a fourth reception in that hour.
    const d = await dealer({
      advisors: [{ id: "anna", name: "Anna Rossi", absences: [{ start: `${MON}T09:00`, end: `${MON}T11:00` }] }],
    });
    for (const hm of ["11:15", "11:30", "11:45"]) await bookAt(d, `${MON}T${hm}`, "anna");
    const body = {
      vehicle: { model: "Grecale" },
      interventions: ["maintenance"],
      customer: { known: true, name: "Walk In", phone: "+39 333 0000000" },
      request: "Warning light on",
    };
    const p = await plan(d, "walk-in", body);
    expect(ms(p.walkIn!.reception.start)).toBe(ms(`${MON}T11:00:00+01:00`));
    expect(p.walkIn).toMatchObject({ forced: true });
    expect(p.walkIn!.overridden).toContain("hourly_cap");

    const res = await post(
      d,
      "walk-in",
      { ...body, mode: "apply", planToken: p.planToken },
      { "Idempotency-Key": "walk-in-1" },
    );
    const applied = await json<ReshufflePlan>(res);
    expect(res.status).toBe(200);
    expect(applied.created).toMatchObject({ status: "confirmed", channel: "walk_in", forced: true, version: 1 });
    expect(typeof applied.manageToken).toBe("string");
    // A walk-in's token names no appointment (scheduler/tokens.ts): it opens by its hash.
    expect((await api("GET", `/v1/manage/${applied.manageToken}`)).status).toBe(200);
    // Its journey as any booking's: the supervisor is told; the no-show check follows from
    // the reception and is written when due (journey/derived-timers.ts, at the end); the
    // car-ready call and the progress check wait for the check-in.
    const created = applied.created!.id;
    const journey = () => ({
      jobs: (
        t.sqlite.prepare("SELECT kind FROM jobs WHERE appointment_id = ? ORDER BY kind").all(created) as Array<{
          kind: string;
        }>
      ).map((r) => r.kind),
      outbox: (
        t.sqlite.prepare("SELECT kind FROM outbox WHERE appointment_id = ?").all(created) as Array<{ kind: string }>
      ).map((r) => r.kind),
    });
    expect(journey()).toEqual({ jobs: [], outbox: ["supervisor_notice"] });
    const stored = await get(d, applied.created!.id);
    expect(stored.forced).toBe(true);
    const rows = auditRows(d, "reshuffle:walk_in");
    expect(rows).toHaveLength(1);
    expect(rows[0].appointment_id).toBe(applied.created!.id);
    expect(JSON.parse(rows[0].after_json).walkIn.overridden).toContain("hourly_cap");
    // A retry with the same key replays the answer and books nothing new.
    const again = await post(
      d,
      "walk-in",
      { ...body, mode: "apply", planToken: p.planToken },
      { "Idempotency-Key": "walk-in-1" },
    );
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await json<ReshufflePlan>(again)).created!.id).toBe(applied.created!.id);
    expect(auditRows(d, "reshuffle:walk_in")).toHaveLength(1);
    expect(journey().outbox).toEqual(["supervisor_notice"]);
    // Half an hour after its reception, the no-show check runs (and finds no check-in).
    const due = new Date(Date.parse(applied.created!.reception.start) + 30 * 60_000).toISOString();
    const tick = await json<{ jobs: Array<{ kind: string; appointmentId: string; dueAt: string }> }>(
      await api("POST", "/v1/admin/tick", { now: due, deliver: false }, auth),
    );
    expect(tick.jobs.filter((j) => j.appointmentId === created)).toEqual([
      expect.objectContaining({ kind: "no_show_check", dueAt: due }),
    ]);
  });
});

describe("walk-in: the customer and the car on file", () => {
  // Applies a walk-in received now; returns the created appointment's id.
  async function walkIn(d: string, body: Record<string, unknown>, key: string): Promise<string> {
    const p = await plan(d, "walk-in", body);
    const res = await post(
      d,
      "walk-in",
      { ...body, mode: "apply", planToken: p.planToken },
      { "Idempotency-Key": key },
    );
    const applied = await json<ReshufflePlan>(res);
    expect(res.status, JSON.stringify(applied)).toBe(200);
    return applied.created!.id;
  }
  const links = (id: string) =>
    t.sqlite.prepare("SELECT customer_id, vehicle_id FROM appointments WHERE id = ?").get(id) as {
      customer_id: string | null;
      vehicle_id: string | null;
    };

  it("links a walk-in to the customer (by phone) and the vehicle (by VIN) on file, as a staff booking does", async () => {
    const d = await dealer();
    const earlier = await bookAt(d, `${TUE}T10:00`, "bruno"); // Marco Bianchi, VIN ZN6XXXXXXXX000001
    const id = await walkIn(
      d,
      {
        vehicle: { model: "Grecale", vin: "zn6xxxxxxxx000001", nextServiceDue: "2027-06-01" },
        interventions: ["maintenance"],
        customer: { known: true, name: "Marco Bianchi", phone: "0039 333 1234567" },
      },
      "walk-in-known",
    );
    expect(links(id)).toEqual(links(earlier.id));
    expect(links(id).customer_id).not.toBeNull();
    // The car's service reminder, from the date the desk just heard.
    const reminders = t.sqlite
      .prepare("SELECT payload_json FROM jobs WHERE kind = 'service_reminder' AND payload_json LIKE ?")
      .all(`%${links(id).vehicle_id}%`) as Array<{ payload_json: string }>;
    expect(reminders.map((r) => JSON.parse(r.payload_json).dueDate)).toEqual(["2027-06-01"]);
  });

  it("records a new customer and vehicle for a walk-in nobody has on file", async () => {
    const d = await dealer();
    const id = await walkIn(
      d,
      {
        vehicle: { model: "Levante", vin: "ZN6XXXXXXXX000777", plate: "FF777GG" },
        interventions: ["maintenance"],
        customer: { known: false, name: "Nuova Cliente", email: "nuova@example.com" },
      },
      "walk-in-new",
    );
    const { customer_id, vehicle_id } = links(id);
    const customer = t.sqlite.prepare("SELECT name, dealer_id FROM customers WHERE id = ?").get(customer_id);
    const vehicle = t.sqlite.prepare("SELECT vin, plate, owner_customer_id FROM vehicles WHERE id = ?").get(vehicle_id);
    expect(customer).toEqual({ name: "Nuova Cliente", dealer_id: d });
    expect(vehicle).toEqual({ vin: "ZN6XXXXXXXX000777", plate: "FF777GG", owner_customer_id: customer_id });
  });
});

describe("staff only", () => {
  it("refuses anonymous callers before reading the body", async () => {
    const d = await dealer();
    for (const kind of ["swap", "absence", "walk-in", "late"])
      await expectProblem(await api("POST", `/v1/dealers/${d}/reshuffle/${kind}`, {}), 401, "unauthorized");
  });
});

/** Two plans computed on the same day, both touching `a`, applied at once: exactly one may win. */
async function race(http: Api, dealerId: string): Promise<number[]> {
  const book1 = async (local: string, advisorId: string) => {
    const res = await http("POST", `/v1/dealers/${dealerId}/appointments`, booking({ start: local, advisorId }), auth);
    return json<AppointmentView>(res);
  };
  const a = await book1(`${TUE}T09:00`, "anna");
  const b = await book1(`${TUE}T11:00`, "bruno");
  const swap = await json<ReshufflePlan>(
    await http("POST", `/v1/dealers/${dealerId}/reshuffle/swap`, { appointmentIds: [a.id, b.id] }, auth),
  );
  const late = await json<ReshufflePlan>(
    await http("POST", `/v1/dealers/${dealerId}/reshuffle/late`, { appointmentId: a.id, minutes: 15 }, auth),
  );
  const results = await Promise.all([
    http(
      "POST",
      `/v1/dealers/${dealerId}/reshuffle/swap`,
      { appointmentIds: [a.id, b.id], mode: "apply", planToken: swap.planToken },
      auth,
    ),
    http(
      "POST",
      `/v1/dealers/${dealerId}/reshuffle/late`,
      { appointmentId: a.id, minutes: 15, mode: "apply", planToken: late.planToken },
      auth,
    ),
  ]);
  return results.map((r) => r.status).sort();
}

describe("concurrency: two plans touching one appointment", () => {
  it("in process: exactly one apply succeeds, the other gets 412, 10 rounds", async () => {
    for (let round = 0; round < 10; round++) {
      const d = await dealer();
      expect(await race(api, d)).toEqual([200, 412]);
      const rows = t.sqlite
        .prepare("SELECT count(*) AS n FROM audit_log WHERE dealer_id = ? AND action LIKE 'reshuffle:%'")
        .get(d) as { n: number };
      expect(rows.n).toBe(1);
    }
  });

  describe("against the real server", () => {
    let server: SpawnedServer;
    let http: Api;
    beforeAll(async () => {
      server = await spawnServer({ env: { SEED_DEMO: "0" } });
      http = fetchApi(server.baseUrl);
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });

    it("exactly one of two simultaneous applies wins, 5 rounds", async () => {
      for (let round = 0; round < 5; round++) {
        const d = `race-${round}`;
        await putDealer(http, d, romeDealer({ advisors: THREE, express: NO_RESERVE }));
        expect(await race(http, d)).toEqual([200, 412]);
      }
      const db = readDb(server.dbPath);
      try {
        const n = (
          db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'reshuffle:%'").get() as { n: number }
        ).n;
        expect(n).toBe(5);
      } finally {
        db.close();
      }
    });
  });
});

describe("PATCH: the return appointment, and refusals with alternatives", () => {
  it("lets the advisor set the return's length (10–15) and time, refuses outside that, and proposes the nearest valid slots", async () => {
    const d = await dealer();
    const a = await bookAt(d, `${TUE}T09:00`, "anna");
    const readyAt = ms(a.readyAt);
    const start = new Date(readyAt + 30 * 60_000).toISOString().replace(".000Z", "Z");
    const res = await api(
      "PATCH",
      `/v1/dealers/${d}/appointments/${a.id}`,
      { return: { start, advisorId: "bruno", minutes: 12 } },
      { ...auth, "If-Match": "1" },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { return: unknown }).return).toMatchObject({ advisorId: "bruno", minutes: 12 });
    await expectProblem(
      await api(
        "PATCH",
        `/v1/dealers/${d}/appointments/${a.id}`,
        { return: { minutes: 9 } },
        { ...auth, "If-Match": "2" },
      ),
      400,
      "validation_failed",
    );
    const early = new Date(readyAt - 60 * 60_000).toISOString().replace(".000Z", "Z");
    const refused = await expectProblem(
      await api(
        "PATCH",
        `/v1/dealers/${d}/appointments/${a.id}`,
        { return: { start: early } },
        { ...auth, "If-Match": "2" },
      ),
      409,
      "rule_violation",
    );
    expect(refused.violations.map((v) => v.code)).toContain("return_before_ready");
    // A reception refused by PATCH comes with the nearest valid alternatives too.
    await bookAt(d, `${TUE}T11:00`, "bruno");
    const busy = await expectProblem(
      await api(
        "PATCH",
        `/v1/dealers/${d}/appointments/${a.id}`,
        { reception: { start: `${TUE}T11:00`, advisorId: "bruno" } },
        { ...auth, "If-Match": "2" },
      ),
      409,
      "rule_violation",
    );
    expect(busy.violations.map((v) => v.code)).toEqual(["advisor_busy"]);
    expect(busy.alternatives.length).toBeGreaterThanOrEqual(2);
    expect(Math.abs(ms(busy.alternatives[0].start) - ms(`${TUE}T11:00:00+01:00`))).toBeLessThanOrEqual(15 * 60_000);
  });
});
