import { afterEach, describe, expect, it } from "vitest";
import type { AvailabilityResponse, CalendarResponse, DayResponse, HoldView } from "../support/contracts.js";
import { json } from "../support/contracts.js";
import {
  type Api,
  auth,
  book,
  booking,
  CUSTOMER,
  expectProblem,
  inProcess,
  type InProcess,
  putDealer,
} from "../support/http.js";

// A priority vehicle (MC20) is given a courtesy car or pickup & delivery: the kind it asked
// for (or, asking another, the courtesy car) where that is free, else the other one. So the
// express option within one day survives the courtesy cars being all out, and booking an
// option reserves exactly the kind it showed. Ordinary vehicles keep what they asked for.
//
// The clock is frozen at Monday 2026-11-23 10:00 in Rome (FIXED_NOW). Searches and
// bookings are the staff's, who may assert the model (README "Trust").

const MON = "2026-11-23";
const D = "exp2";
const WEEKDAY = [["08:00", "18:00"]];
const EXP2 = {
  name: "EXP2",
  timeZone: "Europe/Rome",
  openingHours: { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY, sat: [], sun: [] },
  rushHours: [],
  advisors: [
    { id: "a", name: "A" },
    { id: "b", name: "B" },
  ],
  mobility: { courtesyCars: 1, pickupDelivery: 2 },
};
const MC20 = { model: "MC20" };
const mc20Search = (mobility: string, extra: Record<string, unknown> = {}) => ({
  vehicle: MC20,
  interventions: ["tyres"],
  customer: { known: true },
  mobility,
  count: 3,
  ...extra,
});
const mc20Booking = (slot: Record<string, unknown>, mobility: string) =>
  booking(slot, { vehicle: MC20, interventions: ["tyres"], mobility, channel: "staff" });

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function exp2(): Promise<Api> {
  t = inProcess();
  await putDealer(t.api, D, EXP2);
  return t.api;
}

/** The reviewer's car: a Grecale's bodywork takes the only courtesy car from Monday 11:00 until Wednesday 25/11. */
async function carOut(api: Api): Promise<string> {
  const long = await book(
    api,
    D,
    booking(
      { start: `${MON}T11:00`, advisorId: "a" },
      {
        interventions: ["bodywork"],
        customer: { ...CUSTOMER, name: "Long" },
        mobility: "courtesy_car",
        channel: "staff",
      },
    ),
    auth,
  );
  expect(long.return?.start.slice(0, 10)).toBe("2026-11-25");
  return long.id;
}

async function searchOf(api: Api, body: unknown): Promise<AvailabilityResponse> {
  return json<AvailabilityResponse>(await api("POST", `/v1/dealers/${D}/availability`, body, auth));
}

