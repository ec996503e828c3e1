import { Temporal } from "@js-temporal/polyfill";
import { describe, expect, it } from "vitest";
import {
  checkReception,
  dayNumberFromIso,
  isoFromDayNumber,
  searchIndex,
  type DealerConfigInput,
} from "../../src/core/index.js";
import { referenceFeasibleSlots } from "../reference/brute-force.js";
import { codes, job, setup } from "../support/core.js";

// Clock changes must not bend the 15-minute local grid: on a DST day the dealer offers the
// same local quarter hours as on any other day, each with the offset in force at that
// instant, never a wall time that does not exist and never one instant twice.
//
// Every day below is a Sunday. The dealer opens only on Sundays, and every other Sunday
// in the search's widening range is a closure, so a search asking for more options than
// the day has lists every slot of that one day.

function dealerOpenOnlyOn(
  tz: string,
  date: string,
  hours: Array<[string, string]>,
  extra: Partial<DealerConfigInput> = {},
) {
  const n = dayNumberFromIso(date);
  const closures: string[] = [];
  for (let k = 1; k <= 10; k++) closures.push(isoFromDayNumber(n + 7 * k), isoFromDayNumber(n - 7 * k));
  return setup({
    timeZone: tz,
    openingHours: { sun: hours },
    closures,
    rushHours: [],
    advisors: [{ id: "desk", name: "Desk", absences: [] }],
    interventions: { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } },
    ...extra,
  });
}

function nowBefore(tz: string, date: string): number {
  return (
    Temporal.PlainDate.from(date).subtract({ days: 10 }).toZonedDateTime({ timeZone: tz }).epochMilliseconds / 60_000
  );
}

/** Every bookable 15-min reception of the day, listed by the search (every-slot fill). */
function listBySearch(tz: string, date: string, hours: Array<[string, string]>) {
  const s = dealerOpenOnlyOn(tz, date, hours);
  const j = job(s.dealer, ["check"]);
  const res = searchIndex(s.index, {
    job: j,
    fromDay: dayNumberFromIso(date),
    days: 1,
    count: 500,
    now: nowBefore(tz, date),
  });
  return { ...s, starts: res.options.map((o) => o.reception.start), res };
}

/** Every bookable 15-min reception of the day, by asking checkReception at every minute of the day. */
function listByChecking(tz: string, date: string, hours: Array<[string, string]>) {
  const s = dealerOpenOnlyOn(tz, date, hours);
  const j = job(s.dealer, ["check"]);
  const from = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: tz }).epochMilliseconds / 60_000;
  const to =
    Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone: tz }).epochMilliseconds / 60_000;
  const ok: number[] = [];
  const offGridRefused: boolean[] = [];
  for (let t = from; t < to; t++) {
    const c = codes(
      checkReception(s.index, { advisor: 0, start: t, minutes: 15, job: j, now: nowBefore(tz, date) }).violations,
    );
    if (c.length === 0) ok.push(t);
    const wall = Temporal.Instant.fromEpochMilliseconds(t * 60_000).toZonedDateTimeISO(tz);
    if (wall.minute % 15 !== 0) offGridRefused.push(c.includes("off_grid"));
  }
  return { ...s, starts: ok, offGridRefused };
}

function temporalIso(tz: string, epochMinute: number): string {
  const z = Temporal.Instant.fromEpochMilliseconds(epochMinute * 60_000).toZonedDateTimeISO(tz);
  return `${z.toPlainDateTime().toString({ smallestUnit: "second" })}${z.offset}`;
}

interface Case {
  name: string;
  tz: string;
  date: string;
  ordinary: string;
  offset: string;
  ordinaryOffset: string;
}

