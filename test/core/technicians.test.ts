import { describe, expect, it } from "vitest";
import { checkReception, DealerConfig, type DealerConfigInput } from "../../src/core/index.js";
import { at, codes, job, NO_RESERVE, setup } from "../support/core.js";
import { MON, TUE } from "../support/calendar.js";

// The workshop planned by technician (src/core/workshop.ts): each skill's labour is one
// block on one technician's timeline, starting at reception end + handover (15 min),
// never overlapping another job of theirs, spanning days when it must; the car is ready
// at the block's end + quality check (15 min), rounded up to the quarter hour; the
// technician who finishes first wins, roster order breaks ties.

const NOW = "2026-09-01T00:00";
const WEEKDAYS: DealerConfigInput["openingHours"] = {
  mon: [["08:00", "18:00"]],
  tue: [["08:00", "18:00"]],
  wed: [["08:00", "18:00"]],
  thu: [["08:00", "18:00"]],
  fri: [["08:00", "18:00"]],
};
const luca = { id: "luca", name: "Luca" };
const marco = { id: "marco", name: "Marco" };
const nobody: never[] = [];

function world(workshop: DealerConfigInput["workshop"], input: Partial<DealerConfigInput> = {}) {
  const s = setup({
    openingHours: WEEKDAYS,
    advisors: [{ id: "a" }, { id: "b" }, { id: "c" }].map((a) => ({ ...a, name: a.id, absences: [] })),
    express: NO_RESERVE,
    workshop,
    ...input,
  });
  let n = 0;
  /** Checks a reception on the first free advisor and books it; returns the ready time and who works it. */
  const book = (local: string, interventions: string[], opts: { express?: boolean; keep?: boolean } = {}) => {
    const j = job(s.dealer, interventions);
    const start = at(s.dealer, local);
    for (let advisor = 0; advisor < 3; advisor++) {
      const r = checkReception(s.index, {
        advisor,
        start,
        minutes: j.receptionMinutes,
        job: j,
        now: at(s.dealer, NOW),
        express: opts.express,
      });
      if (codes(r.violations).some((c) => c.startsWith("advisor") || c.endsWith("_cap"))) continue;
      if (!r.plan) return { codes: codes(r.violations), ready: null, techs: [] as string[], blocks: [] as string[] };
      if (opts.keep !== false)
        s.index.add({
          id: `j${++n}`,
          reception: { advisor, start, minutes: j.receptionMinutes },
          ret: null,
          labour: r.plan.labour,
          readyAt: r.plan.readyAt,
          express: opts.express === true,
          mobility: "none",
        });
      const hm = (m: number) => s.dealer.format(m).slice(11, 16);
      return {
        codes: [],
        ready: s.dealer.format(r.plan.readyAt),
        techs: [...new Set(r.plan.labour.map((l) => s.dealer.roster.technicians[l.tech!].id))],
        blocks: r.plan.labour.map((l) => `${s.dealer.format(l.start!).slice(0, 10)} ${hm(l.start!)}-${hm(l.end!)}`),
      };
    }
    throw new Error("no advisor free");
  };
  return { ...s, book };
}

const ROSTER = (mechanical: unknown[], more: Record<string, unknown[]> = {}) =>
  ({ mechanical, diagnosis: nobody, bodywork: nobody, ...more }) as DealerConfigInput["workshop"];

