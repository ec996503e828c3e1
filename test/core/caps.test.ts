import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hourlyCapOk, twoHourCapOk } from "../../src/core/caps.js";
import { checkReception, type RuleCode } from "../../src/core/index.js";
import { at, codes, job, NO_LABOUR, reception, setup } from "../support/core.js";

// The buffer rule of the booking standard, per advisor: at most three 15-minute
// receptions per hour, or three 30-minute receptions per two hours. Generalised for
// mixed lengths: ≤ maxPerHour (3) starts in any sliding 60-minute window AND
// ≤ maxMinutesPer2h (90) reception minutes in any sliding 120-minute window.

const DAY = "2027-03-01"; // a Monday, Europe/Rome, open 08:00–18:00
const NOW = "2027-02-01T00:00";

type Recv = [time: string, minutes: 15 | 30];

function world(rules: Record<string, number> = {}) {
  const s = setup({
    advisors: [
      { id: "ann", name: "Ann", absences: [] },
      { id: "bob", name: "Bob", absences: [] },
    ],
    interventions: NO_LABOUR,
    rushHours: [],
    receptionRules: {
      maxPerHour: 3,
      maxMinutesPer2h: 90,
      minNoticeMinutes: 60,
      quietMaxDeskShare: 0.5,
      maxHorizonDays: 365,
      ...rules,
    },
  });
  const j15 = job(s.dealer, ["q15"]);
  const j30 = job(s.dealer, ["q30"]);
  const now = at(s.dealer, NOW);
  const book = (advisor: number, list: Recv[]) => {
    for (const [t, m] of list) s.index.add(reception(advisor, at(s.dealer, `${DAY}T${t}`), m));
  };
  const check = (advisor: number, [t, m]: Recv, force = false): RuleCode[] =>
    codes(
      checkReception(s.index, {
        advisor,
        start: at(s.dealer, `${DAY}T${t}`),
        minutes: m,
        job: m === 15 ? j15 : j30,
        now,
        force,
      }).violations,
    );
  return { ...s, book, check };
}

interface Row {
  name: string;
  existing: Recv[];
  next: Recv;
  expected: RuleCode[];
  rules?: Record<string, number>;
}

