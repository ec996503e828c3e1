import { describe, expect, it } from "vitest";
import {
  type Api,
  auth,
  availability,
  book,
  booking,
  expectProblem,
  freshDealers,
  search,
  snapshot,
} from "../support/http.js";
import type { Target } from "./target.js";
import { type CalendarResponse, type DayResponse, type DocPaths, type HoldView, json } from "../support/contracts.js";

// The widget's API (issue 14), one suite for every runtime (in-process, Node, Worker):
// the calendar and the day list, and holds. Clock frozen at Monday 2026-11-23 10:00 in
// Rome (09:00Z), as in endpoints.ts.

/** A zero-labour service: the one-hour dealers below are about the desk, not the workshop. */
const CHECK = {
  interventions: {
    check: { label: "Check", skill: "mechanical", receptionMinutes: 15, returnMinutes: 10, labourHours: 0 },
  },
};

export function describeWidgetApi(runtime: () => Target): void {
  const api: Api = (...args) => runtime().api(...args);
  const dealer = freshDealers(api, "widget");
  const calendar = async (d: string, body: unknown) => {
    const res = await api("POST", `/v1/dealers/${d}/availability/calendar`, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return json<CalendarResponse>(res);
  };
  const dayList = async (d: string, body: unknown) => {
    const res = await api("POST", `/v1/dealers/${d}/availability/day`, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return json<DayResponse>(res);
  };

  describe("POST /availability/calendar and /availability/day", () => {
    it("mark each date bookable/quiet/first, and the day list shows those very starts", async () => {
      const d = await dealer();
      const cal = await calendar(d, availability({ from: "2026-11-23", days: 7 }));
      expect(cal).toMatchObject({ dealerId: d, timeZone: "Europe/Rome" });
      expect(cal.days.map((x) => x.date)).toEqual([
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
        "2026-11-29",
      ]);
      // Today from 11:00 (an hour's notice), Sunday closed, Saturday mornings.
      const open = { closed: false };
      expect(cal.days[0]).toEqual({ date: "2026-11-23", bookable: true, quiet: true, first: "11:00", ...open });
      expect(cal.days[1]).toEqual({ date: "2026-11-24", bookable: true, quiet: true, first: "08:00", ...open });
      expect(cal.days[6]).toEqual({ date: "2026-11-29", bookable: false, quiet: false, first: null, closed: true });
      // Bookings open a year ahead (maxHorizonDays 365 by default): the picker's last date.
      expect(cal.lastDate).toBe("2027-11-23");
      for (const c of cal.days) {
        const list = await dayList(d, availability({ date: c.date }));
        expect(list).toMatchObject({ dealerId: d, timeZone: "Europe/Rome", date: c.date });
        expect(list.options.length > 0, c.date).toBe(c.bookable);
        expect(list.options[0]?.start.slice(11, 16) ?? null).toBe(c.first);
        expect(list.options.some((o) => o.quiet)).toBe(c.quiet);
        const starts = list.options.map((o) => Date.parse(o.start));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        expect(new Set(starts).size).toBe(starts.length);
      }
      // Tuesday 08:00–18:00 on the quarter hour, 15-minute receptions: 40 starts.
      const tue = await dayList(d, availability({ date: "2026-11-24" }));
      expect(tue.options).toHaveLength(40);
      expect(tue.options[0]).toMatchObject({
        start: "2026-11-24T08:00:00+01:00",
        end: "2026-11-24T08:15:00+01:00",
        receptionMinutes: 15,
        express: false,
        mobility: "none",
      });
      expect(tue.options[0].optionId).toEqual(expect.any(String));
      expect(tue.options[0].return).toMatchObject({ minutes: 10 });
    });

    it("say which dates the workshop is closed (a holiday too) and the last date of the dealer's horizon", async () => {
      const d = await dealer({ closures: ["2026-11-25"], receptionRules: { maxHorizonDays: 7 } });
      const cal = await calendar(d, availability({ from: "2026-11-23", days: 10 }));
      const seen = cal.days.map((x) => [x.date.slice(8), x.bookable, x.closed]);
      expect(seen).toEqual([
        ["23", true, false],
        ["24", true, false],
        ["25", false, true], // the holiday
        ["26", true, false],
        ["27", true, false],
        ["28", true, false],
        ["29", false, true], // Sunday
        ["30", true, false], // today + 7 days: the last bookable date
        ["01", false, false], // open, but past the horizon
        ["02", false, false],
      ]);
      expect(cal.lastDate).toBe("2026-11-30");
    });

    it("agree with the search: its options are on the day list, with the same optionId", async () => {
      const d = await dealer();
      const found = await search(api, d, availability({ count: 4, mobility: "courtesy_car" }));
      for (const o of found.options) {
        const list = await dayList(d, availability({ date: o.start.slice(0, 10), mobility: "courtesy_car" }));
        expect(list.options.map((x) => x.start)).toContain(o.start);
      }
    });

    it("book every option of a day, and what is booked leaves the list", async () => {
      const d = await dealer({
        advisors: [{ id: "anna", name: "Anna Rossi" }],
        openingHours: { tue: [["09:00", "10:00"]] },
        ...CHECK,
      });
      const day = availability({ date: "2026-11-24", interventions: ["check"] });
      const first = await dayList(d, day);
      expect(first.options.map((o) => o.start.slice(11, 16))).toEqual(["09:00", "09:15", "09:30", "09:45"]);
      let list = first;
      let booked = 0;
      while (list.options.length) {
        const o = list.options[0];
        await book(
          api,
          d,
          booking(
            { optionId: o.optionId },
            {
              interventions: ["check"],
              customer: { known: true, name: `Customer ${booked}`, email: `c${booked}@example.com` },
            },
          ),
        );
        booked++;
        list = await dayList(d, day);
        expect(list.options.map((x) => x.start)).not.toContain(o.start);
      }
      // Anna's hour fills (receptions, their returns, the hourly cap of 3): then the day is full.
      expect(booked).toBeGreaterThanOrEqual(2);
      expect(booked).toBeLessThanOrEqual(3);
      const cal = await calendar(d, availability({ from: "2026-11-24", days: 1, interventions: ["check"] }));
      expect(cal.days).toEqual([{ date: "2026-11-24", bookable: false, quiet: false, first: null, closed: false }]);
    });

    it("take the dayPart as a filter, and a preferred advisor first", async () => {
      const d = await dealer();
      const pm = await dayList(d, availability({ date: "2026-11-24", dayPart: "afternoon" }));
      expect(pm.options.length).toBeGreaterThan(0);
      for (const o of pm.options) expect(o.start.slice(11, 16) >= "13:00").toBe(true);
      const cal = await calendar(d, availability({ from: "2026-11-24", days: 1, dayPart: "afternoon" }));
      expect(cal.days[0].first).toBe(pm.options[0].start.slice(11, 16));
      const bruno = await dayList(d, availability({ date: "2026-11-24", preferredAdvisorId: "bruno" }));
      expect(bruno.options.every((o) => o.advisorId === "bruno")).toBe(true);
    });

    it.each([
      ["calendar", "a count", { count: 3 }],
      ["calendar", "more than 62 days", { days: 63 }],
      ["calendar", "an impossible date", { from: "2026-02-30" }],
      ["calendar", "an unknown field", { colour: "red" }],
      ["calendar", "the year 1", { from: "0001-01-01" }],
      ["day", "no date", {}],
      ["day", "a count", { date: "2026-11-24", count: 3 }],
      ["day", "a bad date", { date: "24/11/2026" }],
    ])("the %s refuses %s with 400, and stores nothing", async (kind, _, body) => {
      const d = await dealer();
      const before = snapshot(runtime().store);
      await expectProblem(
        await api("POST", `/v1/dealers/${d}/availability/${kind}`, availability(body)),
        400,
        "validation_failed",
      );
      expect(snapshot(runtime().store)).toEqual(before);
    });

    it.each([
      ["calendar", {}],
      ["day", { date: "2026-11-24" }],
    ])("the %s of an unknown dealer is a 404", async (kind, body) => {
      await expectProblem(
        await api("POST", `/v1/dealers/nobody-here/availability/${kind}`, availability(body)),
        404,
        "not_found",
      );
    });

    it("are in the OpenAPI document, public (a client or staff key optional, as for the search)", async () => {
      const doc = await json<{ paths: DocPaths }>(await api("GET", "/openapi.json"));
      for (const p of ["/v1/dealers/{dealerId}/availability/calendar", "/v1/dealers/{dealerId}/availability/day"]) {
        expect(doc.paths[p]?.post, p).toBeDefined();
        // Public: anonymous callers welcome ({}), a key optional.
        expect(doc.paths[p].post.security, p).toContainEqual({});
      }
    });
  });

  const holdBody = (optionId: string, overrides: Record<string, unknown> = {}) => ({
    optionId,
    vehicle: { model: "Grecale" },
    interventions: ["maintenance"],
    customer: { known: true },
    mobility: "none",
    ...overrides,
  });
  const hold = (d: string, body: unknown, headers: Record<string, string> = {}) =>
    api("POST", `/v1/dealers/${d}/holds`, body, headers);
  const starts = async (d: string, date: string, extra: Record<string, unknown> = {}) =>
    (await dayList(d, availability({ date, ...extra }))).options.map((o) => o.start.slice(11, 16));

  describe("holds", () => {
    it("keep a slot for the holder: nobody else is offered it or can book it, the holdId books it", async () => {
      const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
      const [first] = (await dayList(d, availability({ date: "2026-11-24" }))).options;
      const at = first.start.slice(11, 16);
      const res = await hold(d, holdBody(first.optionId));
      expect(res.status, await res.clone().text()).toBe(201);
      const h = await json<HoldView>(res);
      expect(h.holdId).toMatch(/^h_[A-Za-z0-9_-]{43}$/);
      expect(h.expiresAt).toBe("2026-11-23T10:10:00.000+01:00"); // holdMinutes defaults to 10; the dealer's offset
      expect(h.option).toMatchObject({ start: first.start, advisorId: "anna", receptionMinutes: 15 });

      // A second customer: not in the day list, not in the calendar's first start, not in the search.
      const others = await starts(d, "2026-11-24");
      expect(others).not.toContain(at);
      expect(others[0] > at).toBe(true);
      expect((await calendar(d, availability({ from: "2026-11-24", days: 1 }))).days[0].first).toBe(others[0]);
      expect(
        (await search(api, d, availability({ from: "2026-11-24", days: 1, count: 4 }))).options.map((o) => o.start),
      ).not.toContain(first.start);
      // ...and cannot book it, nor hold it.
      await expectProblem(
        await api("POST", `/v1/dealers/${d}/appointments`, booking({ optionId: first.optionId })),
        409,
        "slot_unavailable",
      );
      await expectProblem(await hold(d, holdBody(first.optionId)), 409, "slot_unavailable");

      // The holder books with the holdId: the hold is consumed with the booking.
      const appt = await book(api, d, booking({ optionId: h.option.optionId }, { holdId: h.holdId }));
      expect(appt.reception).toMatchObject({ start: first.start, advisorId: "anna" });
      await expectProblem(await api("DELETE", `/v1/dealers/${d}/holds/${h.holdId}`), 404, "not_found");
      // A consumed hold books nothing twice.
      await expectProblem(
        await api(
          "POST",
          `/v1/dealers/${d}/appointments`,
          booking({ optionId: h.option.optionId }, { holdId: h.holdId }),
        ),
        409,
        "slot_unavailable",
      );
      expect(await starts(d, "2026-11-24")).not.toContain(at);
    });

    it("count for every rule while they live: the desk's caps", async () => {
      const d = await dealer({
        advisors: [{ id: "anna", name: "Anna Rossi" }],
        openingHours: { tue: [["09:00", "10:00"]] },
        interventions: {
          check: { label: "Check", skill: "mechanical", receptionMinutes: 15, returnMinutes: 10, labourHours: 0 },
        },
      });
      const check = { interventions: ["check"] };
      const first = (await dayList(d, availability({ date: "2026-11-24", ...check }))).options;
      expect(first).toHaveLength(4);
      // Hold what is offered until nothing is: receptions, returns and the hourly cap of 3
      // count as for bookings, so no more than three holds fit Anna's hour.
      let held = 0;
      for (
        let list = first;
        list.length;
        list = (await dayList(d, availability({ date: "2026-11-24", ...check }))).options
      ) {
        expect((await hold(d, holdBody(list[0].optionId, check), auth)).status).toBe(201);
        held++;
      }
      expect(held).toBeLessThanOrEqual(3);
      for (const o of first)
        await expectProblem(
          await api("POST", `/v1/dealers/${d}/appointments`, booking({ optionId: o.optionId }, check)),
          409,
          "slot_unavailable",
        );
    });

    it("count for the courtesy cars: a held car is nobody else's for the whole stay", async () => {
      const d = await dealer({
        advisors: [{ id: "anna", name: "Anna Rossi" }],
        mobility: { courtesyCars: 1, pickupDelivery: 0, taxi: false, rental: false, shuttle: false },
      });
      const car = await dayList(d, availability({ date: "2026-11-25", mobility: "courtesy_car" }));
      expect(car.options.length).toBeGreaterThan(0);
      const held = await hold(d, holdBody(car.options[0].optionId, { mobility: "courtesy_car" }), auth);
      expect(held.status, await held.clone().text()).toBe(201);
      const h = await json<HoldView>(held);
      const out = [Date.parse(h.option.start), Date.parse(h.option.return!.end)];
      // Every courtesy-car option left keeps clear of the held car's stay; without a car the day is open.
      const left = (await dayList(d, availability({ date: "2026-11-25", mobility: "courtesy_car" }))).options;
      for (const o of left)
        expect(Date.parse(o.start) >= out[1] || Date.parse(o.return!.end) <= out[0], o.start).toBe(true);
      expect(left.length).toBeLessThan(car.options.length);
      const noCar = (await dayList(d, availability({ date: "2026-11-25" }))).options.map((o) => Date.parse(o.start));
      expect(noCar.some((t: number) => t > Date.parse(h.option.end) && t < Date.parse(h.option.return!.start))).toBe(
        true,
      );
    });

    it("can be released by whoever has the holdId: the slot is offered again at once", async () => {
      const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
      const [first] = (await dayList(d, availability({ date: "2026-11-24" }))).options;
      const h = await json<HoldView>(await hold(d, holdBody(first.optionId)));
      expect(await starts(d, "2026-11-24")).not.toContain("08:00");
      await expectProblem(await api("DELETE", `/v1/dealers/${d}/holds/h_${"x".repeat(43)}`), 404, "not_found");
      const other = await dealer();
      await expectProblem(await api("DELETE", `/v1/dealers/${other}/holds/${h.holdId}`), 404, "not_found");
      const del = await api("DELETE", `/v1/dealers/${d}/holds/${h.holdId}`);
      expect(del.status).toBe(204);
      expect((await starts(d, "2026-11-24"))[0]).toBe("08:00");
      await expectProblem(await api("DELETE", `/v1/dealers/${d}/holds/${h.holdId}`), 404, "not_found");
      // Booking with a released hold is an ordinary booking: the slot is free, so it books.
      expect((await book(api, d, booking({ optionId: first.optionId }, { holdId: h.holdId }))).reception.start).toBe(
        first.start,
      );
    });

    it("are capped per client address and per dealer (429 too_many_holds, Retry-After)", async () => {
      const d = await dealer({ holdLimits: { perClient: 2, perDealer: 3 } });
      const opts = (await dayList(d, availability({ date: "2026-11-24" }))).options;
      for (const o of opts.slice(0, 2)) expect((await hold(d, holdBody(o.optionId))).status).toBe(201);
      const before = snapshot(runtime().store);
      const third = await hold(d, holdBody(opts[2].optionId));
      expect(third.headers.get("retry-after")).toBe("600");
      const p = await expectProblem(third, 429, "too_many_holds");
      expect(p).toMatchObject({ limit: 2 });
      expect(snapshot(runtime().store)).toEqual(before);
      // Staff skip the per-client cap, not the dealer's.
      expect((await hold(d, holdBody(opts[2].optionId), auth)).status).toBe(201);
      await expectProblem(await hold(d, holdBody(opts[3].optionId), auth), 429, "too_many_holds");
    });

    it("refuse a foreign optionId, a hold id that holds another time, and unknown fields (400)", async () => {
      const d = await dealer();
      await expectProblem(await hold(d, holdBody("not-an-option")), 400, "validation_failed");
      await expectProblem(
        await hold(d, { ...holdBody("x"), customer: { known: true, name: "Marco" } }),
        400,
        "validation_failed",
      );
      const [a, b] = (await dayList(d, availability({ date: "2026-11-24" }))).options;
      const h = await json<HoldView>(await hold(d, holdBody(a.optionId)));
      const p = await expectProblem(
        await api("POST", `/v1/dealers/${d}/appointments`, booking({ optionId: b.optionId }, { holdId: h.holdId })),
        400,
        "validation_failed",
      );
      expect(p.errors).toContainEqual(expect.objectContaining({ path: "holdId" }));
    });

    it("are public, in the OpenAPI document, and answer the widget's CORS preflight (DELETE too)", async () => {
      const d = await dealer({ widgetOrigins: ["https://www.dealer.example"] });
      const doc = await json<{ paths: DocPaths }>(await api("GET", "/openapi.json"));
      expect(doc.paths["/v1/dealers/{dealerId}/holds"]?.post).toBeDefined();
      expect(doc.paths["/v1/dealers/{dealerId}/holds/{holdId}"]?.delete).toBeDefined();
      for (const [method, path] of [
        ["POST", `/v1/dealers/${d}/holds`],
        ["DELETE", `/v1/dealers/${d}/holds/h_abc`],
        ["POST", `/v1/dealers/${d}/availability/calendar`],
        ["POST", `/v1/dealers/${d}/availability/day`],
      ]) {
        const pre = await api("OPTIONS", path, undefined, {
          Origin: "https://www.dealer.example",
          "Access-Control-Request-Method": method,
          "Access-Control-Request-Headers": "content-type",
        });
        expect(pre.headers.get("access-control-allow-origin"), `${method} ${path}`).toBe("https://www.dealer.example");
        expect(pre.headers.get("access-control-allow-methods"), `${method} ${path}`).toContain(method);
      }
    });
  });
}