describe("one mechanic, three 2 h maintenances received at 09:00, 09:15 and 09:30", () => {
  it("plans them one after another, so the ready times are at least 2 h apart", () => {
    const w = world(ROSTER([luca]));
    const r = [
      w.book(`${MON}T09:00`, ["maintenance"]),
      w.book(`${MON}T09:15`, ["maintenance"]),
      w.book(`${MON}T09:30`, ["maintenance"]),
    ];
    expect(r.map((x) => x.blocks)).toEqual([[`${MON} 09:30-11:30`], [`${MON} 11:30-13:30`], [`${MON} 13:30-15:30`]]);
    expect(r.map((x) => x.ready)).toEqual([`${MON}T11:45:00+01:00`, `${MON}T13:45:00+01:00`, `${MON}T15:45:00+01:00`]);
  });

  it("the original { technicians: 1, hoursPerDay } form means the same: one technician (7 h over a 10 h window: 172 min of wall clock per 2 h job)", () => {
    const w = world({
      mechanical: { technicians: 1, hoursPerDay: 7, overrides: {} },
      diagnosis: { technicians: 1, hoursPerDay: 7, overrides: {} },
      bodywork: { technicians: 1, hoursPerDay: 7, overrides: {} },
    });
    const r = [
      w.book(`${MON}T09:00`, ["maintenance"]),
      w.book(`${MON}T09:15`, ["maintenance"]),
      w.book(`${MON}T09:30`, ["maintenance"]),
    ];
    expect(r.map((x) => x.blocks)).toEqual([
      [`${MON} 09:30-12:22`],
      [`${MON} 12:22-15:14`],
      [`${MON} 15:14-18:00`, `${TUE} 08:00-08:06`],
    ]);
    expect(r.map((x) => x.ready)).toEqual([`${MON}T12:45:00+01:00`, `${MON}T15:30:00+01:00`, `${TUE}T08:30:00+01:00`]);
  });
});

