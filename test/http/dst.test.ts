import { Temporal } from "@js-temporal/polyfill";
import { beforeAll, describe, expect, it } from "vitest";
import { type DayBoard, json } from "../support/contracts.js";
import { auth, book, booking, expectProblem, inProcessPerFile, ms, putDealer, search, week } from "../support/http.js";

// Daylight saving time end to end, for a dealer in Europe/Rome:
// - spring forward, Sunday 2027-03-28: 02:00 CET jumps to 03:00 CEST (02:xx does not exist);
// - fall back, Sunday 2026-10-25: 03:00 CEST goes back to 02:00 CET (02:xx happens twice).
// Instants leave the API with the offset in force at that moment, wall-clock input is
// read in the dealer's zone, and a wall-clock time that does not exist is refused.

const ZONE = "Europe/Rome";
const DAY: Array<[string, string]> = [["08:00", "18:00"]];
const NIGHT: Array<[string, string]> = [["01:00", "04:00"]];
/** Labour-free, so a reception's return follows right after it. */
const CHECK = { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } };

/** A one-advisor dealer in the zone, without rush hours. */
const romeOpen = (openingHours: Array<[string, string]>, extra: Record<string, unknown> = {}) => ({
  timeZone: ZONE,
  rushHours: [],
  openingHours: week(openingHours),
  advisors: [{ id: "anna", name: "Anna" }],
  ...extra,
});
/** Open 01:00-04:00 every night, across the hour the clocks change. */
const nightDealer = (extra: Record<string, unknown> = {}) =>
  romeOpen(NIGHT, { name: "Roma Notte", interventions: CHECK, ...extra });

/** The UTC offset the zone really has at that instant, e.g. "+02:00". */
const offsetAt = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO(ZONE).offset;
const offsetOf = (iso: string) => iso.slice(-6);
/** Local wall time "HH:MM" of an instant in the zone. */
const wall = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO(ZONE).toPlainTime().toString().slice(0, 5);

const CASES = [
  {
    name: "spring forward",
    now: "2027-03-25T09:00:00Z",
    before: { date: "2027-03-27", offset: "+01:00" },
    change: { date: "2027-03-28", offset: "+02:00", eightLocal: "2027-03-28T06:00:00Z" },
    after: { date: "2027-03-29", offset: "+02:00" },
    // One advisor, a reception every 30 minutes: the night window 01:00–04:00 is only two real hours.
    nightReceptions: ["01:00+01:00", "01:30+01:00", "03:00+02:00", "03:30+02:00"],
  },
  {
    name: "fall back",
    now: "2026-10-22T09:00:00Z",
    before: { date: "2026-10-24", offset: "+02:00" },
    change: { date: "2026-10-25", offset: "+01:00", eightLocal: "2026-10-25T07:00:00Z" },
    after: { date: "2026-10-26", offset: "+01:00" },
    // ...and four real hours on the fall-back night: 02:00 and 02:30 happen twice.
    nightReceptions: [
      "01:00+02:00",
      "01:30+02:00",
      "02:00+02:00",
      "02:30+02:00",
      "02:00+01:00",
      "02:30+01:00",
      "03:00+01:00",
      "03:30+01:00",
    ],
  },
] as const;

