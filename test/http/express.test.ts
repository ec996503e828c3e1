import { afterEach, describe, expect, it } from "vitest";
import { type AppointmentView, type DayBoard, json, type RuleProblem } from "../support/contracts.js";
import {
  type Api,
  auth,
  availability,
  book,
  booking,
  CUSTOMER,
  expectProblem,
  useRealServer,
  inProcess,
  type InProcess,
  ms,
  putDealer,
  readDb,
  romeDealer,
  search as searchAs,
} from "../support/http.js";

// Priority vehicles (MC20) and mobility over HTTP: the express option in every priority
// search, the mobility a priority vehicle is given instead of what it asked for, the
// mobility nobody can have, the day board's courtesy cars and pickup & delivery runs,
// and courtesy cars under parallel bookings against the REAL server.
//
// The clock is frozen at Monday 2026-11-23 10:00 in Rome (FIXED_NOW) unless told.
//
// Priority is believed from a credential (README "Trust"): these searches and priority
// bookings are the staff's, who may assert the model. What an ANONYMOUS MC20 gets is
// test/trust/assertions.test.ts's.
const search = (api: Api, id: string, body: unknown) => searchAs(api, id, body, auth);

const MON = "2026-11-23";
const TUE = "2026-11-24";
const WED = "2026-11-25";

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function dealerAt(config: Record<string, unknown> = {}, now?: string): Promise<{ api: Api; id: string }> {
  t = inProcess(now ? { now } : {});
  await putDealer(t.api, "roma", romeDealer(config));
  return { api: t.api, id: "roma" };
}

