import { describe, expect, it } from "vitest";
import { dayNumberFromIso, searchIndex } from "../../src/core/index.js";
import { at, job, NO_RESERVE, reception, setup } from "../support/core.js";
import { MON } from "../support/calendar.js";

// The customer's optional preferences: a preferred advisor and a day part rank first
// when they have room, and yield to other options only when they have none.

const NOW = "2027-02-26T09:00";

function world() {
  const s = setup({
    rushHours: [],
    advisors: [
      { id: "anna", name: "Anna", absences: [] },
      { id: "bruno", name: "Bruno", absences: [] },
    ],
    express: NO_RESERVE,
  });
  return s;
}

/** A known customer's maintenance, from Monday: 3 options over 5 days unless told. */
function search(
  s: ReturnType<typeof world>,
  extra: { preferredAdvisor?: number; dayPart?: "morning" | "afternoon"; days?: number; count?: number },
) {
  return searchIndex(s.index, {
    job: job(s.dealer, ["maintenance"]),
    fromDay: dayNumberFromIso(MON),
    days: 5,
    count: 3,
    now: at(s.dealer, NOW),
    ...extra,
  });
}

const local = (s: ReturnType<typeof world>, em: number) => s.dealer.format(em).slice(0, 16);
const hourOf = (s: ReturnType<typeof world>, em: number) => Number(s.dealer.format(em).slice(11, 13));

describe("search preferences", () => {
  it.each([
    ["anna", 0],
    ["bruno", 1],
  ])("a preferred advisor (%s) with room gets every option", (_, advisor) => {
    const s = world();
    const r = search(s, { preferredAdvisor: advisor });
    expect(r.options).toHaveLength(3);
    for (const o of r.options) expect(o.reception.advisor).toBe(advisor);
  });

  it("an absent preferred advisor yields to the other one rather than to no option", () => {
    const s = setup({
      rushHours: [],
      advisors: [
        { id: "anna", name: "Anna", absences: [{ start: `${MON}T00:00`, end: "2027-03-10T00:00" }] },
        { id: "bruno", name: "Bruno", absences: [] },
      ],
      express: NO_RESERVE,
    });
    const r = search(s, { count: 2, preferredAdvisor: 0 });
    expect(r.options).toHaveLength(2);
    for (const o of r.options) expect(o.reception.advisor).toBe(1);
  });

  it.each([
    ["morning", (h: number) => h < 13],
    ["afternoon", (h: number) => h >= 13],
  ] as const)("asking for the %s puts every option there while it has room", (part, inPart) => {
    const s = world();
    const r = search(s, { dayPart: part });
    expect(r.options).toHaveLength(3);
    for (const o of r.options) expect(inPart(hourOf(s, o.reception.start)), local(s, o.reception.start)).toBe(true);
  });

  it("without preferences the first options are the earliest quiet ones, spread over half-days", () => {
    const s = world();
    const r = search(s, {});
    const halves = new Set(
      r.options.map((o) => `${local(s, o.reception.start).slice(0, 10)}:${hourOf(s, o.reception.start) < 13}`),
    );
    expect(halves.size).toBe(r.options.length);
    expect(local(s, r.options[0].reception.start)).toBe(`${MON}T08:00`);
  });

  it("a full afternoon today: the preferred day part on a later day ranks before this morning", () => {
    const s = setup({
      rushHours: [],
      openingHours: {
        mon: [
          ["08:00", "12:00"],
          ["13:00", "13:15"],
        ],
      },
      advisors: [{ id: "anna", name: "Anna", absences: [] }],
      express: NO_RESERVE,
    });
    s.index.add(reception(0, at(s.dealer, `${MON}T13:00`), 15));
    const r = search(s, { days: 1, count: 2, dayPart: "afternoon" });
    expect(r.options).toHaveLength(2);
    const first = local(s, r.options[0].reception.start);
    expect(first > `${MON}T23:59`, first).toBe(true);
    expect(hourOf(s, r.options[0].reception.start)).toBeGreaterThanOrEqual(13);
    // The search widened past the one-day horizon to honour the preference.
    expect(r.days).toBeGreaterThan(1);
  });
});