const rows: Row[] = [
  // ---- pure 15-minute calendars: three per hour, exactly
  {
    name: "accepts a 3rd 15-min reception inside 60 min",
    existing: [
      ["08:00", 15],
      ["08:15", 15],
    ],
    next: ["08:30", 15],
    expected: [],
  },
  {
    name: "refuses the 4th 15-min reception inside any 60-min window (08:00/08:15/08:30 + 08:45)",
    existing: [
      ["08:00", 15],
      ["08:15", 15],
      ["08:30", 15],
    ],
    next: ["08:45", 15],
    expected: ["hourly_cap"],
  },
  {
    name: "accepts 08:00/08:15/08:30 then 09:00 (09:00 is outside [08:00, 09:00))",
    existing: [
      ["08:00", 15],
      ["08:15", 15],
      ["08:30", 15],
    ],
    next: ["09:00", 15],
    expected: [],
  },
  {
    name: "refuses a 4th 15-min reception placed BEFORE three others (window [08:00, 09:00))",
    existing: [
      ["08:15", 15],
      ["08:30", 15],
      ["08:45", 15],
    ],
    next: ["08:00", 15],
    expected: ["hourly_cap"],
  },
  {
    name: "refuses the 4th 15-min reception sliding between existing ones (09:00/09:15/09:45 + 09:30)",
    existing: [
      ["09:00", 15],
      ["09:15", 15],
      ["09:45", 15],
    ],
    next: ["09:30", 15],
    expected: ["hourly_cap"],
  },
  {
    name: "accepts 09:00/09:15/10:00 + 09:30 (no 60-min window holds four)",
    existing: [
      ["09:00", 15],
      ["09:15", 15],
      ["10:00", 15],
    ],
    next: ["09:30", 15],
    expected: [],
  },
  {
    name: "refuses 08:15/08:30/08:45 + 09:00 (window [08:15, 09:15) holds four)",
    existing: [
      ["08:15", 15],
      ["08:30", 15],
      ["08:45", 15],
    ],
    next: ["09:00", 15],
    expected: ["hourly_cap"],
  },
  {
    name: "never hits the two-hour cap first on a pure-15 calendar (six in two hours = 90 min is fine)",
    existing: [
      ["08:00", 15],
      ["08:15", 15],
      ["08:30", 15],
      ["09:00", 15],
      ["09:15", 15],
      ["09:30", 15],
    ],
    next: ["10:00", 15],
    expected: [],
  },
  // ---- pure 30-minute calendars: three per two hours, exactly
  {
    name: "accepts 30-min 08:00/08:30/09:00 then 10:00",
    existing: [
      ["08:00", 30],
      ["08:30", 30],
      ["09:00", 30],
    ],
    next: ["10:00", 30],
    expected: [],
  },
  {
    name: "refuses 30-min 08:00/08:30/09:00 then 09:30 (120 min in [08:00, 10:00))",
    existing: [
      ["08:00", 30],
      ["08:30", 30],
      ["09:00", 30],
    ],
    next: ["09:30", 30],
    expected: ["two_hour_cap"],
  },
  {
    name: "refuses the 4th 30-min reception inside a 120-min window, placed in a gap (08:00/09:00/09:30 + 08:30)",
    existing: [
      ["08:00", 30],
      ["09:00", 30],
      ["09:30", 30],
    ],
    next: ["08:30", 30],
    expected: ["two_hour_cap"],
  },
  {
    name: "refuses the 4th 30-min reception placed first (08:30/09:00/09:30 + 08:00)",
    existing: [
      ["08:30", 30],
      ["09:00", 30],
      ["09:30", 30],
    ],
    next: ["08:00", 30],
    expected: ["two_hour_cap"],
  },
  {
    name: "accepts 30-min 10:00/10:30/11:00 then 12:00 (window [10:30, 12:30) holds 90 min)",
    existing: [
      ["10:00", 30],
      ["10:30", 30],
      ["11:00", 30],
    ],
    next: ["12:00", 30],
    expected: [],
  },
  {
    name: "refuses 30-min 10:00/10:30/11:00 then 11:45 (window [10:15, 12:15) holds 105 min)",
    existing: [
      ["10:00", 30],
      ["10:30", 30],
      ["11:00", 30],
    ],
    next: ["11:45", 30],
    expected: ["two_hour_cap"],
  },
  {
    name: "accepts spaced 30-min receptions 08:00/09:00/10:00/11:00 (60 min per two hours)",
    existing: [
      ["08:00", 30],
      ["09:00", 30],
      ["10:00", 30],
    ],
    next: ["11:00", 30],
    expected: [],
  },
  // ---- mixed lengths: ≤ 3 starts per 60 min AND ≤ 90 minutes per 120 min
  {
    name: "accepts mixed 30@08:00, 15@08:30 + 15@08:45 (3 starts, 60 min)",
    existing: [
      ["08:00", 30],
      ["08:30", 15],
    ],
    next: ["08:45", 15],
    expected: [],
  },
  {
    name: "refuses mixed 15@08:00/08:15/08:30 + 30@08:45 on the hourly rule alone (4 starts, 75 min)",
    existing: [
      ["08:00", 15],
      ["08:15", 15],
      ["08:30", 15],
    ],
    next: ["08:45", 30],
    expected: ["hourly_cap"],
  },
  {
    name: "refuses mixed 30@08:00/08:30, 15@09:30 + 30@09:00 on the two-hour rule alone (2 starts/h, 105 min)",
    existing: [
      ["08:00", 30],
      ["08:30", 30],
      ["09:30", 15],
    ],
    next: ["09:00", 30],
    expected: ["two_hour_cap"],
  },
  {
    name: "accepts mixed 15@08:00, 30@08:15, 15@08:45 + 30@09:00 (3 starts per hour, exactly 90 min)",
    existing: [
      ["08:00", 15],
      ["08:15", 30],
      ["08:45", 15],
    ],
    next: ["09:00", 30],
    expected: [],
  },
  {
    name: "refuses mixed 30@08:00, 15@08:30, 30@08:45 + 30@09:30 (105 min in [08:00, 10:00))",
    existing: [
      ["08:00", 30],
      ["08:30", 15],
      ["08:45", 30],
    ],
    next: ["09:30", 30],
    expected: ["two_hour_cap"],
  },
  // ---- the limits are dealer configuration
  {
    name: "honours maxPerHour = 2 (refuses the 3rd start within an hour)",
    existing: [
      ["08:00", 15],
      ["08:30", 15],
    ],
    next: ["08:45", 15],
    expected: ["hourly_cap"],
    rules: { maxPerHour: 2 },
  },
  {
    name: "honours maxMinutesPer2h = 60 (refuses a 3rd 30-min reception in two hours)",
    existing: [
      ["08:00", 30],
      ["09:00", 30],
    ],
    next: ["09:30", 30],
    expected: ["two_hour_cap"],
    rules: { maxMinutesPer2h: 60 },
  },
];