const cases: Case[] = [
  {
    name: "Europe/Rome spring forward 2027-03-28",
    tz: "Europe/Rome",
    date: "2027-03-28",
    ordinary: "2027-03-21",
    offset: "+02:00",
    ordinaryOffset: "+01:00",
  },
  {
    name: "Europe/Rome fall back 2026-10-25",
    tz: "Europe/Rome",
    date: "2026-10-25",
    ordinary: "2026-10-18",
    offset: "+01:00",
    ordinaryOffset: "+02:00",
  },
  {
    name: "America/New_York spring forward 2027-03-14",
    tz: "America/New_York",
    date: "2027-03-14",
    ordinary: "2027-03-07",
    offset: "-04:00",
    ordinaryOffset: "-05:00",
  },
  {
    name: "America/New_York fall back 2026-11-01",
    tz: "America/New_York",
    date: "2026-11-01",
    ordinary: "2026-10-25",
    offset: "-05:00",
    ordinaryOffset: "-04:00",
  },
  {
    name: "Australia/Lord_Howe 30-min fall back 2027-04-04",
    tz: "Australia/Lord_Howe",
    date: "2027-04-04",
    ordinary: "2027-03-28",
    offset: "+10:30",
    ordinaryOffset: "+11:00",
  },
  {
    name: "Australia/Lord_Howe 30-min spring forward 2026-10-04",
    tz: "Australia/Lord_Howe",
    date: "2026-10-04",
    ordinary: "2026-09-27",
    offset: "+11:00",
    ordinaryOffset: "+10:30",
  },
  {
    name: "Asia/Kolkata (+05:30, no DST)",
    tz: "Asia/Kolkata",
    date: "2027-03-28",
    ordinary: "2027-03-21",
    offset: "+05:30",
    ordinaryOffset: "+05:30",
  },
  {
    name: "Asia/Kathmandu (+05:45, no DST)",
    tz: "Asia/Kathmandu",
    date: "2027-03-28",
    ordinary: "2027-03-21",
    offset: "+05:45",
    ordinaryOffset: "+05:45",
  },
];

const DAYTIME: Array<[string, string]> = [["08:00", "18:00"]];

function expectedLocalTimes(from: number, to: number): string[] {
  const out: string[] = [];
  for (let m = from; m < to; m += 15)
    out.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  return out;
}

describe("opening 08:00–18:00 local on a clock-change day", () => {
  it.each(cases)(
    "$name: the same 40 quarter hours as an ordinary day, 08:00 … 17:45, each with the right offset",
    ({ tz, date, ordinary, offset, ordinaryOffset }) => {
      const dst = listBySearch(tz, date, DAYTIME);
      const plain = listBySearch(tz, ordinary, DAYTIME);
      expect(dst.starts.length).toBe(40);
      expect(plain.starts.length).toBe(40);

      const local = dst.starts.map((t) => dst.dealer.format(t));
      expect(local.map((s) => s.slice(11, 16))).toEqual(expectedLocalTimes(8 * 60, 18 * 60));
      expect(local[0]).toBe(`${date}T08:00:00${offset}`);
      expect(local[local.length - 1]).toBe(`${date}T17:45:00${offset}`);
      for (const s of local) expect(s.slice(0, 10)).toBe(date);
      for (const s of local) expect(s.slice(19)).toBe(offset);
      expect(plain.starts.map((t) => plain.dealer.format(t).slice(19))).toEqual(Array(40).fill(ordinaryOffset));

      // Formatting agrees with Temporal for every start, and no instant is offered twice.
      expect(local).toEqual(dst.starts.map((t) => temporalIso(tz, t)));
      expect(new Set(dst.starts).size).toBe(dst.starts.length);
      // Consecutive local quarter hours are 15 real minutes apart (no clock change in daytime).
      for (let i = 1; i < dst.starts.length; i++) expect(dst.starts[i] - dst.starts[i - 1]).toBe(15);
    },
  );

  it.each(cases)(
    "$name: checkReception at every minute of the day accepts exactly the search's slots",
    ({ tz, date }) => {
      const bySearch = listBySearch(tz, date, DAYTIME);
      const byCheck = listByChecking(tz, date, DAYTIME);
      expect(byCheck.starts).toEqual(bySearch.starts);
      expect(byCheck.offGridRefused.every(Boolean)).toBe(true);
    },
  );
});

interface FullDayCase {
  name: string;
  tz: string;
  date: string;
  slots: number;
  /** Local times that do not exist that day. */
  gap: string[];
  /** Local times that happen twice that day. */
  twice: string[];
  before: string;
  after: string;
}

