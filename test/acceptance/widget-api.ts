import { describe, expect, it } from "vitest";
import { type Api, availability, book, booking, expectProblem, putDealer, romeDealer, search, snapshot } from "../http/support.js";
import type { Target } from "./target.js";

// The widget's API (issue 14), one suite for every runtime (in-process, Node, Worker):
// the calendar and the day list, and holds. Clock frozen at Monday 2026-11-23 10:00 in
// Rome (09:00Z), as in endpoints.ts.

export function describeWidgetApi(runtime: () => Target): void {
  const api: Api = (...args) => runtime().api(...args);
  let seq = 0;
  async function dealer(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = `widget-${++seq}`;
    await putDealer(api, id, romeDealer(overrides));
    return id;
  }
  const calendar = async (d: string, body: unknown) => {
    const res = await api("POST", `/v1/dealers/${d}/availability/calendar`, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as any;
  };
  const dayList = async (d: string, body: unknown) => {
    const res = await api("POST", `/v1/dealers/${d}/availability/day`, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as any;
  };

  describe("POST /availability/calendar and /availability/day", () => {
    it("mark each date bookable/quiet/first, and the day list shows those very starts", async () => {
      const d = await dealer();
      const cal = await calendar(d, availability({ from: "2026-11-23", days: 7 }));
      expect(cal).toMatchObject({ dealerId: d, timeZone: "Europe/Rome" });
      expect(cal.days.map((x: any) => x.date)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
      // Today from 11:00 (an hour's notice), Sunday closed, Saturday mornings.
      expect(cal.days[0]).toEqual({ date: "2026-11-23", bookable: true, quiet: true, first: "11:00" });
      expect(cal.days[1]).toEqual({ date: "2026-11-24", bookable: true, quiet: true, first: "08:00" });
      expect(cal.days[6]).toEqual({ date: "2026-11-29", bookable: false, quiet: false, first: null });
      for (const c of cal.days) {
        const list = await dayList(d, availability({ date: c.date }));
        expect(list).toMatchObject({ dealerId: d, timeZone: "Europe/Rome", date: c.date });
        expect(list.options.length > 0, c.date).toBe(c.bookable);
        expect(list.options[0]?.start.slice(11, 16) ?? null).toBe(c.first);
        expect(list.options.some((o: any) => o.quiet)).toBe(c.quiet);
        const starts = list.options.map((o: any) => Date.parse(o.start));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        expect(new Set(starts).size).toBe(starts.length);
      }
      // Tuesday 08:00–18:00 on the quarter hour, 15-minute receptions: 40 starts.
      const tue = await dayList(d, availability({ date: "2026-11-24" }));
      expect(tue.options).toHaveLength(40);
      expect(tue.options[0]).toMatchObject({ start: "2026-11-24T08:00:00+01:00", end: "2026-11-24T08:15:00+01:00", receptionMinutes: 15, express: false, mobility: "none" });
      expect(tue.options[0].optionId).toEqual(expect.any(String));
      expect(tue.options[0].return).toMatchObject({ minutes: 10 });
    });

    it("agree with the search: its options are on the day list, with the same optionId", async () => {
      const d = await dealer();
      const found = await search(api, d, availability({ count: 4, mobility: "courtesy_car" }));
      for (const o of found.options) {
        const list = await dayList(d, availability({ date: o.start.slice(0, 10), mobility: "courtesy_car" }));
        expect(list.options.map((x: any) => x.start)).toContain(o.start);
      }
    });

    it("book every option of a day, and what is booked leaves the list", async () => {
      const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }], openingHours: { tue: [["09:00", "10:00"]] } });
      const day = availability({ date: "2026-11-24" });
      const first = await dayList(d, day);
      expect(first.options.map((o: any) => o.start.slice(11, 16))).toEqual(["09:00", "09:15", "09:30", "09:45"]);
      let list = first;
      let booked = 0;
      while (list.options.length) {
        const o = list.options[0];
        await book(api, d, booking({ optionId: o.optionId }, { customer: { known: true, name: `Customer ${booked}` } }));
        booked++;
        list = await dayList(d, day);
        expect(list.options.map((x: any) => x.start)).not.toContain(o.start);
      }
      // The hourly cap (3) is what stops Anna: three bookings, then the day is full.
      expect(booked).toBe(3);
      const cal = await calendar(d, availability({ from: "2026-11-24", days: 1 }));
      expect(cal.days).toEqual([{ date: "2026-11-24", bookable: false, quiet: false, first: null }]);
    });

    it("take the dayPart as a filter, and a preferred advisor first", async () => {
      const d = await dealer();
      const pm = await dayList(d, availability({ date: "2026-11-24", dayPart: "afternoon" }));
      expect(pm.options.length).toBeGreaterThan(0);
      for (const o of pm.options) expect(o.start.slice(11, 16) >= "13:00").toBe(true);
      const cal = await calendar(d, availability({ from: "2026-11-24", days: 1, dayPart: "afternoon" }));
      expect(cal.days[0].first).toBe(pm.options[0].start.slice(11, 16));
      const bruno = await dayList(d, availability({ date: "2026-11-24", preferredAdvisorId: "bruno" }));
      expect(bruno.options.every((o: any) => o.advisorId === "bruno")).toBe(true);
    });

    it.each([
      ["calendar", "a count", { count: 3 }],
      ["calendar", "more than 62 days", { days: 63 }],
      ["calendar", "an impossible date", { from: "2026-02-30" }],
      ["calendar", "an unknown field", { colour: "red" }],
      ["day", "no date", {}],
      ["day", "a count", { date: "2026-11-24", count: 3 }],
      ["day", "a bad date", { date: "24/11/2026" }],
    ])("the %s refuses %s with 400, and stores nothing", async (kind, _, body) => {
      const d = await dealer();
      const before = snapshot(runtime().store);
      await expectProblem(await api("POST", `/v1/dealers/${d}/availability/${kind}`, availability(body)), 400, "validation_failed");
      expect(snapshot(runtime().store)).toEqual(before);
    });

    it.each([
      ["calendar", {}],
      ["day", { date: "2026-11-24" }],
    ])("the %s of an unknown dealer is a 404", async (kind, body) => {
      await expectProblem(await api("POST", `/v1/dealers/nobody-here/availability/${kind}`, availability(body)), 404, "not_found");
    });

    it("are in the OpenAPI document, public", async () => {
      const doc: any = await (await api("GET", "/openapi.json")).json();
      for (const p of ["/v1/dealers/{dealerId}/availability/calendar", "/v1/dealers/{dealerId}/availability/day"]) {
        expect(doc.paths[p]?.post, p).toBeDefined();
        expect(doc.paths[p].post.security ?? [], p).toEqual([]);
      }
    });
  });
}
