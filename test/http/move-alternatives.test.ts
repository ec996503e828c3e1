import { afterEach, describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import {
  type Api,
  auth,
  availability,
  book,
  booking,
  CUSTOMER,
  expectProblem,
  inProcess,
  type InProcess,
  ms,
  putDealer,
  romeDealer,
  search,
} from "../support/http.js";

// A refused move (PATCH …/appointments/{id}, 409 rule_violation) offers alternatives: each
// must be a time the same request accepts, placed as it shows (return, ready time, express
// flag). A priority vehicle's refusal used to offer the search's express option, which the
// move refuses when it does not treat the appointment as express (booked outside the
// express window, it stays an ordinary appointment) or when that option goes past the caps.
//
// The world: one advisor, open 10:00–12:00 Monday to Saturday, no minimum notice, today
// (Monday 23, 10:00 in Rome, FIXED_NOW) and tomorrow full for ordinary customers; only the
// express reserve is left there. Each alternative is tried on a world built afresh, so each
// is checked against the same bookings the refusal saw.

const MON = "2026-11-23";
const TUE = "2026-11-24";
const WED = "2026-11-25";
const MC20 = { vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000001" }, mobility: "pickup_delivery" };

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** The world above with an MC20 booked first: at its express option, or at a given start. */
async function world(mc20: { express: true } | { start: string }): Promise<{ api: Api; mc: AppointmentView }> {
  t?.close();
  t = inProcess();
  const api = t.api;
  await putDealer(
    api,
    "roma",
    romeDealer({
      advisors: [{ id: "anna", name: "Anna Rossi" }],
      openingHours: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [["10:00", "12:00"]]]),
      ),
      receptionRules: { minNoticeMinutes: 0 },
      mobility: { courtesyCars: 0, pickupDelivery: 2 },
    }),
  );
  const slot =
    "start" in mc20
      ? { start: mc20.start, advisorId: "anna" }
      : { optionId: (await search(api, "roma", availability({ ...MC20, count: 1 }), auth)).options[0].optionId };
  const mc = await book(api, "roma", booking(slot, MC20), auth);
  for (let i = 0; i < 30; i++) {
    const res = await search(api, "roma", availability({ from: MON, days: 2, count: 2 }), auth);
    const o = res.options.find((x) => x.start < WED);
    if (!o) break;
    const customer = { ...CUSTOMER, name: `Customer ${i}`, email: `c${i}@example.com` };
    await book(api, "roma", booking({ optionId: o.optionId }, { customer }), auth);
  }
  return { api, mc };
}

const move = (api: Api, id: string, body: unknown) =>
  api("PATCH", `/v1/dealers/roma/appointments/${id}`, body, { ...auth, "If-Match": "1" });

/** The refusal of `body`, then each of its alternatives asked with the same body on a fresh world. */
async function everyAlternativeAccepted(
  mc20: { express: true } | { start: string },
  body: { reception: { start: string } } & Record<string, unknown>,
) {
  const first = await world(mc20);
  const refused = await expectProblem(await move(first.api, first.mc.id, body), 409, "rule_violation");
  expect(refused.alternatives).toHaveLength(2); // the week has room after the full days
  for (const alt of refused.alternatives) {
    const { api, mc } = await world(mc20);
    const res = await move(api, mc.id, { ...body, reception: { start: alt.start, advisorId: alt.advisorId } });
    const text = await res.clone().text();
    expect({ alternative: alt.start, express: alt.express, status: res.status, text }).toMatchObject({
      status: 200,
    });
    // Placed as offered: the time, the return, the ready time and whether it is express.
    const moved = await json<AppointmentView>(res);
    expect({ start: moved.reception.start, advisorId: moved.reception.advisorId }).toEqual({
      start: alt.start,
      advisorId: alt.advisorId,
    });
    expect({ express: moved.express, readyAt: moved.readyAt, return: moved.return?.start }).toEqual({
      express: alt.express,
      readyAt: alt.readyAt,
      return: alt.return?.start,
    });
  }
  return { mc: first.mc, refused };
}

describe("a refused priority move's alternatives", () => {
  it.each([
    ["to a closed Sunday", "2026-11-29T10:00"],
    ["to a taken time tomorrow", `${TUE}T10:00`],
  ])(
    "booked outside the express window (an ordinary appointment): moved %s, every alternative is accepted, none express",
    async (_, start) => {
      const { mc, refused } = await everyAlternativeAccepted({ start: `${WED}T10:00` }, { reception: { start } });
      expect(mc.express).toBe(false);
      expect(refused.alternatives.filter((o) => o.express || o.overridesCaps)).toEqual([]);
    },
  );

  it("booked at its express option: every alternative is accepted, and none is where it stands now", async () => {
    const { mc, refused } = await everyAlternativeAccepted(
      { express: true },
      { reception: { start: "2026-11-29T10:00" } },
    );
    expect(mc.express).toBe(true);
    expect(refused.alternatives.map((o) => ms(o.start))).not.toContain(ms(mc.reception.start));
  });
});

// The same rule for the refusal's shape: a malformed explicit return is bad input (400),
// whether or not the reception it comes with would fit.
describe("a move with a return that names nothing", () => {
  it.each([
    ["a local time the clocks skip (DST)", { start: "2027-03-28T02:30" }, "return.start"],
    ["an unknown advisor", { advisorId: "nobody" }, "return.advisorId"],
  ])("is refused with 400 for %s even when the reception is refused too, and stores nothing", async (_, ret, path) => {
    const { api, mc } = await world({ start: `${WED}T10:00` });
    const before = t!.snapshot();
    const problem = await expectProblem(
      await move(api, mc.id, { reception: { start: "2026-11-29T10:00" }, return: ret }),
      400,
      "validation_failed",
    );
    expect(problem.errors).toContainEqual(expect.objectContaining({ path }));
    expect(t!.snapshot()).toEqual(before);
  });
});