describe("the courtesy car is out: a priority vehicle gets pickup & delivery instead", () => {
  it.each(["none", "courtesy_car", "rental", "taxi", "shuttle"])(
    "an MC20 asking %s is offered the express option today, with pickup & delivery, and a note why",
    async (asked) => {
      const api = await exp2();
      await carOut(api);
      const res = await searchOf(api, mc20Search(asked));
      expect(res.shortfall).toBeUndefined();
      expect(res.options[0]).toMatchObject({
        start: `${MON}T11:00:00+01:00`,
        express: true,
        mobility: "pickup_delivery",
      });
      // Monday and Tuesday have no car: every option there is pickup & delivery.
      for (const o of res.options) if (o.start < "2026-11-25") expect(o.mobility).toBe("pickup_delivery");
      expect(res.mobilityNote).toEqual(expect.stringContaining("no courtesy car can be arranged"));
      expect(res.mobilityNote).toEqual(expect.stringContaining('"pickup_delivery"'));
    },
  );

  it("the day list and the calendar show Monday's pickup & delivery starts too", async () => {
    const api = await exp2();
    await carOut(api);
    const body = { ...mc20Search("courtesy_car"), date: MON };
    delete (body as Record<string, unknown>).count;
    const day = await json<DayResponse>(await api("POST", `/v1/dealers/${D}/availability/day`, body, auth));
    expect(day.options.length).toBeGreaterThan(0);
    expect(day.options[0]).toMatchObject({ start: `${MON}T11:00:00+01:00`, mobility: "pickup_delivery" });
    for (const o of day.options) expect(o.mobility).toBe("pickup_delivery");
    expect(day.mobilityNote).toEqual(expect.stringContaining("no courtesy car can be arranged"));
    const calBody = { ...mc20Search("courtesy_car"), from: MON, days: 2 };
    delete (calBody as Record<string, unknown>).count;
    const cal = await json<CalendarResponse>(
      await api("POST", `/v1/dealers/${D}/availability/calendar`, calBody, auth),
    );
    expect(cal.days[0]).toMatchObject({ date: MON, bookable: true, first: "11:00" });
  });

  it.each([
    { how: "its optionId", slot: (o: { optionId: string }) => ({ optionId: o.optionId }) },
    {
      how: "its start and advisor",
      slot: (o: { start: string; advisorId: string }) => ({ start: o.start, advisorId: o.advisorId }),
    },
    { how: "its start alone", slot: (o: { start: string }) => ({ start: o.start }) },
  ])("booking the express option by $how reserves pickup & delivery, express", async ({ slot }) => {
    const api = await exp2();
    await carOut(api);
    const [x] = (await searchOf(api, mc20Search("none"))).options;
    const appt = await book(api, D, mc20Booking(slot(x), "none"), auth);
    expect(appt).toMatchObject({ mobility: "pickup_delivery", express: true });
    expect(appt.reception.start).toBe(x.start);
    expect(appt.mobilityNote).toEqual(expect.stringContaining("no courtesy car can be arranged for this stay"));
  });

  it("a hold on the express option holds pickup & delivery, and the booking that consumes it keeps it", async () => {
    const api = await exp2();
    await carOut(api);
    const [x] = (await searchOf(api, mc20Search("courtesy_car"))).options;
    const res = await api(
      "POST",
      `/v1/dealers/${D}/holds`,
      {
        optionId: x.optionId,
        vehicle: MC20,
        interventions: ["tyres"],
        customer: { known: true },
        mobility: "courtesy_car",
      },
      auth,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const hold = await json<HoldView>(res);
    expect(hold.option).toMatchObject({ start: x.start, mobility: "pickup_delivery", express: true });
    const appt = await book(
      api,
      D,
      mc20Booking({ optionId: hold.option.optionId, holdId: hold.holdId }, "courtesy_car"),
      auth,
    );
    expect(appt).toMatchObject({ mobility: "pickup_delivery", express: true });
  });

  it("an option's mobility is booked exactly: the pickup option stays pickup when the car comes back; gone, a 409 with alternatives", async () => {
    const api = await exp2();
    const longId = await carOut(api);
    const [x] = (await searchOf(api, mc20Search("none"))).options;
    expect(x.mobility).toBe("pickup_delivery");
    // The car comes back: the option still books what it showed.
    expect((await api("POST", `/v1/dealers/${D}/appointments/${longId}/cancel`, {}, auth)).status).toBe(200);
    const kept = await book(api, D, mc20Booking({ optionId: x.optionId }, "none"), auth);
    expect(kept.mobility).toBe("pickup_delivery");
    // By its start alone, the same request now gets the courtesy car (free again).
    const byStart = await book(api, D, mc20Booking({ start: `${MON}T14:00` }, "none"), auth);
    expect(byStart.mobility).toBe("courtesy_car");
  });

  it("the kind an option showed is gone by booking time: 409 slot_unavailable with alternatives, nothing booked", async () => {
    const api = await exp2();
    await carOut(api);
    const [x] = (await searchOf(api, mc20Search("none"))).options;
    expect(x.mobility).toBe("pickup_delivery");
    // Two ordinary pickups take Monday morning's two runs.
    for (const start of [`${MON}T11:15`, `${MON}T11:30`])
      await book(
        api,
        D,
        booking({ start, advisorId: "b" }, { interventions: ["tyres"], mobility: "pickup_delivery", channel: "staff" }),
        auth,
      );
    const before = t!.snapshot();
    const p = await expectProblem(
      await api("POST", `/v1/dealers/${D}/appointments`, mc20Booking({ optionId: x.optionId }, "none"), auth),
      409,
      "slot_unavailable",
    );
    expect(p.violations.map((v) => v.code)).toContain("mobility_unavailable");
    expect(p.alternatives.length).toBeGreaterThan(0);
    expect(t!.snapshot()).toEqual(before);
  });
});

/** A walk-in planned, then applied with the plan's token: the appointment it created. */
async function walkIn(api: Api, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
  const url = `/v1/dealers/${D}/reshuffle/walk-in`;
  const planned = await api("POST", url, body, auth);
  expect(planned.status, await planned.clone().text()).toBe(200);
  const { planToken } = await json<{ planToken: string }>(planned);
  const applied = await api("POST", url, { ...body, mode: "apply", planToken }, auth);
  expect(applied.status, await applied.clone().text()).toBe(200);
  return (await json<{ created: Record<string, unknown> & { id: string } }>(applied)).created;
}

describe("a priority walk-in while the courtesy car is out", () => {
  it("is received with pickup & delivery, planned and applied", async () => {
    const api = await exp2();
    await carOut(api);
    const body = {
      vehicle: MC20,
      interventions: ["tyres"],
      customer: { known: true, name: "Walk In", phone: "+39 333 0000000" },
      mobility: "courtesy_car",
    };
    expect(await walkIn(api, body)).toMatchObject({ mobility: "pickup_delivery", express: true });
  });
});

// Staff receive walk-ins, so the car is a priority one by its VIN on the dealer's file as
// for a staff booking, not only by its model: it used to be received as an ordinary car,
// without express or a courtesy car, and stored without its priority.
describe("a walk-in whose VIN is on file as priority (its model is not an express one)", () => {
  const VIN = "ZAMGHBL0000000042";
  it.each([
    { vehicle: { model: "Ghibli", vin: VIN }, given: { mobility: "courtesy_car", express: true, priority: true } },
    { vehicle: { model: "Ghibli" }, given: { mobility: "none", express: false, priority: false } },
  ])("$vehicle is received with $given", async ({ vehicle, given }) => {
    const api = await exp2();
    const put = await api("PUT", `/v1/dealers/${D}/vehicles/${VIN}`, { model: "Ghibli", priority: true }, auth);
    expect(put.status, await put.clone().text()).toBeLessThan(300);
    const body = {
      vehicle,
      interventions: ["tyres"],
      customer: { known: true, name: "Walk In", phone: "+39 333 0000000" },
    };
    const created = await walkIn(api, body);
    const stored = await json<Record<string, unknown>>(
      await api("GET", `/v1/dealers/${D}/appointments/${created.id}`, undefined, auth),
    );
    expect(stored).toMatchObject(given);
  });
});

// A dealer without courtesy cars still gives a priority vehicle one of the two kinds: the
// courtesy car it asked for becomes pickup & delivery, said in the note. It was a 400
// ("this dealer does not offer courtesy_car"), as for an ordinary car, which it stays.
describe("a dealer offering pickup & delivery only", () => {
  it.each([
    { vehicle: MC20, given: 200 },
    { vehicle: { model: "Ghibli" }, given: 400 },
  ])("$vehicle asking for a courtesy car: $given", async ({ vehicle, given }) => {
    t = inProcess();
    await putDealer(t.api, D, { ...EXP2, mobility: { courtesyCars: 0, pickupDelivery: 2 } });
    const res = await t.api("POST", `/v1/dealers/${D}/availability`, mc20Search("courtesy_car", { vehicle }), auth);
    expect(res.status, await res.clone().text()).toBe(given);
    if (given !== 200) return;
    const body = await json<AvailabilityResponse>(res);
    expect(body.options.length).toBeGreaterThanOrEqual(2);
    for (const o of body.options) expect(o.mobility).toBe("pickup_delivery");
    expect(body.mobilityNote).toEqual(expect.stringContaining('"courtesy_car" was replaced by "pickup_delivery"'));
    const appt = await book(t.api, D, mc20Booking({ optionId: body.options[0].optionId }, "courtesy_car"), auth);
    expect(appt).toMatchObject({ mobility: "pickup_delivery", express: true });
  });
});

describe("the priority kinds while both are free", () => {
  it.each([
    { asked: "none", given: "courtesy_car" },
    { asked: "taxi", given: "courtesy_car" },
    { asked: "courtesy_car", given: "courtesy_car" },
    { asked: "pickup_delivery", given: "pickup_delivery" },
  ])("an MC20 asking $asked gets $given at every option, and books it", async ({ asked, given }) => {
    const api = await exp2();
    const res = await searchOf(api, mc20Search(asked));
    expect(res.options[0]).toMatchObject({ start: `${MON}T11:00:00+01:00`, express: true });
    for (const o of res.options) expect(o.mobility).toBe(given);
    if (asked === given) expect(res.mobilityNote).toBeUndefined();
    else expect(res.mobilityNote).toEqual(expect.stringContaining(`"${asked}" was replaced by "${given}"`));
    const appt = await book(api, D, mc20Booking({ optionId: res.options[0].optionId }, asked), auth);
    expect(appt).toMatchObject({ mobility: given, express: true });
  });

  it("an MC20 asking pickup & delivery when Monday's runs are all taken gets the courtesy car on Monday, pickup where it is free", async () => {
    const api = await exp2();
    // Two ordinary pickups take Monday morning's two runs, and their deliveries the afternoon's.
    for (const start of [`${MON}T11:15`, `${MON}T11:30`])
      await book(
        api,
        D,
        booking({ start, advisorId: "b" }, { interventions: ["tyres"], mobility: "pickup_delivery", channel: "staff" }),
        auth,
      );
    const res = await searchOf(api, mc20Search("pickup_delivery"));
    // The express option honours the asked kind where it is free inside the express window (Tuesday 08:00).
    expect(res.options[0]).toMatchObject({
      start: "2026-11-24T08:00:00+01:00",
      express: true,
      mobility: "pickup_delivery",
    });
    const monday = res.options.filter((o) => o.start.startsWith(MON));
    expect(monday.length).toBeGreaterThan(0);
    for (const o of monday) expect(o.mobility).toBe("courtesy_car");
    expect(res.mobilityNote).toEqual(
      expect.stringContaining("no pickup & delivery can be arranged at some of these times"),
    );
    const appt = await book(api, D, mc20Booking({ start: `${MON}T11:00`, advisorId: "a" }, "pickup_delivery"), auth);
    expect(appt).toMatchObject({ mobility: "courtesy_car", express: true });
    expect(appt.mobilityNote).toEqual(expect.stringContaining("no pickup & delivery can be arranged for this stay"));
  });
});

describe("ordinary vehicles are unchanged", () => {
  it("a Grecale asking for the courtesy car while it is out is offered it only from its return, and never pickup & delivery", async () => {
    const api = await exp2();
    await carOut(api);
    const body = {
      vehicle: { model: "Grecale" },
      interventions: ["tyres"],
      customer: { known: true },
      mobility: "courtesy_car",
      count: 3,
    };
    const res = await searchOf(api, body);
    expect(res.mobilityNote).toBeUndefined();
    for (const o of res.options) {
      expect(o.mobility).toBe("courtesy_car");
      expect(o.express).toBe(false);
      expect(o.start >= "2026-11-25").toBe(true);
    }
    const p = await expectProblem(
      await api(
        "POST",
        `/v1/dealers/${D}/appointments`,
        booking({ start: `${MON}T14:00` }, { interventions: ["tyres"], mobility: "courtesy_car", channel: "staff" }),
        auth,
      ),
      409,
      "slot_unavailable",
    );
    expect(p.violations.map((v) => v.code)).toContain("mobility_unavailable");
  });
});
