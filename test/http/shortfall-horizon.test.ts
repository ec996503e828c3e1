import { describe, expect, it } from "vitest";
import { type Api, auth, availability, freshDealers, inProcessPerFile, search } from "../support/http.js";

// A search that finds fewer options than asked names the window it searched up to where
// bookings open, not past it: it named a window to a date two months out at a dealer
// whose bookings open 2 days ahead, as if the dealer were full until then (a review).
// The clock: Monday 2026-11-23 10:00 in Rome.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
const dealer = freshDealers(api, "shortfall");

describe("the shortfall's window", () => {
  it("ends where bookings open, and says so", async () => {
    // Open 08:00-09:00 only: Tuesday's four quarter hours are all there is to book.
    const hour = [["08:00", "09:00"]];
    const d = await dealer({
      receptionRules: { maxHorizonDays: 1 },
      advisors: [{ id: "anna", name: "Anna Rossi" }],
      openingHours: { mon: hour, tue: hour, wed: hour, thu: hour, fri: hour, sat: [], sun: [] },
    });
    const res = await search(api, d, availability({ count: 20 }), auth);
    expect(res.shortfall?.code).toBe("insufficient_capacity");
    expect(res.shortfall?.detail).toMatch(/ and 2026-11-24 \(bookings open at most 1 day ahead\)$/);
    // A window that starts past where bookings open is said so, not searched and "full".
    const later = await search(api, d, availability({ count: 3, from: "2027-01-10" }), auth);
    expect(later.shortfall?.detail).toBe(
      "nothing from 2027-01-10 can be booked yet: bookings open at most 1 day ahead, until 2026-11-24",
    );
  });
});