const fullDays: FullDayCase[] = [
  {
    name: "Europe/Rome 2027-03-28 (23 h)",
    tz: "Europe/Rome",
    date: "2027-03-28",
    slots: 92,
    gap: ["02:00", "02:15", "02:30", "02:45"],
    twice: [],
    before: "+01:00",
    after: "+02:00",
  },
  {
    name: "Europe/Rome 2026-10-25 (25 h)",
    tz: "Europe/Rome",
    date: "2026-10-25",
    slots: 100,
    gap: [],
    twice: ["02:00", "02:15", "02:30", "02:45"],
    before: "+02:00",
    after: "+01:00",
  },
  {
    name: "America/New_York 2027-03-14 (23 h)",
    tz: "America/New_York",
    date: "2027-03-14",
    slots: 92,
    gap: ["02:00", "02:15", "02:30", "02:45"],
    twice: [],
    before: "-05:00",
    after: "-04:00",
  },
  {
    name: "Australia/Lord_Howe 2027-04-04 (24.5 h)",
    tz: "Australia/Lord_Howe",
    date: "2027-04-04",
    slots: 98,
    gap: [],
    twice: ["01:30", "01:45"],
    before: "+11:00",
    after: "+10:30",
  },
  {
    name: "Australia/Lord_Howe 2026-10-04 (23.5 h)",
    tz: "Australia/Lord_Howe",
    date: "2026-10-04",
    slots: 94,
    gap: ["02:00", "02:15"],
    twice: [],
    before: "+10:30",
    after: "+11:00",
  },
];

describe("opening 00:00–24:00 on a clock-change day: slots on both sides of the change", () => {
  it.each(fullDays)(
    "$name: one slot per real quarter hour, none in the gap, repeated wall times as distinct instants",
    ({ tz, date, slots, gap, twice, before, after }) => {
      const { dealer, starts } = listBySearch(tz, date, [["00:00", "24:00"]]);
      expect(starts.length).toBe(slots);
      expect(new Set(starts).size).toBe(starts.length);
      const local = starts.map((t) => dealer.format(t));
      expect(local).toEqual(starts.map((t) => temporalIso(tz, t)));
      const walls = local.map((s) => s.slice(11, 16));
      for (const g of gap) expect(walls).not.toContain(g);
      for (const t of twice) expect(walls.filter((w) => w === t).length).toBe(2);
      for (const w of walls) expect(+w.slice(3, 5) % 15).toBe(0);
      expect(local[0]).toBe(`${date}T00:00:00${before}`);
      expect(local[local.length - 1]).toBe(`${date}T23:45:00${after}`);
      // Real time advances 15 minutes per slot: the instants tile the day without holes.
      for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBe(15);
      // The reference (Temporal per candidate, no engine code) lists the same slots.
      const { config } = dealerOpenOnlyOn(tz, date, [["00:00", "24:00"]]);
      const ref = referenceFeasibleSlots(config, [], {
        interventions: ["check"],
        known: true,
        mobility: "none",
        fromDate: date,
        days: 1,
        nowEpochMinute: nowBefore(tz, date),
      });
      expect(ref.map((r) => r.start)).toEqual(starts);
    },
  );
});

describe("opening hours that touch the clock change", () => {
  it("Europe/Rome 2027-03-28, open 01:00–04:00: 01:00–01:45 and 03:00–03:45 (02:xx does not exist)", () => {
    const { dealer, starts } = listBySearch("Europe/Rome", "2027-03-28", [["01:00", "04:00"]]);
    expect(starts.map((t) => dealer.format(t).slice(11))).toEqual([
      "01:00:00+01:00",
      "01:15:00+01:00",
      "01:30:00+01:00",
      "01:45:00+01:00",
      "03:00:00+02:00",
      "03:15:00+02:00",
      "03:30:00+02:00",
      "03:45:00+02:00",
    ]);
  });

  it("Europe/Rome 2026-10-25, open 01:00–04:00: the repeated hour is offered twice, as different instants", () => {
    const { dealer, starts } = listBySearch("Europe/Rome", "2026-10-25", [["01:00", "04:00"]]);
    expect(starts.length).toBe(16);
    expect(starts.map((t) => dealer.format(t).slice(11))).toEqual([
      "01:00:00+02:00",
      "01:15:00+02:00",
      "01:30:00+02:00",
      "01:45:00+02:00",
      "02:00:00+02:00",
      "02:15:00+02:00",
      "02:30:00+02:00",
      "02:45:00+02:00",
      "02:00:00+01:00",
      "02:15:00+01:00",
      "02:30:00+01:00",
      "02:45:00+01:00",
      "03:00:00+01:00",
      "03:15:00+01:00",
      "03:30:00+01:00",
      "03:45:00+01:00",
    ]);
  });
});