const mc20 = (overrides: Record<string, unknown> = {}) =>
  availability({ vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000001" }, customer: { known: true }, ...overrides });

// ---------------------------------------------------------------------------------------

describe("priority search: an express option within one working day, ranked first", () => {
  it.each([
    {
      name: "MC20 on Monday 10:00 → today 11:00 (now + one hour's notice)",
      model: "MC20",
      now: undefined,
      first: `${MON}T11:00:00+01:00`,
    },
    {
      name: "the model is matched case-insensitively (mc20)",
      model: "mc20",
      now: undefined,
      first: `${MON}T11:00:00+01:00`,
    },
    {
      name: "the model is matched case-insensitively (Mc20)",
      model: "Mc20",
      now: undefined,
      first: `${MON}T11:00:00+01:00`,
    },
    {
      name: "late afternoon (17:45): too late for today → Tuesday 08:00",
      model: "MC20",
      now: "2026-11-23T16:45:00Z",
      first: `${TUE}T08:00:00+01:00`,
    },
    {
      name: "Friday evening → Saturday morning (the dealer opens Saturdays)",
      model: "MC20",
      now: "2026-11-27T17:30:00Z",
      first: "2026-11-28T09:00:00+01:00",
    },
  ])("$name", async ({ model, now, first }) => {
    const { api, id } = await dealerAt({}, now);
    const res = await search(api, id, mc20({ vehicle: { model }, count: 3 }));
    expect(res.options).toHaveLength(3);
    expect(res.options[0]).toMatchObject({
      start: first,
      express: true,
      overridesCaps: false,
      mobility: "courtesy_car",
      receptionMinutes: 30,
    });
    for (const o of res.options.slice(1)) expect(o.express).toBe(false);
    // The default mobility ("none") is never what a priority vehicle gets.
    expect(res.mobilityNote).toEqual(expect.stringContaining("courtesy car or pickup & delivery"));
  });

  it("an ordinary model gets no express option and no mobility note", async () => {
    const { api, id } = await dealerAt();
    const res = await search(api, id, availability({ vehicle: { model: "Grecale" }, count: 3 }));
    expect(res.options.map((o) => o.express)).toEqual([false, false, false]);
    expect(res.mobilityNote).toBeUndefined();
  });

  it('the priority models are the dealer\'s configuration: with express.models ["Grecale"], a Grecale is priority and an MC20 is not', async () => {
    const { api, id } = await dealerAt({ express: { models: ["Grecale"] } });
    const grecale = await search(api, id, availability({ vehicle: { model: "grecale" }, mobility: "courtesy_car" }));
    expect(grecale.options[0]).toMatchObject({ express: true });
    const mc = await search(api, id, mc20({ mobility: "courtesy_car" }));
    expect(mc.options.map((o) => o.express)).toEqual([false, false, false]);
  });

  /** One advisor, open 10:00–12:00 Monday to Saturday, and today and tomorrow filled by ordinary customers. */
  async function fullDesk(mobility: Record<string, unknown>) {
    const { api, id } = await dealerAt({
      advisors: [{ id: "anna", name: "Anna Rossi" }],
      openingHours: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [["10:00", "12:00"]]]),
      ),
      receptionRules: { minNoticeMinutes: 0 },
      mobility,
    });
    for (let i = 0; i < 30; i++) {
      const res = await search(api, id, availability({ from: MON, days: 2, count: 2 }));
      const o = res.options.find((x) => x.start < WED);
      if (!o) break;
      await book(
        api,
        id,
        booking(
          { optionId: o.optionId },
          { customer: { ...CUSTOMER, name: `Customer ${i}`, email: `c${i}@example.com` } },
        ),
        auth,
      );
    }
    const ordinary = await search(api, id, availability({ from: MON, days: 2, count: 2 }));
    expect(ordinary.options.filter((o) => o.start < WED)).toEqual([]);
    return { api, id };
  }

  it("when today and tomorrow are full for ordinary customers, an MC20 (pickup & delivery, a 15-min reception) still gets an express option within one working day, and booking it gives an express appointment", async () => {
    const { api, id } = await fullDesk({ courtesyCars: 0, pickupDelivery: 2 });
    const res = await search(api, id, mc20({ from: MON, days: 2, count: 2 }));
    const x = res.options[0];
    expect(x).toMatchObject({ express: true, mobility: "pickup_delivery", receptionMinutes: 15 });
    expect(x.start < WED).toBe(true);
    const appt = await book(
      api,
      id,
      booking({ optionId: x.optionId }, { vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000001" }, mobility: "taxi" }),
      auth,
    );
    expect(appt).toMatchObject({
      express: true,
      mobility: "pickup_delivery",
      reception: { start: x.start, advisorId: x.advisorId },
    });
  });

  // The same with a courtesy car: the reserve holds room for the 30-minute handover.
  it("when today and tomorrow are full for ordinary customers, an MC20 with a courtesy car (a 30-min handover) still gets an express option within one working day", async () => {
    const { api, id } = await fullDesk({ courtesyCars: 2, pickupDelivery: 0 });
    const res = await search(api, id, mc20({ from: MON, days: 2, count: 2 }));
    expect(res.options[0]).toMatchObject({ express: true, mobility: "courtesy_car", receptionMinutes: 30 });
    expect(res.options[0].start < WED).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------

describe("priority vehicles are only ever given a courtesy car or pickup & delivery", () => {
  const OFFERS_ALL = { mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: true, shuttle: true } };
  const NO_CARS = { mobility: { courtesyCars: 0, pickupDelivery: 1, taxi: true, rental: true, shuttle: true } };
  const NO_PICKUP = {
    mobility: { courtesyCars: 2, pickupDelivery: 0, taxi: true, rental: true, shuttle: { seatsPerDeparture: 3 } },
  };

  it.each([
    { asked: "none", config: OFFERS_ALL, given: "courtesy_car" },
    { asked: "taxi", config: OFFERS_ALL, given: "courtesy_car" },
    { asked: "rental", config: OFFERS_ALL, given: "courtesy_car" },
    { asked: "shuttle", config: OFFERS_ALL, given: "courtesy_car" },
    { asked: "taxi", config: NO_CARS, given: "pickup_delivery" },
    { asked: "none", config: NO_CARS, given: "pickup_delivery" },
    { asked: "shuttle", config: NO_PICKUP, given: "courtesy_car" },
    { asked: "rental", config: NO_PICKUP, given: "courtesy_car" },
  ])(
    "an MC20 asking for $asked gets $given, with a mobilityNote ($config.mobility)",
    async ({ asked, config, given }) => {
      const { api, id } = await dealerAt(config);
      const res = await search(api, id, mc20({ mobility: asked, count: 3 }));
      expect(res.options.length).toBeGreaterThanOrEqual(2);
      for (const o of res.options) expect(o.mobility).toBe(given);
      expect(res.options[0].express).toBe(true);
      expect(res.mobilityNote).toEqual(expect.stringContaining(`"${asked}" was replaced by "${given}"`));
      // An ordinary customer asking the same gets what they asked for.
      const ordinary = await search(api, id, availability({ mobility: asked }));
      for (const o of ordinary.options) expect(o.mobility).toBe(asked);
      expect(ordinary.mobilityNote).toBeUndefined();
    },
  );

  it.each(["courtesy_car", "pickup_delivery"])("an MC20 asking for %s gets it, without a note", async (asked) => {
    const { api, id } = await dealerAt(OFFERS_ALL);
    const res = await search(api, id, mc20({ mobility: asked }));
    for (const o of res.options) expect(o.mobility).toBe(asked);
    expect(res.mobilityNote).toBeUndefined();
    const appt = await book(
      api,
      id,
      booking({ start: `${TUE}T11:00`, advisorId: "anna" }, { vehicle: { model: "MC20" }, mobility: asked }),
      auth,
    );
    expect(appt).toMatchObject({ mobility: asked });
    expect(appt.mobilityNote).toBeUndefined();
  });

  it.each(["none", "taxi", "rental", "shuttle"])(
    "booking an MC20 with mobility %s stores a courtesy car",
    async (asked) => {
      const { api, id } = await dealerAt(OFFERS_ALL);
      const appt = await book(
        api,
        id,
        booking({ start: `${TUE}T11:00`, advisorId: "anna" }, { vehicle: { model: "MC20" }, mobility: asked }),
        auth,
      );
      expect(appt).toMatchObject({ mobility: "courtesy_car", express: true });
      expect(appt.reception.minutes).toBe(30); // the courtesy car is handed over
      // Said in the 201 as the search says it: a client need not work out what changed.
      expect(appt.mobilityNote).toEqual(expect.stringContaining(`"${asked}" was replaced by "courtesy_car"`));
    },
  );
});

describe("a mobility the dealer does not offer", () => {
  it.each([
    { mobility: "rental", config: { rental: false } },
    { mobility: "shuttle", config: { shuttle: false } },
    { mobility: "taxi", config: { taxi: false } },
    { mobility: "courtesy_car", config: { courtesyCars: 0, pickupDelivery: 1 } },
    { mobility: "pickup_delivery", config: { pickupDelivery: 0 } },
  ])(
    "an ordinary customer asking for $mobility ($config) gets 400 naming the field, for a search and for a booking",
    async ({ mobility, config }) => {
      const { api, id } = await dealerAt({
        mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: true, shuttle: true, ...config },
      });
      const s = await expectProblem(
        await api("POST", `/v1/dealers/${id}/availability`, availability({ mobility })),
        400,
        "validation_failed",
      );
      expect(s.errors).toContainEqual(expect.objectContaining({ path: "mobility" }));
      const before = t!.snapshot();
      const b = await expectProblem(
        await api(
          "POST",
          `/v1/dealers/${id}/appointments`,
          booking({ start: `${TUE}T11:00`, advisorId: "anna" }, { mobility }),
        ),
        400,
        "validation_failed",
      );
      expect(b.errors).toContainEqual(expect.objectContaining({ path: "mobility" }));
      expect(t!.snapshot()).toEqual(before);
    },
  );
});

// ---------------------------------------------------------------------------------------

describe("the day board's mobility", () => {
  it("shows the courtesy car out on every day of a multi-day stay, and the pickup & delivery runs", async () => {
    const { api, id } = await dealerAt({ mobility: { courtesyCars: 2, pickupDelivery: 2 } });
    // A 12-hour bodywork job with a courtesy car, received Tuesday: the car is out until its return.
    const body = (
      await search(api, id, availability({ interventions: ["bodywork"], mobility: "courtesy_car", from: TUE, days: 1 }))
    ).options[0];
    const car = await book(
      api,
      id,
      booking({ optionId: body.optionId }, { interventions: ["bodywork"], mobility: "courtesy_car" }),
      auth,
    );
    expect(car.return!.start.slice(0, 10) > TUE).toBe(true);
    // A maintenance with pickup & delivery, received Tuesday morning, back the same afternoon.
    const pd = await book(
      api,
      id,
      booking({ start: `${TUE}T09:30`, advisorId: "bruno" }, { mobility: "pickup_delivery" }),
      auth,
    );
    expect(pd.return!.start.startsWith(TUE)).toBe(true);

    const board = async (date: string) =>
      json<DayBoard>(await api("GET", `/v1/dealers/${id}/days/${date}`, undefined, auth));
    const carDays: string[] = [];
    for (let d = ms(`${TUE}T12:00:00+01:00`); ; d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      carDays.push(date);
      if (date === car.return!.start.slice(0, 10)) break;
    }
    for (const date of carDays) {
      const b = await board(date);
      expect(b.mobility.courtesyCars, date).toEqual({ total: 2, inUse: 1, held: 1, appointments: [car.id] });
    }
    const before = await board(MON);
    expect(before.mobility.courtesyCars).toMatchObject({ inUse: 0, appointments: [] });

    const tue = await board(TUE);
    expect(tue.mobility.pickupDelivery.runsPerHalfDay).toBe(2);
    expect(tue.mobility.pickupDelivery.runs).toEqual([
      { appointmentId: pd.id, kind: "pickup", at: pd.reception.start, half: "morning" },
      {
        appointmentId: pd.id,
        kind: "delivery",
        at: pd.return!.start,
        half: ms(pd.return!.start) < ms(`${TUE}T13:00:00+01:00`) ? "morning" : "afternoon",
      },
    ]);
    expect((await board(WED)).mobility.pickupDelivery.runs).toEqual([]);

    // Cancelled: the car is back in the pool on every day.
    const cancel = await api("POST", `/v1/dealers/${id}/appointments/${car.id}/cancel`, { reason: "test" }, auth);
    expect(cancel.status).toBe(200);
    for (const date of carDays)
      expect((await board(date)).mobility.courtesyCars).toMatchObject({ inUse: 0, appointments: [] });
  });
});

// ---------------------------------------------------------------------------------------

describe("courtesy cars under parallel bookings (real server)", () => {
  const real = useRealServer();
  const http: Api = (...args) => real.http(...args);

  const ADVISORS = ["a", "b", "c", "d", "e"];
  const STARTS = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];
  const PRIORITY_EVERY = 6; // 5 of the 30 bookers drive an MC20

  /**
   * Two courtesy cars, one held for priority vehicles. Five advisors and a bodywork
   * workshop large enough that only the cars can run out: every booking asks for a 12-hour
   * bodywork job with a courtesy car received on Tuesday, so every stay runs from Tuesday
   * morning to its return on Wednesday and all of them overlap.
   */
  const fleetDealer = {
    name: "Fleet Motors",
    timeZone: "Europe/Rome",
    advisors: ADVISORS.map((a) => ({ id: a, name: `Advisor ${a.toUpperCase()}` })),
    workshop: {
      mechanical: { technicians: 4, hoursPerDay: 7 },
      bodywork: { technicians: 40, hoursPerDay: 7 },
      diagnosis: { technicians: 1, hoursPerDay: 7 },
    },
    mobility: { courtesyCars: 2, pickupDelivery: 0, taxi: true },
    express: { heldCourtesyCars: 1 },
  };

  function courtesyRows(dealerId: string) {
    const db = readDb(real.server.dbPath);
    try {
      return db
        .prepare(
          "SELECT id, status, express, reception_start AS s, return_start AS r, return_minutes AS rm, ready_at AS ready FROM appointments WHERE dealer_id = ? AND mobility = 'courtesy_car'",
        )
        .all(dealerId) as Array<{
        id: string;
        status: string;
        express: number;
        s: number;
        r: number | null;
        rm: number | null;
        ready: number;
      }>;
    } finally {
      db.close();
    }
  }

  it("30 parallel bookings of overlapping multi-day stays: 2 succeed (at most 1 ordinary), every other one is a clean 409, and no instant has more cars out than the fleet", async () => {
    for (let round = 1; round <= 3; round++) {
      const dealerId = `fleet-${round}`;
      await putDealer(http, dealerId, fleetDealer);
      const requests = ADVISORS.flatMap((advisorId, a) =>
        STARTS.map((time, s) => {
          const i = a * STARTS.length + s;
          const priority = i % PRIORITY_EVERY === round % PRIORITY_EVERY;
          const body = booking(
            { start: `${TUE}T${time}`, advisorId },
            {
              vehicle: { model: priority ? "MC20" : "Grecale", vin: `ZAMXXXXXXXX${String(i).padStart(6, "0")}` },
              interventions: ["bodywork"],
              mobility: "courtesy_car",
              customer: {
                ...CUSTOMER,
                name: `Customer ${i}`,
                email: `fleet${round}-${i}@example.com`,
                phone: `+39 333 ${round}${String(i).padStart(6, "0")}`,
              },
            },
          );
          // As staff: the desk may assert the priority model (an anonymous MC20 is ordinary).
          return http("POST", `/v1/dealers/${dealerId}/appointments`, body, auth).then(async (res) => ({
            status: res.status,
            body: await json<AppointmentView | RuleProblem>(res),
            priority,
          }));
        }),
      );
      const results = await Promise.all(requests);
      expect(results).toHaveLength(30);
      expect(results.filter((r) => r.priority)).toHaveLength(5);

      const won = results.filter((r): r is typeof r & { body: AppointmentView } => r.status === 201);
      const lost = results.filter((r): r is typeof r & { body: RuleProblem } => r.status !== 201);
      expect(
        results.filter((r) => r.status >= 500),
        `round ${round}`,
      ).toEqual([]);
      // One car for ordinary customers, the held one for a priority vehicle (or both for two).
      expect(won.length, `round ${round}`).toBe(2);
      expect(won.filter((r) => !r.priority).length, `round ${round}`).toBeLessThanOrEqual(1);
      for (const r of won) expect(r.body).toMatchObject({ mobility: "courtesy_car", express: r.priority });
      for (const r of lost) {
        expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(409);
        expect(r.body.code).toBe("slot_unavailable");
        expect(r.body.violations.map((v) => v.code)).toEqual(["mobility_unavailable"]);
      }

      // Storage: exactly the winners hold a car, and at no instant are more cars out than the
      // fleet, nor more than one with an ordinary customer while the held car is unused.
      const rows = courtesyRows(dealerId);
      expect(rows.map((r) => r.id).sort()).toEqual(won.map((r) => r.body.id).sort());
      const windows = rows.map((r) => ({
        from: r.s,
        to: r.r !== null ? r.r + (r.rm ?? 0) : r.ready,
        express: r.express === 1,
      }));
      for (const w of windows) expect(w.to - w.from).toBeGreaterThan(24 * 60); // multi-day stays
      for (const at of windows.map((w) => w.from)) {
        const out = windows.filter((w) => w.from <= at && at < w.to);
        expect(out.length).toBeLessThanOrEqual(2);
        expect(out.length + Math.max(0, 1 - out.filter((w) => w.express).length)).toBeLessThanOrEqual(2);
      }
      // The day boards agree, on every day of the stays.
      for (const date of [TUE, WED]) {
        const res = await http("GET", `/v1/dealers/${dealerId}/days/${date}`, undefined, auth);
        const day = await json<DayBoard>(res);
        expect(day.mobility.courtesyCars.total).toBe(2);
        expect(day.mobility.courtesyCars.inUse).toBeLessThanOrEqual(2);
        expect([...day.mobility.courtesyCars.appointments].sort()).toEqual(won.map((r) => r.body.id).sort());
      }
      // And nothing is left to offer an ordinary customer over those days.
      const more = await search(
        http,
        dealerId,
        availability({ interventions: ["bodywork"], mobility: "courtesy_car", from: TUE, days: 1, count: 2 }),
      );
      for (const o of more.options) expect(o.start.startsWith(TUE)).toBe(false);
    }
    expect(real.server.stdoutLines().filter((l) => l.includes('"unhandled error"'))).toEqual([]);
  }, 60_000);
});
