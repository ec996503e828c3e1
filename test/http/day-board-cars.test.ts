import { describe, expect, it } from "vitest";
import { type AppointmentView, type DayBoard, json } from "../support/contracts.js";
import { type Api, auth, book, booking, expectProblem, freshDealers, inProcessPerFile, ms } from "../support/http.js";

// The day board's courtesy cars (GET …/days/{date}, mobility.courtesyCars): `inUse` is the
// most cars out at the same moment of the day, what the stock must cover, so never above
// `total` on a day the checker let through; `appointments` lists every appointment with a
// car out at some point of the day, stays from earlier days and into later ones included.
// The clock stands at Monday 2026-11-23 10:00 in Rome; the bookings are on Tuesday.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
const dealer = freshDealers(api, "board-cars");
const TUE = "2026-11-24";

/** Three courtesy cars, none held back for priority vehicles. */
const threeCars = () =>
  dealer({
    mobility: { courtesyCars: 3, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
    express: { heldCourtesyCars: 0 },
  });

const carAt = (d: string, start: string, advisorId: string, vin: string) =>
  book(t.api, d, booking({ start, advisorId }, { mobility: "courtesy_car", vehicle: { model: "Grecale", vin } }), auth);

const carsOn = async (d: string, date: string) =>
  (await json<DayBoard>(await t.api("GET", `/v1/dealers/${d}/days/${date}`, undefined, auth))).mobility.courtesyCars;

const windowOf = (a: AppointmentView) => [ms(a.reception.start), ms(a.return!.end)] as const;

describe("the day board's courtesy cars in use", () => {
  it("is the most out at once, not the appointments with a car that day: 3 of 3, four appointments", async () => {
    const d = await threeCars();
    const morning = [
      await carAt(d, `${TUE}T08:00`, "anna", "ZN6XXXXXXXX000001"),
      await carAt(d, `${TUE}T08:00`, "bruno", "ZN6XXXXXXXX000002"),
      await carAt(d, `${TUE}T08:30`, "anna", "ZN6XXXXXXXX000003"),
    ];
    // After every morning car is back: a fourth appointment takes one of them out again.
    const back = Math.max(...morning.map((a) => windowOf(a)[1]));
    const afternoon = await carAt(d, `${TUE}T15:00`, "bruno", "ZN6XXXXXXXX000004");
    expect(windowOf(afternoon)[0]).toBeGreaterThanOrEqual(back);

    const cars = await carsOn(d, TUE);
    expect(cars).toMatchObject({ total: 3, inUse: 3, held: 0 });
    expect([...cars.appointments].sort()).toEqual([...morning, afternoon].map((a) => a.id).sort());
  });

  it("counts a stay that began on an earlier day and ends on a later one, on every day between", async () => {
    const d = await threeCars();
    const a = await carAt(d, `${TUE}T08:00`, "anna", "ZN6XXXXXXXX000001");
    expect(a.readyAt.startsWith(TUE)).toBe(true);
    // Collected on Thursday: on Wednesday the car has no reception, return or labour, and is out.
    const moved = await json<AppointmentView>(
      await t.api(
        "PATCH",
        `/v1/dealers/${d}/appointments/${a.id}`,
        { return: { start: "2026-11-26T10:00", advisorId: "anna" } },
        { ...auth, "If-Match": "1" },
      ),
    );
    expect(moved.return!.start.startsWith("2026-11-26")).toBe(true);
    for (const date of [TUE, "2026-11-25", "2026-11-26"])
      expect(await carsOn(d, date), date).toMatchObject({ inUse: 1, appointments: [a.id] });
    for (const date of ["2026-11-23", "2026-11-27"])
      expect(await carsOn(d, date), date).toMatchObject({ inUse: 0, appointments: [] });
  });

  // A return is bounded as a reception is, by the horizon (365 days after the car is ready
  // here): one moved to 9999 was stored, and held a car out on every day until then.
  it.each(["9999-12-31T10:00", "2027-11-25T10:00"])(
    "refuses a return moved to %s (beyond_horizon), and the car is back on the days after",
    async (start) => {
      const d = await threeCars();
      const a = await carAt(d, `${TUE}T08:00`, "anna", "ZN6XXXXXXXX000001");
      const problem = await expectProblem(
        await t.api(
          "PATCH",
          `/v1/dealers/${d}/appointments/${a.id}`,
          { return: { start, advisorId: "anna" } },
          { ...auth, "If-Match": "1" },
        ),
        409,
        "rule_violation",
      );
      expect(problem.violations.map((v) => v.code)).toContain("beyond_horizon");
      expect(problem.violations.find((v) => v.code === "beyond_horizon")?.message).toMatch(
        /^a return is at most 365 days after the car is ready \(2026-11-24 at \d\d:\d\d\)$/,
      );
      expect(await carsOn(d, "2026-11-25")).toMatchObject({ inUse: 0, appointments: [] });
    },
  );
});