describe.each(CASES)("$name ($change.date, Europe/Rome)", (c) => {
  const t = inProcessPerFile({ now: c.now }); // a few days before the change
  beforeAll(async () => {
    await putDealer(t.api, "rome", romeOpen(DAY, { name: "Roma" }));
    // No express reserve: the subject is the night's real length, every slot of it bookable.
    await putDealer(t.api, "night", nightDealer({ express: { reservedReceptions: { morning: 0, afternoon: 0 } } }));
  });

  it("gives every option the offset in force at that instant, before, on and after the change", async () => {
    const res = await search(t.api, "rome", { interventions: ["maintenance"], from: c.before.date, days: 3, count: 6 });
    expect(res.options).toHaveLength(6);
    for (const o of res.options) {
      const expected = o.start.startsWith(c.before.date) ? c.before.offset : c.change.offset;
      for (const instant of [o.start, o.end, o.readyAt, o.return!.start, o.return!.end]) {
        expect(offsetOf(instant), instant).toBe(offsetAt(instant));
        expect(offsetOf(instant), instant).toBe(expected);
      }
    }
    expect(res.options.map((o) => o.start.slice(0, 10))).toEqual(
      expect.arrayContaining([c.before.date, c.change.date, c.after.date]),
    );
  });

  it("opens the day of the change at 08:00 local", async () => {
    const res = await search(t.api, "rome", { interventions: ["maintenance"], from: c.change.date, days: 1, count: 2 });
    const first = res.options[0];
    expect(first.start).toBe(`${c.change.date}T08:00:00${c.change.offset}`);
    expect(ms(first.start)).toBe(ms(c.change.eightLocal));
    for (const o of res.options) expect(wall(o.start) >= "08:00" && wall(o.end) <= "18:00").toBe(true);
  });

  it("reads a booking's local time without offset in the dealer's zone", async () => {
    const appt = await book(t.api, "rome", booking({ start: `${c.change.date}T09:00`, advisorId: "anna" }));
    expect(appt.reception.start).toBe(`${c.change.date}T09:00:00${c.change.offset}`);
    const atEight = await book(t.api, "rome", booking({ start: `${c.change.date}T08:00`, advisorId: "anna" }));
    expect(ms(atEight.reception.start)).toBe(ms(c.change.eightLocal));
    const dayBefore = await book(t.api, "rome", booking({ start: `${c.before.date}T08:00`, advisorId: "anna" }));
    expect(dayBefore.reception.start).toBe(`${c.before.date}T08:00:00${c.before.offset}`);
  });

  it("fills the night of the change with exactly the receptions that fit its real length", async () => {
    // Book whatever the search offers first on that night until it offers nothing there.
    const booked: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await search(t.api, "night", {
        interventions: ["check"],
        customer: { known: true },
        from: c.change.date,
        days: 1,
        count: 2,
      });
      const tonight = res.options.find((o) => o.start.startsWith(c.change.date));
      if (!tonight) break;
      // As the desk (staff token): one customer's dozen bookings would hit the public per-contact cap.
      booked.push(
        (await book(t.api, "night", booking({ optionId: tonight.optionId }, { interventions: ["check"] }), auth))
          .reception.start,
      );
    }
    for (const s of booked) expect(offsetOf(s)).toBe(offsetAt(s));
    const asWall = (s: string) => `${s.slice(11, 16)}${offsetOf(s)}`;
    expect([...booked].sort((a, b) => ms(a) - ms(b)).map(asWall)).toEqual([...c.nightReceptions]);
    // The day board lists them in real time order with the right offsets.
    const day = await json<DayBoard>(await t.api("GET", `/v1/dealers/night/days/${c.change.date}`, undefined, auth));
    const receptions = day.advisors[0].slots.filter((s) => s.kind === "reception").map((s) => asWall(s.start));
    expect(receptions).toEqual([...c.nightReceptions]);
  });
});

describe("wall-clock times the clocks skip or repeat", () => {
  const t = inProcessPerFile({ now: "2026-10-22T09:00:00Z" });
  beforeAll(async () => {
    await putDealer(t.api, "night", nightDealer());
  });

  it.each(["2027-03-28T02:00", "2027-03-28T02:30", "2027-03-28T02:45"])(
    "refuses %s (inside the spring-forward gap) with 400 on start, storing nothing",
    async (start) => {
      const before = t.snapshot();
      const problem = await expectProblem(
        await t.api(
          "POST",
          "/v1/dealers/night/appointments",
          booking({ start, advisorId: "anna" }, { interventions: ["check"] }),
        ),
        400,
        "validation_failed",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: "start" }));
      expect(t.snapshot()).toEqual(before);
    },
  );

  it("accepts the same instant written with its offset", async () => {
    const appt = await book(
      t.api,
      "night",
      booking({ start: "2027-03-28T03:00:00+02:00", advisorId: "anna" }, { interventions: ["check"] }),
    );
    expect(appt.reception.start).toBe("2027-03-28T03:00:00+02:00");
  });

  it("reads an ambiguous fall-back time as its first occurrence, and books the second one by offset", async () => {
    const first = await book(
      t.api,
      "night",
      booking({ start: "2026-10-25T02:30", advisorId: "anna" }, { interventions: ["check"] }),
    );
    expect(first.reception.start).toBe("2026-10-25T02:30:00+02:00");
    const second = await book(
      t.api,
      "night",
      booking({ start: "2026-10-25T02:30:00+01:00", advisorId: "anna" }, { interventions: ["check"] }),
    );
    expect(ms(second.reception.start) - ms(first.reception.start)).toBe(60 * 60_000);
  });
});
