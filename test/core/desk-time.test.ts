import { describe, expect, it } from "vitest";
import { openMinutesBefore } from "../../src/core/desk-time.js";
import { at, setup } from "../support/core.js";

// Minutes counted in the dealer's opening hours (the car-ready call's notice): open
// Monday to Friday 08:00-12:30 and 14:00-18:00, Saturday 09:00-12:30, closed on Sunday
// and on 8 December 2026 (a Tuesday).

const { dealer } = setup({
  openingHours: {
    mon: [
      ["08:00", "12:30"],
      ["14:00", "18:00"],
    ],
    tue: [
      ["08:00", "12:30"],
      ["14:00", "18:00"],
    ],
    wed: [
      ["08:00", "12:30"],
      ["14:00", "18:00"],
    ],
    thu: [
      ["08:00", "12:30"],
      ["14:00", "18:00"],
    ],
    fri: [
      ["08:00", "12:30"],
      ["14:00", "18:00"],
    ],
    sat: [["09:00", "12:30"]],
    sun: [],
  },
  closures: ["2026-12-08"],
});
const local = (s: string) => at(dealer, s);

describe("openMinutesBefore: notice counted while the dealer is open", () => {
  it.each([
    ["inside one range: plain minutes", "2026-12-02T16:30", 60, "2026-12-02T15:30"],
    ["across the lunch break", "2026-12-02T14:30", 60, "2026-12-02T12:00"],
    ["before opening: the rest from the evening before", "2026-12-02T09:30", 240, "2026-12-01T15:30"],
    ["a Monday morning: back over Sunday to Saturday", "2026-12-07T08:30", 60, "2026-12-05T12:00"],
    ["over a closure (Tuesday 8 December) to Monday", "2026-12-09T08:30", 60, "2026-12-07T17:30"],
    ["a ready time after closing counts from the closing", "2026-12-02T19:00", 60, "2026-12-02T17:00"],
    ["exactly the opening: the previous evening", "2026-12-02T08:00", 60, "2026-12-01T17:00"],
  ])("%s", (_, ready, minutes, call) => {
    expect(dealer.format(openMinutesBefore(dealer, local(ready), minutes)).slice(0, 16)).toBe(call);
  });

  it.each([
    ["on the ready day when it had open time before: its opening", "2026-12-02T08:30", 60, "2026-12-02T08:00"],
    ["inside one range, as without", "2026-12-02T16:30", 60, "2026-12-02T15:30"],
    ["across the lunch break, as without", "2026-12-02T14:30", 60, "2026-12-02T12:00"],
    // Not the evening before: a car checked in late that evening would miss its call.
    ["a ready time before the day's opening: plain minutes on that day", "2026-12-02T07:30", 60, "2026-12-02T06:30"],
  ])("sameDay: %s", (_, ready, minutes, call) => {
    expect(dealer.format(openMinutesBefore(dealer, local(ready), minutes, true)).slice(0, 16)).toBe(call);
  });

  it("falls back to elapsed minutes for a dealer that is never open", () => {
    const closed = setup({ openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }).dealer;
    const t = at(closed, "2026-12-02T10:00");
    expect(openMinutesBefore(closed, t, 60)).toBe(t - 60);
  });
});