describe("buffer caps per advisor (checkReception through a CapacityIndex)", () => {
  it.each(rows.filter((r) => r.existing.length > 0))("$name", ({ existing, next, expected, rules }) => {
    const w = world(rules);
    w.book(0, existing);
    expect(w.check(0, next)).toEqual(expected);
  });

  it.each(rows.filter((r) => r.expected.length > 0))(
    "force:true bypasses the cap: $name",
    ({ existing, next, rules }) => {
      const w = world(rules);
      w.book(0, existing);
      expect(w.check(0, next, true)).toEqual([]);
    },
  );

  it.each(rows.filter((r) => r.expected.length > 0))(
    "counts per advisor: another advisor is free of the cap ($name)",
    ({ existing, next, rules }) => {
      const w = world(rules);
      w.book(0, existing);
      expect(w.check(1, next)).toEqual([]);
    },
  );

  it("a refused 4th reception becomes bookable again when one of the three is cancelled", () => {
    const w = world();
    const ids = ["08:00", "08:15", "08:30"].map((t) => {
      const b = reception(0, at(w.dealer, `${DAY}T${t}`), 15);
      w.index.add(b);
      return b.id;
    });
    expect(w.check(0, ["08:45", 15])).toEqual(["hourly_cap"]);
    w.index.remove(ids[1]);
    expect(w.check(0, ["08:45", 15])).toEqual([]);
  });

  it("returns do not count toward the caps (only receptions do)", () => {
    const w = world();
    w.book(0, [
      ["08:00", 15],
      ["08:15", 15],
    ]);
    const b = reception(1, at(w.dealer, `${DAY}T07:00`), 15);
    b.ret = { advisor: 0, start: at(w.dealer, `${DAY}T08:30`), minutes: 15 };
    w.index.add(b);
    expect(w.check(0, ["08:45", 15])).toEqual([]);
  });
});

// (force also passes the express reserve; that row lives in rules.test.ts.)
describe("force:true bypasses only the caps, never busy / closed / opening hours / absence", () => {
  const full: Recv[] = [
    ["10:00", 15],
    ["10:15", 15],
    ["10:30", 15],
  ];

  it("never bypasses advisor_busy", () => {
    const w = world();
    w.book(0, [...full, ["10:45", 15]]);
    expect(w.check(0, ["10:45", 15], true)).toEqual(["advisor_busy"]);
  });

  it("never bypasses closed (a Sunday), outside_opening_hours or advisor_absent", () => {
    const sunday = "2027-02-28";
    const s = setup({
      advisors: [{ id: "ann", name: "Ann", absences: [{ start: `${DAY}T10:45`, end: `${DAY}T11:00` }] }],
      interventions: NO_LABOUR,
      rushHours: [],
    });
    const j = job(s.dealer, ["q15"]);
    const now = at(s.dealer, NOW);
    for (const [t, m] of full) s.index.add(reception(0, at(s.dealer, `${DAY}T${t}`), m));
    s.index.add(reception(0, at(s.dealer, `${DAY}T17:15`), 15));
    s.index.add(reception(0, at(s.dealer, `${DAY}T17:30`), 15));
    s.index.add(reception(0, at(s.dealer, `${DAY}T17:45`), 15));
    const f = (local: string) =>
      codes(
        checkReception(s.index, { advisor: 0, start: at(s.dealer, local), minutes: 15, job: j, now, force: true })
          .violations,
      );
    expect(f(`${DAY}T10:45`)).toEqual(["advisor_absent"]);
    expect(f(`${DAY}T18:00`)).toEqual(["outside_opening_hours"]);
    expect(f(`${sunday}T10:00`)).toEqual(["closed"]);
    // And without force the caps are reported too, so force really did remove only them.
    expect(
      codes(
        checkReception(s.index, { advisor: 0, start: at(s.dealer, `${DAY}T10:45`), minutes: 15, job: j, now })
          .violations,
      ),
    ).toEqual(["advisor_absent", "hourly_cap"]);
  });
});

