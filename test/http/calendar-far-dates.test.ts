import { describe, expect, it } from "vitest";
import { dayNumberFromIso } from "../../src/core/civil.js";
import { type CalendarResponse, json } from "../support/contracts.js";
import { auth, availability, inProcess, romeDealer } from "../support/http.js";

// The calendar is public and takes any date from 2000 to 9998. A date outside the dealer's
// reach (past, beyond its horizon) is answered from the configuration alone: building its
// day tables (dealer.day, Temporal, kept in a cache that never shrinks) for whatever a
// caller names would let anyone fill the server's memory a calendar at a time.

describe("a calendar far from today", () => {
  it("answers closed and not bookable without building those days", async () => {
    const t = inProcess();
    expect((await t.api("PUT", "/v1/dealers/roma", romeDealer(), auth)).status).toBe(201);
    expect((await t.api("POST", "/v1/dealers/roma/availability", availability())).status).toBe(200);
    const dealer = t.runtimes.get("roma")!.dealer;
    const built: number[] = [];
    const day = dealer.day;
    dealer.day = (n) => {
      built.push(n);
      return day(n);
    };
    for (const from of ["3000-01-01", "2001-06-01"]) {
      const res = await t.api("POST", "/v1/dealers/roma/availability/calendar", availability({ from, days: 62 }));
      expect(res.status).toBe(200);
      const cal = await json<CalendarResponse>(res);
      expect(cal.days).toHaveLength(62);
      expect(cal.days.every((d) => !d.bookable)).toBe(true);
      // Weekly hours still tell a Sunday from a Monday: 3000-01-05 is a Sunday.
      if (from === "3000-01-01") expect(cal.days.find((d) => d.date === "3000-01-05")?.closed).toBe(true);
      const first = dayNumberFromIso(from);
      expect(built.filter((n) => n >= first && n < first + 62)).toEqual([]);
    }
    t.close();
  });
});
