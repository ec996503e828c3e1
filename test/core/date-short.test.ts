import { describe, expect, it } from "vitest";
import { shortDay, shortInstant, shortSpan, shortWhen } from "../../src/core/date-short.js";
import { segments } from "../../src/scheduler/journey/sms-text.js";

// Dates and times as staff read them in a task (core/date-short.ts): an abbreviated
// weekday, day/month in both languages, the time as the customer's, and the year only
// far from the day the task is written. In Italian no article before the day (it would
// have to agree with the weekday: "dalla domenica"), the hours with theirs.

const TODAY = "2026-11-23";

describe("a day and time for staff", () => {
  it.each([
    { date: "2026-11-25", time: "16:30", it: "mer 25/11 alle 16:30", en: "Wed 25/11 at 16:30" },
    { date: "2026-11-23", time: "09:00", it: "lun 23/11 alle 9:00", en: "Mon 23/11 at 9:00" },
    { date: "2026-11-29", time: "10:05", it: "dom 29/11 alle 10:05", en: "Sun 29/11 at 10:05" },
    { date: "2026-12-05", time: "13:00", it: "sab 5/12 alle 13:00", en: "Sat 5/12 at 13:00" },
    { date: "2027-01-01", time: "01:30", it: "ven 1/1 all'1:30", en: "Fri 1/1 at 1:30" },
    { date: "2027-04-22", time: "08:00", it: "gio 22/4 alle 8:00", en: "Thu 22/4 at 8:00" },
    // More than five months from the task's day: with the year.
    { date: "2027-04-23", time: "08:00", it: "ven 23/4/2027 alle 8:00", en: "Fri 23/4/2027 at 8:00" },
    { date: "2027-11-25", time: "11:00", it: "gio 25/11/2027 alle 11:00", en: "Thu 25/11/2027 at 11:00" },
  ])("$date $time: '$it' / '$en'", (c) => {
    expect(shortWhen("it", c.date, c.time, TODAY)).toBe(c.it);
    expect(shortWhen("en", c.date, c.time, TODAY)).toBe(c.en);
  });

  it("reads an instant on its own wall clock, whatever its offset (the dealer's)", () => {
    expect(shortInstant("it", "2026-11-25T08:30:00+09:00", TODAY)).toBe("mer 25/11 alle 8:30");
    expect(shortInstant("en", "2026-11-24T18:00:00-05:00", TODAY)).toBe("Tue 24/11 at 18:00");
  });

  it("names every weekday, short and distinct, in GSM-7", () => {
    for (const lang of ["it", "en"] as const) {
      const days = Array.from({ length: 7 }, (_, i) => shortDay(lang, `2026-11-${23 + i}`, TODAY));
      expect(new Set(days.map((d) => d.split(" ")[0])).size, lang).toBe(7);
      for (const d of days) expect(segments(d.padEnd(160, " ")), d).toBe(1);
    }
  });
});

describe("a move from one time to another, for staff", () => {
  it.each([
    {
      name: "the same day: the hours",
      from: { date: "2026-11-25", time: "10:00" },
      to: { date: "2026-11-25", time: "11:30" },
      it: "dalle 10:00 alle 11:30 di mer 25/11",
      en: "from 10:00 to 11:30 on Wed 25/11",
    },
    {
      name: "the same day, from one o'clock (elided)",
      from: { date: "2026-11-25", time: "13:00" },
      to: { date: "2026-11-25", time: "01:15" },
      it: "dalle 13:00 all'1:15 di mer 25/11",
      en: "from 13:00 to 1:15 on Wed 25/11",
    },
    {
      name: "another day: both days, no article before them",
      from: { date: "2026-11-29", time: "10:00" },
      to: { date: "2026-11-30", time: "11:00" },
      it: "da dom 29/11 alle 10:00 a lun 30/11 alle 11:00",
      en: "from Sun 29/11 at 10:00 to Mon 30/11 at 11:00",
    },
    {
      name: "to a day far ahead: its year",
      from: { date: "2026-11-25", time: "10:00" },
      to: { date: "2027-05-03", time: "01:00" },
      it: "da mer 25/11 alle 10:00 a lun 3/5/2027 all'1:00",
      en: "from Wed 25/11 at 10:00 to Mon 3/5/2027 at 1:00",
    },
  ])("$name: '$it' / '$en'", (c) => {
    expect(shortSpan("it", c.from, c.to, TODAY)).toBe(c.it);
    expect(shortSpan("en", c.from, c.to, TODAY)).toBe(c.en);
  });
});