describe("caps across midnight", () => {
  // A sliding window that straddles local midnight (a dealer open 00:00–24:00) must see
  // the receptions of the neighbouring day: 23:15/23:30/23:45 + 00:00 is four in 60 min.
  it("refuses the 4th 15-min reception in a 60-min window that straddles midnight (24-hour dealer)", () => {
    const all = [["00:00", "24:00"]] as Array<[string, string]>;
    const s = setup({
      openingHours: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
      advisors: [{ id: "ann", name: "Ann", absences: [] }],
      interventions: NO_LABOUR,
      rushHours: [],
    });
    const j = job(s.dealer, ["q15"]);
    for (const t of ["23:15", "23:30", "23:45"]) s.index.add(reception(0, at(s.dealer, `2027-03-01T${t}`), 15));
    const r = checkReception(s.index, {
      advisor: 0,
      start: at(s.dealer, "2027-03-02T00:00"),
      minutes: 15,
      job: j,
      now: at(s.dealer, NOW),
    });
    expect(codes(r.violations)).toEqual(["hourly_cap"]);
  });
});

describe("caps.ts against minute-by-minute windows (property)", () => {
  // Random non-overlapping receptions of one advisor (5-minute marks, 15 or 30 min), a
  // new free reception, random limits: the exact-candidate checks equal brute force.
  const calendarArb = fc
    .array(fc.record({ gap: fc.integer({ min: 0, max: 12 }).map((g) => g * 5), minutes: fc.constantFrom(15, 30) }), {
      maxLength: 12,
    })
    .map((items) => {
      const list: number[] = [];
      let t = 300;
      for (const { gap, minutes } of items) {
        t += gap;
        list.push(t, t + minutes);
        t += minutes;
      }
      return list;
    });

  it("hourlyCapOk and twoHourCapOk agree with sliding every window start minute by minute", () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 140 }).map((q) => 250 + q * 5),
        fc.constantFrom(15, 30),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(15, 30, 45, 60, 75, 90, 105, 120),
        (list, s, minutes, maxPerHour, maxMinutes) => {
          const e = s + minutes;
          for (let i = 0; i < list.length; i += 2) if (s < list[i + 1] && e > list[i]) return; // the advisor must be free
          let hourly = true;
          for (let t = s - 59; t <= s; t++) {
            let c = 1;
            for (let i = 0; i < list.length; i += 2) if (list[i] >= t && list[i] < t + 60) c++;
            if (c > maxPerHour) hourly = false;
          }
          let twoHour = true;
          for (let t = s - 119; t < e; t++) {
            let m = Math.max(0, Math.min(e, t + 120) - Math.max(s, t));
            for (let i = 0; i < list.length; i += 2)
              m += Math.max(0, Math.min(list[i + 1], t + 120) - Math.max(list[i], t));
            if (m > maxMinutes) twoHour = false;
          }
          expect(hourlyCapOk(list, s, maxPerHour)).toBe(hourly);
          expect(twoHourCapOk(list, s, e, maxMinutes)).toBe(twoHour);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