describe("technician plans (table)", () => {
  const rows: Array<{
    name: string;
    workshop: DealerConfigInput["workshop"];
    input?: Partial<DealerConfigInput>;
    before?: Array<[string, string[]]>;
    at: string;
    job: string[];
    ready: string | null;
    techs?: string[];
    blocks?: string[];
    express?: boolean;
  }> = [
    {
      name: "two mechanics: the second job goes to the idle one",
      workshop: ROSTER([luca, marco]),
      before: [[`${MON}T09:00`, ["maintenance"]]],
      at: `${MON}T09:15`,
      job: ["maintenance"],
      ready: `${MON}T12:00:00+01:00`,
      techs: ["marco"],
    },
    {
      name: "two mechanics, both busy: the one who finishes first takes the third",
      workshop: ROSTER([luca, marco]),
      before: [
        [`${MON}T09:00`, ["maintenance"]],
        [`${MON}T09:15`, ["maintenance"]],
      ],
      at: `${MON}T09:30`,
      job: ["maintenance"],
      ready: `${MON}T13:45:00+01:00`,
      techs: ["luca"],
    },
    {
      name: "equal finish: roster order breaks the tie",
      workshop: ROSTER([marco, luca]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      ready: `${MON}T11:45:00+01:00`,
      techs: ["marco"],
    },
    {
      name: "skills: a diagnosis goes only to the technician who has the skill",
      workshop: ROSTER([luca, { ...marco, skills: ["diagnosis"] }]),
      at: `${MON}T09:00`,
      job: ["diagnosis"],
      ready: `${MON}T11:30:00+01:00`,
      techs: ["marco"],
      blocks: [`${MON} 09:45-11:15`],
    },
    {
      name: "no technician with the skill: workshop full",
      workshop: ROSTER([luca]),
      at: `${MON}T09:00`,
      job: ["diagnosis"],
      ready: null,
    },
    {
      name: "two skills: one car, one block after the other (in skill order)",
      workshop: ROSTER([luca], { diagnosis: [marco] }),
      at: `${MON}T09:00`,
      job: ["diagnosis", "maintenance"],
      ready: `${MON}T13:30:00+01:00`,
      blocks: [`${MON} 09:45-11:45`, `${MON} 11:45-13:15`],
    },
    {
      name: "a 12 h bodywork job spans two days on its technician's hours",
      workshop: ROSTER([luca], { bodywork: [marco] }),
      at: `${MON}T09:00`,
      job: ["bodywork"],
      ready: `${TUE}T12:00:00+01:00`,
      blocks: [`${MON} 09:45-18:00`, `${TUE} 08:00-11:45`],
    },
    {
      name: "the technician's own hours (07:00–15:00) bound the job, not the opening hours",
      workshop: ROSTER([luca], {
        bodywork: [
          {
            ...marco,
            hours: { ...Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["07:00", "15:00"]]])) },
          },
        ],
      }),
      at: `${MON}T09:00`,
      job: ["bodywork"],
      ready: `${TUE}T14:00:00+01:00`,
      blocks: [`${MON} 09:45-15:00`, `${TUE} 07:00-13:45`],
    },
    {
      name: "a lunch break pauses the job",
      workshop: ROSTER([
        {
          ...luca,
          hours: {
            mon: [
              ["08:00", "10:30"],
              ["11:30", "18:00"],
            ],
          },
        },
      ]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      ready: `${MON}T12:45:00+01:00`,
      blocks: [`${MON} 09:30-12:30`],
    },
    {
      name: "an absence: the job waits for the technician's return",
      workshop: ROSTER([{ ...luca, absences: [{ start: `${MON}T08:00`, end: `${MON}T13:00` }] }]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      ready: `${MON}T15:15:00+01:00`,
      blocks: [`${MON} 13:00-15:00`],
    },
    {
      name: "an absence: another technician takes it",
      workshop: ROSTER([{ ...luca, absences: [{ start: `${MON}T08:00`, end: `${MON}T13:00` }] }, marco]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      ready: `${MON}T11:45:00+01:00`,
      techs: ["marco"],
    },
    {
      name: "a job fits in the gap before a later job of the same technician",
      workshop: ROSTER([luca]),
      before: [[`${MON}T12:15`, ["maintenance"]]],
      at: `${MON}T09:00`,
      job: ["tyres"],
      ready: `${MON}T10:45:00+01:00`,
      blocks: [`${MON} 09:30-10:30`],
    },
    {
      name: "a job too long for the gap goes after the later job",
      workshop: ROSTER([luca]),
      before: [[`${MON}T12:15`, ["maintenance"]]],
      at: `${MON}T10:30`,
      job: ["service"],
      ready: `${MON}T17:30:00+01:00`,
      blocks: [`${MON} 14:45-17:15`],
    },
    {
      name: "the original form on a desk open only 10:00–10:15: its 8 h technician still works 8 h from the opening (not 15 minutes)",
      workshop: { mechanical: { technicians: 1, hoursPerDay: 8 }, diagnosis: nobody, bodywork: nobody },
      input: { openingHours: { mon: [["10:00", "10:15"]] } },
      at: `${MON}T10:00`,
      job: ["maintenance"],
      ready: `${MON}T12:45:00+01:00`,
      blocks: [`${MON} 10:30-12:30`],
    },
    {
      name: "handover and quality check are configurable (0 and 30)",
      workshop: ROSTER([luca]),
      input: { workshopRules: { handoverMinutes: 0, qualityCheckMinutes: 30 } },
      at: `${MON}T09:00`,
      job: ["maintenance"],
      ready: `${MON}T11:45:00+01:00`,
      blocks: [`${MON} 09:15-11:15`],
    },
    {
      name: "the slack: an ordinary job that could not start before the next open day ends is refused",
      workshop: ROSTER([{ ...luca, absences: [{ start: `${MON}T00:00`, end: "2027-03-03T12:00" }] }]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      ready: null,
    },
    {
      name: "...but a priority (express) job is planned, with its honest ready time",
      workshop: ROSTER([{ ...luca, absences: [{ start: `${MON}T00:00`, end: "2027-03-03T12:00" }] }]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      express: true,
      ready: "2027-03-03T14:15:00+01:00",
    },
    {
      name: "a job that cannot finish within the planning horizon is not offered, even express",
      workshop: ROSTER([{ ...luca, absences: [{ start: `${MON}T00:00`, end: "2027-05-01T00:00" }] }]),
      at: `${MON}T09:00`,
      job: ["maintenance"],
      express: true,
      ready: null,
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const w = world(r.workshop, r.input);
      for (const [t, j] of r.before ?? []) expect(w.book(t, j).codes).toEqual([]);
      const got = w.book(r.at, r.job, { express: r.express });
      expect(got.ready).toBe(r.ready);
      if (r.ready === null) expect(got.codes).toContain("workshop_full");
      if (r.techs) expect(got.techs).toEqual(r.techs);
      if (r.blocks) expect(got.blocks).toEqual(r.blocks);
    });
  }
});

describe("DST", () => {
  const SUN_OPEN = { ...WEEKDAYS, sun: [["01:00", "18:00"]] as Array<[string, string]> };
  it("spring forward (Rome, 2027-03-28 02:00 → 03:00): 2 h of labour from 01:30 end at 04:30 summer time", () => {
    const w = world(ROSTER([luca]), {
      openingHours: SUN_OPEN,
      durations: {
        newCustomerReceptionMinutes: 15,
        courtesyCarReceptionMinutes: 30,
        newCustomerReturnMinutes: 15,
        courtesyCarReturnMinutes: 15,
      },
    });
    const r = w.book("2027-03-28T01:00", ["maintenance"]);
    expect(r.blocks).toEqual(["2027-03-28 01:30-04:30"]);
    expect(r.ready).toBe("2027-03-28T04:45:00+02:00");
  });
  it("fall back (Rome, 2026-10-25 03:00 → 02:00): the repeated hour is worked too", () => {
    const w = world(ROSTER([luca]), { openingHours: SUN_OPEN });
    const r = w.book("2026-10-25T01:00", ["maintenance"]);
    expect(r.blocks).toEqual(["2026-10-25 01:30-02:30"]);
    expect(r.ready).toBe("2026-10-25T02:45:00+01:00");
  });
});

describe("configuration", () => {
  it("refuses a technician listed twice and an unknown skill", () => {
    const bad = DealerConfig.safeParse({
      name: "x",
      timeZone: "Europe/Rome",
      workshop: { mechanical: [luca, luca], diagnosis: [{ ...marco, skills: ["paint"] }], bodywork: [] },
    });
    expect(bad.success).toBe(false);
    const msgs = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(msgs.some((m) => m.includes("duplicate technician id luca"))).toBe(true);
    expect(msgs.some((m) => m.includes("unknown workshop skill paint"))).toBe(true);
  });
  it("capacity per skill is the roster's productive minutes (a two-skill technician counts in both)", () => {
    const w = world(ROSTER([luca, { ...marco, skills: ["diagnosis"] }]));
    const day = w.dealer.day(w.dealer.dayOf(at(w.dealer, `${MON}T12:00`)));
    expect([...day.capacity]).toEqual([1200, 600, 0]);
  });
  it("names the identical technicians of the original form by its `names` (the page lists them), the rest '<skill> k', at the same capacity", () => {
    const counted = { technicians: 3, hoursPerDay: 7, overrides: {} };
    const others = { diagnosis: counted, bodywork: counted };
    const named = world({ mechanical: { ...counted, names: ["Alessandro Conti", "Davide Moretti"] }, ...others });
    const plain = world({ mechanical: counted, ...others });
    const names = named.dealer.roster.technicians.map((t) => `${t.id}: ${t.name}`).slice(0, 4);
    expect(names).toEqual([
      "mechanical#1: Alessandro Conti",
      "mechanical#2: Davide Moretti",
      "mechanical#3: mechanical 3",
      "diagnosis#1: diagnosis 1",
    ]);
    const capacity = (w: typeof named) => [...w.dealer.day(w.dealer.dayOf(at(w.dealer, `${MON}T12:00`))).capacity];
    expect(capacity(named)).toEqual(capacity(plain));
  });
});
