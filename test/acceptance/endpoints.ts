import { beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  type Api,
  auth,
  availability,
  book,
  booking,
  expectProblem,
  ms,
  freshDealers,
  putDealer,
  romeDealer,
  search,
  snapshot,
} from "../support/http.js";
import type { Target } from "./target.js";
import {
  type AppointmentView,
  type DayBoard,
  type DealerPublic,
  type DealerPutApplied,
  json,
} from "../support/contracts.js";

// The Booking API, endpoint by endpoint: what success looks like, how bad input is
// refused (400 problem+json naming the field, and nothing stored), unknown dealers and
// appointments (404), and staff endpoints refusing anonymous callers (401).
//
// One suite, several runtimes: test/http/endpoints.test.ts runs it in-process,
// test/acceptance/node.test.ts against the spawned Node server and worker.test.ts against
// the Worker on local workerd. "Stores nothing" reads the runtime's own SQLite files
// (target.ts), so it is checked on every runtime alike.
//
// Clock: frozen at Monday 2026-11-23 10:00 in Rome (09:00Z); the earliest bookable
// reception is an hour later. Dates used below: Tue 24, Wed 25, Thu 26, Sun 29 November.

export function describeEndpoints(runtime: () => Target): void {
  const api: Api = (...args) => runtime().api(...args);
  /** A fresh dealer per test, so no test sees another's bookings. */
  const dealer = freshDealers(api, "dealer");

  /** A dealer with one advisor, Anna: every rule below is about her day. */
  const oneAdvisor = () => dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });

  /** A dealer without a minimum notice: a reception may start at the clock's own 10:00, due now. */
  const noNotice = (advisors?: unknown) =>
    dealer({ receptionRules: { minNoticeMinutes: 0 }, ...(advisors ? { advisors } : {}) });

  const at = (date: string, time: string) => `${date}T${time}`;
  const MON = "2026-11-23";
  const WED = "2026-11-25";
  const path = (dealerId: string, id = "") => `/v1/dealers/${dealerId}/appointments${id ? `/${id}` : ""}`;
  const get = (dealerId: string, id: string) => api("GET", path(dealerId, id), undefined, auth);
  const patch = (dealerId: string, id: string, body: unknown, version: number | string | undefined) =>
    api("PATCH", path(dealerId, id), body, version === undefined ? auth : { ...auth, "If-Match": String(version) });
  const act = (dealerId: string, id: string, action: string, body?: unknown, headers: Record<string, string> = {}) =>
    api("POST", `${path(dealerId, id)}/${action}`, body, { ...auth, ...headers });
  const board = async (dealerId: string, date: string) => {
    const res = await api("GET", `/v1/dealers/${dealerId}/days/${date}`, undefined, auth);
    expect(res.status).toBe(200);
    return json<DayBoard>(res);
  };

  /** Asserts that `fn`'s request was refused with `status`/`code` and stored nothing at all. */
  async function refusedWithoutWrites<C extends string>(fn: () => Promise<Response>, status: number, code: C) {
    const before = snapshot(runtime().store);
    const problem = await expectProblem(await fn(), status, code);
    expect(snapshot(runtime().store)).toEqual(before);
    return problem;
  }

  describe("PUT and GET /v1/dealers/{dealerId}", () => {
    it("creates a dealer (201), replaces it (200, next version) and shows customers only the public part", async () => {
      const created = await api("PUT", "/v1/dealers/roma-est", romeDealer(), auth);
      expect(created.status).toBe(201);
      expect(created.headers.get("location")).toBe("/v1/dealers/roma-est");
      expect(await created.json()).toMatchObject({
        id: "roma-est",
        version: 1,
        name: "Roma Est",
        receptionRules: { maxPerHour: 3 },
      });

      const replaced = await api("PUT", "/v1/dealers/roma-est", romeDealer({ parking: "Bays 7-9" }), auth);
      expect(replaced.status).toBe(200);
      expect(await replaced.json()).toMatchObject({ version: 2, parking: "Bays 7-9" });

      const res = await api("GET", "/v1/dealers/roma-est");
      expect(res.status).toBe(200);
      const pub = await json<DealerPublic>(res);
      expect(pub).toMatchObject({
        id: "roma-est",
        name: "Roma Est",
        address: "Via Example 1",
        parking: "Bays 7-9",
        timeZone: "Europe/Rome",
        openingHours: { mon: [["08:00", "18:00"]], sun: [] },
      });
      expect(pub.interventions).toContainEqual({
        code: "maintenance",
        label: "Maintenance",
        receptionMinutes: 15,
        returnMinutes: 10,
      });
      expect(pub.mobility).toEqual(expect.arrayContaining(["none", "courtesy_car", "pickup_delivery", "taxi"]));
      expect(pub.mobility).not.toContain("shuttle");
      // Staff data stays private.
      expect(pub).not.toHaveProperty("advisors");
      expect(pub).not.toHaveProperty("workshop");
      expect(pub).not.toHaveProperty("receptionRules");
    });

    it.each([
      ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
      ["an impossible opening time", { openingHours: { mon: [["08:00", "25:00"]] } }, "openingHours.mon.0.1"],
      [
        "two advisors with one id",
        {
          advisors: [
            { id: "anna", name: "A" },
            { id: "anna", name: "B" },
          ],
        },
        "advisors.1.id",
      ],
      ["an unknown field", { colour: "red" }, "colour"],
      ["an unknown nested field", { receptionRules: { maxPerDay: 9 } }, "receptionRules.maxPerDay"],
    ])("refuses %s with 400 naming the field, and stores nothing", async (_, overrides, field) => {
      const d = await dealer(); // replacing a stored dealer: it must stay as it is
      const problem = await refusedWithoutWrites(
        () => api("PUT", `/v1/dealers/${d}`, romeDealer(overrides), auth),
        400,
        "validation_failed",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: field }));
    });

    it.each([
      ["no token", {}],
      ["a wrong token", { Authorization: `Bearer ${ADMIN_TOKEN}-nope` }],
    ])("refuses a configuration change with %s (401), and stores nothing", async (_, headers) => {
      await refusedWithoutWrites(() => api("PUT", "/v1/dealers/intruder", romeDealer(), headers), 401, "unauthorized");
    });

    it("keeps the dealer's bookings through a configuration change", async () => {
      const d = await dealer();
      const held = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      await putDealer(api, d, romeDealer({ parking: "Bays 7-9", rushHours: [] }));
      await expectProblem(
        await api("POST", path(d), booking({ start: at(WED, "11:00"), advisorId: "anna" })),
        409,
        "slot_unavailable",
      );
      const offered = (await search(api, d, availability({ from: WED, days: 1, count: 20 }))).options;
      expect(offered.length).toBeGreaterThan(2);
      for (const o of offered) expect(o.start === held.reception.start && o.advisorId === "anna").toBe(false);
      expect(await (await get(d, held.id)).json()).toMatchObject({ recap: { parking: "Bays 7-9" } });
    });

    it("refuses a change that strands a booking (409 config_conflict, nothing stored), then applies the offered plan by its token", async () => {
      const d = await dealer();
      const held = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "bruno" }));
      const next = romeDealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
      const problem = await refusedWithoutWrites(
        () => api("PUT", `/v1/dealers/${d}`, next, auth),
        409,
        "config_conflict",
      );
      // The contract's list: each appointment once, with its reason in words.
      expect(problem.appointments).toEqual([{ id: held.id, reason: expect.stringMatching(/\S/) }]);
      expect(problem.conflicts).toEqual([
        expect.objectContaining({
          appointmentId: held.id,
          reasons: expect.arrayContaining([expect.objectContaining({ code: "advisor_removed" })]),
        }),
      ]);
      expect(problem.appointments[0].reason).toBe(problem.conflicts[0].reasons.map((r) => r.message).join("; "));
      const res = await api(
        "PUT",
        `/v1/dealers/${d}?planToken=${encodeURIComponent(problem.plan.planToken)}`,
        next,
        auth,
      );
      expect(res.status).toBe(200);
      expect((await json<DealerPutApplied>(res)).appliedPlan.moves).toEqual([
        expect.objectContaining({ appointmentId: held.id, advisorChanged: true, timeChanged: false }),
      ]);
      expect(await (await get(d, held.id)).json()).toMatchObject({
        reception: { advisorId: "anna", start: held.reception.start },
      });
    });

    it("answers 404 for an unknown dealer", async () => {
      await expectProblem(await api("GET", "/v1/dealers/nobody"), 404, "not_found");
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("POST /v1/dealers/{dealerId}/availability", () => {
    it("offers the requested number of options, each a complete proposal in the dealer's offset", async () => {
      const d = await dealer();
      const res = await search(api, d, availability({ mobility: "courtesy_car", count: 3 }));
      expect(res).toMatchObject({ dealerId: d, timeZone: "Europe/Rome" });
      expect(res.options).toHaveLength(3);
      expect(res.shortfall).toBeUndefined();
      for (const o of res.options) {
        expect(o.start).toMatch(/^2026-1[12]-\d\dT\d\d:\d\d:00\+01:00$/);
        expect(ms(o.start)).toBeGreaterThanOrEqual(ms("2026-11-23T11:00:00+01:00")); // an hour's notice
        expect(ms(o.end) - ms(o.start)).toBe(30 * 60_000); // handing over a courtesy car takes 30 min
        expect(["anna", "bruno"]).toContain(o.advisorId);
        expect(o).toMatchObject({ receptionMinutes: 30, mobility: "courtesy_car", optionId: expect.any(String) });
        expect(ms(o.readyAt)).toBeGreaterThan(ms(o.end));
        expect(ms(o.return!.start)).toBeGreaterThanOrEqual(ms(o.readyAt));
      }
      expect(new Set(res.options.map((o) => o.optionId)).size).toBe(3);
    });

    it.each([1, 2])("offers at least two options when asked for count %i", async (count) => {
      const d = await dealer();
      const res = await search(api, d, availability({ count }));
      expect(res.options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(res.options.map((o) => o.start)).size).toBe(res.options.length);
    });

    it.each([
      ["no intervention", { interventions: [] }, "interventions"],
      ["an intervention the dealer does not offer", { interventions: ["teleport"] }, "interventions"],
      ["an unknown mobility", { mobility: "horse" }, "mobility"],
      ["an impossible date", { from: "2026-02-30" }, "from"],
      ["zero days", { days: 0 }, "days"],
      ["an unknown preferred advisor", { preferredAdvisorId: "zoe" }, "preferredAdvisorId"],
      ["an unknown field", { colour: "red" }, "colour"],
      ["an unknown vehicle field", { vehicle: { model: "Grecale", colour: "red" } }, "vehicle.colour"],
    ])("refuses %s with 400 naming the field", async (_, overrides, field) => {
      const d = await dealer();
      const problem = await refusedWithoutWrites(
        () => api("POST", `/v1/dealers/${d}/availability`, availability(overrides)),
        400,
        "validation_failed",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: field }));
    });

    it("answers 404 for an unknown dealer", async () => {
      await expectProblem(await api("POST", "/v1/dealers/nobody/availability", availability()), 404, "not_found");
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("POST /v1/dealers/{dealerId}/appointments", () => {
    it("books the option named by optionId and answers 201 with the appointment and its recap", async () => {
      const d = await dealer();
      const option = (await search(api, d)).options[0];
      const before = snapshot(runtime().store).appointments.length;
      const res = await api("POST", path(d), booking({ optionId: option.optionId }));
      expect(res.status).toBe(201);
      const appt = await json<AppointmentView>(res);
      expect(res.headers.get("location")).toBe(`/v1/dealers/${d}/appointments/${appt.id}`);
      expect(res.headers.get("etag")).toBe('"1"');
      expect(appt).toMatchObject({
        status: "requested",
        version: 1,
        manageToken: expect.stringMatching(new RegExp(`^${d}_[A-Za-z0-9_-]{43}$`)),
        reception: { start: option.start, end: option.end, advisorId: option.advisorId, minutes: 15 },
        readyAt: option.readyAt,
        return: option.return,
        express: false,
        mobility: "none",
        recap: {
          greeter: option.advisorId === "anna" ? "Anna Rossi" : "Bruno Neri",
          parking: "Customer bays 1-6, front entrance",
          bring: ["registration certificate", "maintenance booklet", "driving licence", "locking wheel-nut key"],
        },
      });
      expect(snapshot(runtime().store).appointments.length).toBe(before + 1);
    });

    it("promises the technicians' plan: one mechanic, three 2 h jobs received at 09:00, 09:15 and 09:30 are ready at 11:45, 13:45 and 15:45 (the same on every runtime)", async () => {
      const id = "one-mechanic";
      await putDealer(
        api,
        id,
        romeDealer({ workshop: { mechanical: [{ id: "luca", name: "Luca" }], diagnosis: [], bodywork: [] } }),
      );
      const ready = [];
      for (const [i, time] of ["09:00", "09:15", "09:30"].entries()) {
        const b = await book(
          api,
          id,
          booking({ start: `2026-11-25T${time}`, advisorId: i === 1 ? "bruno" : "anna" }),
          auth,
        );
        ready.push(b.readyAt);
      }
      expect(ready).toEqual(["2026-11-25T11:45:00+01:00", "2026-11-25T13:45:00+01:00", "2026-11-25T15:45:00+01:00"]);
    });

    it("books by start and advisorId, and echoes the instant in the dealer's offset", async () => {
      const d = await dealer();
      const appt = await book(api, d, booking({ start: "2026-11-24T09:15:00Z", advisorId: "bruno" }));
      expect(appt.reception).toEqual({
        start: "2026-11-24T10:15:00+01:00",
        end: "2026-11-24T10:30:00+01:00",
        advisorId: "bruno",
        minutes: 15,
      });
    });

    it("reads a start without offset as the dealer's wall-clock time", async () => {
      const d = await dealer({ timeZone: "America/New_York" });
      const appt = await book(api, d, booking({ start: "2026-11-24T10:15", advisorId: "anna" }));
      expect(appt.reception.start).toBe("2026-11-24T10:15:00-05:00");
      expect(ms(appt.reception.start)).toBe(ms("2026-11-24T15:15:00Z"));
    });

    it("picks a free advisor when only start is given", async () => {
      const d = await dealer();
      const first = await book(api, d, booking({ start: at(WED, "10:00") }));
      const second = await book(api, d, booking({ start: at(WED, "10:00") }));
      expect([first.reception.advisorId, second.reception.advisorId].sort()).toEqual(["anna", "bruno"]);
      // Both advisors are now taken at 10:00.
      await refusedWithoutWrites(
        () => api("POST", path(d), booking({ start: at(WED, "10:00") })),
        409,
        "slot_unavailable",
      );
    });

    it("answers a stale optionId with 409 slot_unavailable and at least two bookable alternatives", async () => {
      const d = await dealer();
      const option = (await search(api, d)).options[0];
      await book(api, d, booking({ optionId: option.optionId }));
      const problem = await refusedWithoutWrites(
        () => api("POST", path(d), booking({ optionId: option.optionId })),
        409,
        "slot_unavailable",
      );
      expect(problem.violations).toContainEqual(expect.objectContaining({ code: "advisor_busy" }));
      expect(problem.alternatives.length).toBeGreaterThanOrEqual(2);
      for (const alt of problem.alternatives) {
        expect(alt.start === option.start && alt.advisorId === option.advisorId).toBe(false);
      }
      const rebooked = await book(api, d, booking({ optionId: problem.alternatives[0].optionId }));
      expect(rebooked.reception.start).toBe(problem.alternatives[0].start);
    });

    it.each([
      ["a closed day", at("2026-11-29", "10:00"), "closed"],
      ["a time outside opening hours", at(WED, "18:00"), "outside_opening_hours"],
      ["less than an hour's notice", at("2026-11-23", "10:30"), "in_the_past"],
      ["a start off the quarter-hour grid", at(WED, "10:05"), "off_grid"],
    ])("answers a start on %s with 409 slot_unavailable naming the rule", async (_, start, rule) => {
      const d = await dealer();
      const problem = await refusedWithoutWrites(
        () => api("POST", path(d), booking({ start, advisorId: "anna" })),
        409,
        "slot_unavailable",
      );
      expect(problem.violations.map((v) => v.code)).toContain(rule);
      expect(problem.alternatives.length).toBeGreaterThanOrEqual(2);
    });

    const slot = { start: at(WED, "10:00"), advisorId: "anna" };
    it.each([
      ["no slot at all", booking({}), "optionId"],
      ["a forged optionId", booking({ optionId: "bm90LWFuLW9wdGlvbg" }), "optionId"],
      ["an optionId with a different start", "MISMATCH", "start"],
      ["an unknown advisor", booking({ ...slot, advisorId: "zoe" }), "advisorId"],
      ["a start that is not a date-time", booking({ ...slot, start: "tomorrow 10am" }), "start"],
      ["a start with seconds", booking({ ...slot, start: "2026-11-25T10:00:30+01:00" }), "start"],
      ["an unknown intervention", booking(slot, { interventions: ["teleport"] }), "interventions"],
      ["no vehicle model", booking(slot, { vehicle: { vin: "ZN6" } }), "vehicle.model"],
      ["a malformed email", booking(slot, { customer: { name: "M", email: "not-an-email" } }), "customer.email"],
      ["a malformed phone", booking(slot, { customer: { name: "M", phone: "call me" } }), "customer.phone"],
      ["an unknown mobility", booking(slot, { mobility: "horse" }), "mobility"],
      ["an unknown field", booking(slot, { colour: "red" }), "colour"],
      ["an unknown customer field", booking(slot, { customer: { name: "M", age: 40 } }), "customer.age"],
    ])("refuses %s with 400 naming the field, and stores nothing", async (_, body, field) => {
      const d = await dealer();
      if (body === "MISMATCH") {
        const option = (await search(api, d)).options[0];
        body = booking({ optionId: option.optionId, start: "2027-01-05T10:00" });
      }
      const problem = await refusedWithoutWrites(() => api("POST", path(d), body), 400, "validation_failed");
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: field }));
    });

    it("answers 404 for an unknown dealer, and stores nothing", async () => {
      await refusedWithoutWrites(
        () => api("POST", path("nobody"), booking({ start: at(WED, "10:00") })),
        404,
        "not_found",
      );
    });

    it("refuses a caller whose Authorization does not authenticate (401) instead of booking as a customer", async () => {
      const d = await dealer();
      await refusedWithoutWrites(
        () => api("POST", path(d), booking({ start: at(WED, "10:00") }), { Authorization: "Bearer guess" }),
        401,
        "unauthorized",
      );
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("GET /v1/dealers/{dealerId}/appointments/{id}", () => {
    it("returns the appointment with its version as ETag, and never the manage token again", async () => {
      const d = await dealer();
      const booked = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      const res = await get(d, booked.id);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBe('"1"');
      const { manageToken, ...rest } = booked;
      expect(manageToken).toBeTruthy();
      // Staff also see the contact it was booked with, any possible match on file and the parts ordered.
      const { name, email, phone } = booking({}).customer;
      expect(await res.json()).toEqual({ ...rest, customer: { name, email, phone }, possibleMatch: null, parts: [] });
    });

    it("follows the version in the ETag after a change", async () => {
      const d = await dealer();
      const booked = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      expect((await act(d, booked.id, "confirm")).status).toBe(200);
      const res = await get(d, booked.id);
      expect(res.headers.get("etag")).toBe('"2"');
      expect(await res.json()).toMatchObject({ version: 2, status: "confirmed" });
    });

    it.each([
      ["an unknown appointment", "dealer", "00000000-0000-0000-0000-000000000000"],
      ["another dealer's appointment", "other", "BOOKED"],
      ["an unknown dealer", "nobody", "BOOKED"],
    ])("answers 404 for %s", async (_, which, id) => {
      const d = await dealer();
      const other = await dealer();
      const booked = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      const dealerId = which === "dealer" ? d : which === "other" ? other : "nobody";
      await expectProblem(await get(dealerId, id === "BOOKED" ? booked.id : id), 404, "not_found");
    });

    it("refuses a malformed id with 400", async () => {
      const d = await dealer();
      const problem = await expectProblem(await get(d, "x".repeat(65)), 400, "validation_failed");
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: "id", in: "path" }));
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("PATCH /v1/dealers/{dealerId}/appointments/{id}", () => {
    /** Anna has receptions at 10:00, 10:15 and 10:30 on Wednesday (her hourly cap) and `target` at 15:00. */
    async function busyMorning(opts: { known?: boolean; times?: string[]; targetAt?: string } = {}) {
      const d = await oneAdvisor();
      // A public booking needs a contact, and each contact holds at most 3 upcoming ones.
      const customer = (i: number) => ({ name: "M", known: opts.known ?? true, email: `m${i}@example.com` });
      let i = 0;
      for (const time of opts.times ?? ["10:00", "10:15", "10:30"])
        await book(api, d, booking({ start: at(WED, time), advisorId: "anna" }, { customer: customer(i++) }));
      const target = await book(
        api,
        d,
        booking({ start: at(WED, opts.targetAt ?? "15:00"), advisorId: "anna" }, { customer: customer(i++) }),
      );
      return { d, target };
    }

    it("moves with the current version in If-Match: 200, version + 1, and the slots follow", async () => {
      const { d, target } = await busyMorning();
      const res = await patch(d, target.id, { reception: { start: at(WED, "16:00") } }, '"1"');
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBe('"2"');
      expect(await res.json()).toMatchObject({
        version: 2,
        forced: false,
        reception: { start: "2026-11-25T16:00:00+01:00", advisorId: "anna" },
      });
      expect(await (await get(d, target.id)).json()).toMatchObject({
        version: 2,
        reception: { start: "2026-11-25T16:00:00+01:00" },
      });
      // The old slot is free again, the new one is taken.
      await book(api, d, booking({ start: at(WED, "15:00"), advisorId: "anna" }));
      await expectProblem(
        await api("POST", path(d), booking({ start: at(WED, "16:00"), advisorId: "anna" })),
        409,
        "slot_unavailable",
      );
    });

    it("moves the return on its own, and refuses a return before the car is ready", async () => {
      const { d, target } = await busyMorning({ times: [] });
      const tooEarly = await refusedWithoutWrites(
        () => patch(d, target.id, { return: { start: target.reception.end } }, 1),
        409,
        "rule_violation",
      );
      expect(tooEarly.violations.map((v) => v.code)).toContain("return_before_ready");

      const later = "2026-11-26T16:00";
      const res = await patch(d, target.id, { return: { start: later, advisorId: "anna", minutes: 15 } }, 1);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        version: 2,
        reception: target.reception,
        return: {
          start: "2026-11-26T16:00:00+01:00",
          end: "2026-11-26T16:15:00+01:00",
          advisorId: "anna",
          minutes: 15,
        },
      });
      // The new return holds Anna's 16:00 on Thursday.
      await expectProblem(
        await api("POST", path(d), booking({ start: "2026-11-26T16:00", advisorId: "anna" })),
        409,
        "slot_unavailable",
      );
    });

    it.each([
      ["a bare number", (v: number) => `${v}`],
      ["a strong ETag", (v: number) => `"${v}"`],
      ["a weak ETag", (v: number) => `W/"${v}"`],
    ])("accepts the version in If-Match as %s", async (_, form) => {
      const { d, target } = await busyMorning({ times: [] });
      const res = await patch(d, target.id, { reception: { start: at(WED, "16:00") } }, form(1));
      expect(res.status).toBe(200);
    });

    it("requires If-Match (428), and stores nothing without it", async () => {
      const { d, target } = await busyMorning({ times: [] });
      await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start: at(WED, "16:00") } }, undefined),
        428,
        "precondition_required",
      );
    });

    it("refuses a stale version with 412 version_conflict, and stores nothing", async () => {
      const { d, target } = await busyMorning({ times: [] });
      expect((await patch(d, target.id, { reception: { start: at(WED, "16:00") } }, 1)).status).toBe(200);
      const problem = await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start: at(WED, "17:00") } }, 1),
        412,
        "version_conflict",
      );
      expect(problem.currentVersion).toBe(2);
    });

    it.each([
      ["into another appointment", at(WED, "10:15"), "advisor_busy"],
      ["past the hourly cap", at(WED, "10:45"), "hourly_cap"],
      ["outside opening hours", at(WED, "07:00"), "outside_opening_hours"],
      ["across closing time", at(WED, "17:50"), "outside_opening_hours"],
      ["onto a closed day", at("2026-11-29", "10:00"), "closed"],
      ["off the quarter-hour grid", at(WED, "15:10"), "off_grid"],
      ["into the past", at("2026-11-23", "08:00"), "in_the_past"],
      ["beyond the booking horizon", at("2028-01-05", "10:00"), "beyond_horizon"],
    ])("refuses a move %s with 409 rule_violation listing the rule, and stores nothing", async (_, start, rule) => {
      const { d, target } = await busyMorning();
      const problem = await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start } }, 1),
        409,
        "rule_violation",
      );
      expect(problem.violations.map((v) => v.code)).toContain(rule);
      for (const v of problem.violations) expect(typeof v.message).toBe("string");
      // The appointment keeps its slot: nobody else can take 15:00.
      await expectProblem(
        await api("POST", path(d), booking({ start: at(WED, "15:00"), advisorId: "anna" })),
        409,
        "slot_unavailable",
      );
    });

    it("refuses force without a reason (400 on reason), and stores nothing", async () => {
      const { d, target } = await busyMorning();
      const problem = await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start: at(WED, "10:45") }, force: true }, 1),
        400,
        "validation_failed",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: "reason" }));
    });

    it.each([
      ["the hourly cap", {}, at(WED, "10:45"), "hourly_cap"],
      // 30-minute receptions (new customers) at 10:00, 10:30, 11:00 fill Anna's 90 minutes per 2 hours.
      [
        "the two-hour cap",
        { known: false, times: ["10:00", "10:30", "11:00"], targetAt: "15:30" },
        at(WED, "11:30"),
        "two_hour_cap",
      ],
    ])(
      "lets staff force a move past %s with a reason: 200, forced, audited with the reason",
      async (_, layout, start, rule) => {
        const { d, target } = await busyMorning(layout);
        // Without force the cap holds...
        const refused = await expectProblem(
          await patch(d, target.id, { reception: { start } }, 1),
          409,
          "rule_violation",
        );
        expect(refused.violations.map((v) => v.code)).toContain(rule);
        // ...with force and a reason it gives way.
        const res = await patch(
          d,
          target.id,
          { reception: { start }, force: true, reason: "Customer is a fleet manager" },
          1,
        );
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ version: 2, forced: true, reception: { start: `${start}:00+01:00` } });

        const row = runtime()
          .store.prepare(
            "SELECT action, actor, reason, after_json FROM audit_log WHERE appointment_id = ? ORDER BY id DESC LIMIT 1",
          )
          .get(target.id) as { action: string; actor: string; reason: string | null; after_json: string };
        expect(row).toMatchObject({ actor: "admin", reason: "Customer is a fleet manager" });
        expect(row.action).toMatch(/forced/);
        expect(row.after_json).toContain(rule);
        const slots = (await board(d, WED)).advisors[0].slots;
        expect(slots).toContainEqual(
          expect.objectContaining({ appointmentId: target.id, kind: "reception", forced: true }),
        );
      },
    );

    it.each([
      ["a double-booked advisor", at(WED, "10:15"), "advisor_busy"],
      ["a time outside opening hours", at(WED, "07:00"), "outside_opening_hours"],
      ["a closed day", at("2026-11-29", "10:00"), "closed"],
      ["an off-grid start", at(WED, "15:10"), "off_grid"],
    ])("never lets force allow %s (409), and stores nothing", async (_, start, rule) => {
      const { d, target } = await busyMorning();
      const problem = await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start }, force: true, reason: "Please" }, 1),
        409,
        "rule_violation",
      );
      expect(problem.violations.map((v) => v.code)).toContain(rule);
    });

    it.each([
      ["an unknown field", { reception: { start: at(WED, "16:00") }, colour: "red" }, "colour"],
      ["an unknown reception field", { reception: { start: at(WED, "16:00"), room: 2 } }, "reception.room"],
      ["a reception start that is not a date-time", { reception: { start: "noon" } }, "reception.start"],
      ["an unknown advisor", { reception: { advisorId: "zoe" } }, "reception.advisorId"],
      ["a 30-minute return", { return: { minutes: 30 } }, "return.minutes"],
      ["a start inside the spring-forward gap", { reception: { start: "2027-03-28T02:30" } }, "reception.start"],
    ])("refuses %s with 400 naming the field, and stores nothing", async (_, body, field) => {
      const { d, target } = await busyMorning({ times: [] });
      const problem = await refusedWithoutWrites(() => patch(d, target.id, body, 1), 400, "validation_failed");
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: field }));
    });

    it("refuses an If-Match that is not a version with 400", async () => {
      const { d, target } = await busyMorning({ times: [] });
      const problem = await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start: at(WED, "16:00") } }, "yesterday"),
        400,
        "validation_failed",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: "If-Match" }));
    });

    it("refuses to move a cancelled appointment (409 invalid_transition)", async () => {
      const { d, target } = await busyMorning({ times: [] });
      expect((await act(d, target.id, "cancel")).status).toBe(200);
      await refusedWithoutWrites(
        () => patch(d, target.id, { reception: { start: at(WED, "16:00") } }, 2),
        409,
        "invalid_transition",
      );
    });

    it.each([
      ["an unknown appointment", "dealer", "00000000-0000-0000-0000-000000000000"],
      ["an unknown dealer", "nobody", "TARGET"],
    ])("answers 404 for %s, and stores nothing", async (_, which, id) => {
      const { d, target } = await busyMorning({ times: [] });
      await refusedWithoutWrites(
        () =>
          patch(
            which === "dealer" ? d : "nobody",
            id === "TARGET" ? target.id : id,
            { reception: { start: at(WED, "16:00") } },
            1,
          ),
        404,
        "not_found",
      );
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("POST /v1/dealers/{dealerId}/appointments/{id}/{action}", () => {
    it("walks confirm → check-in → complete, one version per step, each audited", async () => {
      // Today: a check-in opens on the reception's day.
      const d = await noNotice();
      const appt = await book(api, d, booking({ start: at(MON, "10:00"), advisorId: "anna" }));
      for (const [action, status, version] of [
        ["confirm", "confirmed", 2],
        ["check-in", "checked_in", 3],
        ["complete", "completed", 4],
      ] as const) {
        const res = await act(d, appt.id, action);
        expect(res.status).toBe(200);
        expect(res.headers.get("etag")).toBe(`"${version}"`);
        expect(await res.json()).toMatchObject({ id: appt.id, status, version });
      }
      const actions = runtime()
        .store.prepare("SELECT action FROM audit_log WHERE appointment_id = ? ORDER BY id")
        .all(appt.id) as Array<{ action: string }>;
      expect(actions.map((r) => r.action)).toEqual(["book", "confirm", "check-in", "complete"]);
      // A completed appointment still holds its slot.
      await expectProblem(
        await api("POST", path(d), booking({ start: at(MON, "10:00"), advisorId: "anna" })),
        409,
        "slot_unavailable",
      );
    });

    it.each([
      ["complete", [], "requested"],
      ["check-in", ["confirm", "check-in", "complete"], "completed"],
      ["confirm", ["confirm"], "confirmed"],
      ["cancel", ["check-in"], "checked_in"],
      ["no-show", ["cancel"], "cancelled"],
      ["confirm", ["no-show"], "no_show"],
    ])(
      "refuses to %s after %j (status %s) with 409 invalid_transition, and stores nothing",
      async (action, steps, status) => {
        // Due now, so that every step is open by the clock (a no-show waits for the start).
        const d = await noNotice();
        const appt = await book(api, d, booking({ start: at(MON, "10:00"), advisorId: "anna" }));
        for (const step of steps) expect((await act(d, appt.id, step)).status).toBe(200);
        const problem = await refusedWithoutWrites(() => act(d, appt.id, action), 409, "invalid_transition");
        // The problem says which status stood in the way (its own `status` is the HTTP one).
        expect(problem).toMatchObject({ status: 409, appointmentStatus: status });
        expect(await (await get(d, appt.id)).json()).toMatchObject({ status });
      },
    );

    it("cancel releases the slot exactly once: it books again, a second cancel is refused and frees nothing", async () => {
      const d = await oneAdvisor();
      const slot = booking({ start: at(WED, "11:00"), advisorId: "anna" });
      const first = await book(api, d, slot);
      const cancelled = await act(d, first.id, "cancel", { reason: "Customer called" });
      expect(await cancelled.json()).toMatchObject({ status: "cancelled", version: 2 });
      const wed = await board(d, WED);
      expect(wed.advisors[0].slots).toEqual([]);
      expect(wed.workshop.mechanical.bookedHours).toBe(0);

      const second = await book(api, d, slot);
      await refusedWithoutWrites(() => act(d, first.id, "cancel"), 409, "invalid_transition");
      // The second booking still holds 11:00.
      await refusedWithoutWrites(() => api("POST", path(d), slot), 409, "slot_unavailable");
      const receptions = (await board(d, WED)).advisors[0].slots.filter((s) => s.kind === "reception");
      expect(receptions).toEqual([
        expect.objectContaining({ appointmentId: second.id, start: "2026-11-25T11:00:00+01:00" }),
      ]);
    });

    it("no-show releases the slot", async () => {
      const d = await noNotice([{ id: "anna", name: "Anna Rossi" }]);
      const slot = booking({ start: at(MON, "10:00"), advisorId: "anna" });
      const first = await book(api, d, slot);
      expect(await (await act(d, first.id, "no-show")).json()).toMatchObject({ status: "no_show", version: 2 });
      const again = await book(api, d, slot);
      expect(again.reception.start).toBe("2026-11-23T10:00:00+01:00");
    });

    it("refuses a no-show before the reception starts with 409 invalid_transition, and stores nothing", async () => {
      const d = await dealer();
      const appt = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      const problem = await refusedWithoutWrites(() => act(d, appt.id, "no-show"), 409, "invalid_transition");
      expect(problem).toMatchObject({ receptionStart: "2026-11-25T11:00:00+01:00" });
      expect(await (await get(d, appt.id)).json()).toMatchObject({ status: "requested", version: 1 });
    });

    it("refuses a stale If-Match with 412, and stores nothing", async () => {
      const d = await dealer();
      const appt = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      expect((await act(d, appt.id, "confirm", undefined, { "If-Match": "1" })).status).toBe(200);
      await refusedWithoutWrites(
        () => act(d, appt.id, "cancel", undefined, { "If-Match": "1" }),
        412,
        "version_conflict",
      );
    });

    it.each([
      ["an unknown action", "archive", undefined, "action"],
      ["an unknown body field", "cancel", { reason: "x", colour: "red" }, "colour"],
      ["an empty reason", "cancel", { reason: "" }, "reason"],
    ])("refuses %s with 400 naming it, and stores nothing", async (_, action, body, field) => {
      const d = await dealer();
      const appt = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      const problem = await refusedWithoutWrites(() => act(d, appt.id, action, body), 400, "validation_failed");
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: field }));
    });

    it.each([
      ["an unknown appointment", "dealer", "00000000-0000-0000-0000-000000000000"],
      ["an unknown dealer", "nobody", "BOOKED"],
    ])("answers 404 for %s, and stores nothing", async (_, which, id) => {
      const d = await dealer();
      const appt = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }));
      await refusedWithoutWrites(
        () => act(which === "dealer" ? d : "nobody", id === "BOOKED" ? appt.id : id, "confirm"),
        404,
        "not_found",
      );
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("GET /v1/dealers/{dealerId}/days/{date}", () => {
    it("shows each advisor's receptions and returns in time order, the workshop load and the courtesy cars out", async () => {
      const d = await dealer();
      // As the desk (staff token): one customer's four bookings would hit the public per-contact cap.
      const a1 = await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }), auth);
      const a2 = await book(
        api,
        d,
        booking({ start: at(WED, "09:30"), advisorId: "anna" }, { mobility: "courtesy_car" }),
        auth,
      );
      const b1 = await book(api, d, booking({ start: at(WED, "10:00"), advisorId: "bruno" }), auth);
      await book(api, d, booking({ start: at("2026-11-26", "10:00"), advisorId: "bruno" }), auth); // another day

      const day = await board(d, WED);
      expect(day).toMatchObject({ date: WED, timeZone: "Europe/Rome", open: true });
      expect(day.advisors.map((a) => [a.id, a.name])).toEqual([
        ["anna", "Anna Rossi"],
        ["bruno", "Bruno Neri"],
      ]);
      const [anna, bruno] = day.advisors;
      // What each advisor should see: every reception and return of that day that is theirs.
      const expected = (advisorId: string) =>
        [a1, a2, b1]
          .flatMap((a) => [
            {
              appointmentId: a.id,
              kind: "reception",
              start: a.reception.start,
              end: a.reception.end,
              advisorId: a.reception.advisorId,
            },
            {
              appointmentId: a.id,
              kind: "return",
              start: a.return!.start,
              end: a.return!.end,
              advisorId: a.return!.advisorId,
            },
          ])
          .filter((s) => s.advisorId === advisorId && s.start.startsWith(WED))
          .sort((x, y) => ms(x.start) - ms(y.start))
          .map(({ advisorId: _, ...s }) => expect.objectContaining(s));
      expect(anna.slots).toEqual(expected("anna"));
      expect(bruno.slots).toEqual(expected("bruno"));
      expect(anna.slots.filter((s) => s.kind === "reception")).toHaveLength(2);
      for (const s of [...anna.slots, ...bruno.slots]) expect(s).toMatchObject({ status: "requested", express: false });
      expect(anna.slots[0]).toMatchObject({ end: "2026-11-25T10:00:00+01:00" }); // a courtesy car takes 30 min to hand over

      // 4 technicians × 7 h; three 2-hour maintenance jobs received that day.
      expect(day.workshop.mechanical).toEqual({ capacityHours: 28, bookedHours: 6 });
      expect(day.workshop.diagnosis).toEqual({ capacityHours: 7, bookedHours: 0 });
      expect(day.mobility.courtesyCars).toEqual({ total: 2, inUse: 1, held: 1, appointments: [a2.id] });
      expect(day.mobility.pickupDelivery).toEqual({ runsPerHalfDay: 1, runs: [] });
    });

    it("shows a closed day as closed and empty", async () => {
      const d = await dealer();
      const day = await board(d, "2026-11-29");
      expect(day).toMatchObject({ open: false, workshop: { mechanical: { capacityHours: 0, bookedHours: 0 } } });
      expect(day.advisors.every((a) => a.slots.length === 0)).toBe(true);
    });

    it("refuses an impossible date with 400", async () => {
      const d = await dealer();
      const problem = await expectProblem(
        await api("GET", `/v1/dealers/${d}/days/2026-02-30`, undefined, auth),
        400,
        "validation_failed",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: "date", in: "path" }));
    });

    it("answers 404 for an unknown dealer", async () => {
      await expectProblem(await api("GET", "/v1/dealers/nobody/days/2026-11-25", undefined, auth), 404, "not_found");
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("staff endpoints", () => {
    let d: string;
    let id: string;
    beforeAll(async () => {
      d = await dealer();
      id = (await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }))).id;
    });

    const endpoints: Array<[string, () => [string, string, unknown?, Record<string, string>?]]> = [
      ["GET appointment", () => ["GET", path(d, id)]],
      [
        "PATCH appointment",
        () => ["PATCH", path(d, id), { reception: { start: at(WED, "16:00") } }, { "If-Match": "1" }],
      ],
      ...["confirm", "cancel", "check-in", "no-show", "complete"].map(
        (a) =>
          [`POST ${a}`, () => ["POST", `${path(d, id)}/${a}`] as [string, string]] as [string, () => [string, string]],
      ),
      ["GET day board", () => ["GET", `/v1/dealers/${d}/days/${WED}`]],
    ];
    const credentials: Array<[string, Record<string, string>]> = [
      ["no token", {}],
      ["a wrong token", { Authorization: "Bearer not-the-token" }],
      ["the token without the Bearer scheme", { Authorization: ADMIN_TOKEN }],
      ["a Basic credential", { Authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString("base64")}` }],
    ];
    const cases = endpoints.flatMap(([name, req]) =>
      credentials.map(([cred, headers]) => [name, cred, req, headers] as const),
    );

    it.each(cases)("%s with %s → 401 with a Bearer challenge, and stores nothing", async (_, __, req, headers) => {
      const [method, p, body, extra] = req();
      const problem = await refusedWithoutWrites(
        async () => {
          const r = await api(method, p, body, { ...extra, ...headers });
          expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
          return r;
        },
        401,
        "unauthorized",
      );
      expect(problem.detail).not.toContain(ADMIN_TOKEN);
    });
  });

  // ---------------------------------------------------------------------------------------

  describe("unknown fields on every write", () => {
    type Req = (dealerId: string, id: string) => [method: string, path: string, body: unknown];
    it.each<[string, Req]>([
      ["PUT dealer", (d) => ["PUT", `/v1/dealers/${d}`, romeDealer({ colour: "red" })]],
      ["POST availability", (d) => ["POST", `/v1/dealers/${d}/availability`, availability({ colour: "red" })]],
      ["POST appointment", (d) => ["POST", path(d), booking({ start: at(WED, "10:00") }, { colour: "red" })]],
      [
        "PATCH appointment",
        (d, id) => ["PATCH", path(d, id), { reception: { start: at(WED, "16:00") }, colour: "red" }],
      ],
      ["POST cancel", (d, id) => ["POST", `${path(d, id)}/cancel`, { colour: "red" }]],
    ])("%s refuses an unknown field with 400 on that field", async (_, req) => {
      const d = await dealer();
      const id = (await book(api, d, booking({ start: at(WED, "11:00"), advisorId: "anna" }))).id;
      const [method, p, body] = req(d, id);
      const problem = await refusedWithoutWrites(
        () => api(method, p, body, { ...auth, "If-Match": "1" }),
        400,
        "validation_failed",
      );
      expect(problem.errors).toEqual([expect.objectContaining({ path: "colour", message: "unknown field" })]);
    });
  });
}
