import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_INTERVENTIONS,
  deriveJob,
  isJobError,
  MOBILITY,
  type Dealer,
  type Job,
  type Mobility,
} from "../../src/core/index.js";
import { referenceJob } from "../reference/brute-force.js";
import { setup } from "../support/core.js";

// The duration model: reception 15 or 30 (longest wins; new customer → 30; courtesy car
// → 30), return 10–15 (new customer / courtesy car → 15), labour summed per skill, an
// intervention named twice counted once, an unknown intervention an error.

function labourBySkill(dealer: Dealer, j: Job): Record<string, number> {
  return Object.fromEntries(j.labour.map((l) => [dealer.skills[l.skill], l.minutes]));
}

interface Row {
  name: string;
  interventions: string[];
  known?: boolean;
  mobility?: Mobility;
  reception: 15 | 30;
  ret: number;
  labour: Record<string, number>;
}

const rows: Row[] = [
  {
    name: "a maintenance for a known customer: 15 min reception, 10 min return, 2 h mechanical",
    interventions: ["maintenance"],
    reception: 15,
    ret: 10,
    labour: { mechanical: 120 },
  },
  {
    name: "a diagnosis: 30 min reception, 15 min return, 1.5 h diagnosis",
    interventions: ["diagnosis"],
    reception: 30,
    ret: 15,
    labour: { diagnosis: 90 },
  },
  {
    name: "the longest intervention wins: maintenance + diagnosis → 30 / 15",
    interventions: ["maintenance", "diagnosis"],
    reception: 30,
    ret: 15,
    labour: { mechanical: 120, diagnosis: 90 },
  },
  {
    name: "order does not matter: diagnosis + maintenance → 30 / 15",
    interventions: ["diagnosis", "maintenance"],
    reception: 30,
    ret: 15,
    labour: { mechanical: 120, diagnosis: 90 },
  },
  {
    name: "a new customer lengthens reception to 30 and return to 15",
    interventions: ["maintenance"],
    known: false,
    reception: 30,
    ret: 15,
    labour: { mechanical: 120 },
  },
  {
    name: "a courtesy car lengthens reception to 30 and return to 15",
    interventions: ["maintenance"],
    mobility: "courtesy_car",
    reception: 30,
    ret: 15,
    labour: { mechanical: 120 },
  },
  {
    name: "a new customer with a courtesy car is still 30 / 15",
    interventions: ["tyres"],
    known: false,
    mobility: "courtesy_car",
    reception: 30,
    ret: 15,
    labour: { mechanical: 60 },
  },
  {
    name: "other mobility (taxi) does not lengthen anything",
    interventions: ["maintenance"],
    mobility: "taxi",
    reception: 15,
    ret: 10,
    labour: { mechanical: 120 },
  },
  {
    name: "pickup & delivery does not lengthen anything",
    interventions: ["recall"],
    mobility: "pickup_delivery",
    reception: 15,
    ret: 10,
    labour: { mechanical: 60 },
  },
  {
    name: "labour is summed per skill: service + maintenance + tyres = 5.5 h mechanical",
    interventions: ["service", "maintenance", "tyres"],
    reception: 15,
    ret: 10,
    labour: { mechanical: 330 },
  },
  {
    name: "labour of different skills stays apart: bodywork + tyres",
    interventions: ["bodywork", "tyres"],
    reception: 30,
    ret: 15,
    labour: { mechanical: 60, bodywork: 720 },
  },
  {
    name: "an intervention named twice is counted once",
    interventions: ["maintenance", "maintenance"],
    reception: 15,
    ret: 10,
    labour: { mechanical: 120 },
  },
  {
    name: "duplicates among others are counted once",
    interventions: ["tyres", "recall", "tyres", "recall"],
    reception: 15,
    ret: 10,
    labour: { mechanical: 120 },
  },
];

describe("deriveJob (default catalogue)", () => {
  const { dealer } = setup();

  it.each(rows)("$name", (row) => {
    const j = deriveJob(dealer, {
      interventions: row.interventions,
      known: row.known ?? true,
      mobility: row.mobility ?? "none",
    });
    if (isJobError(j)) throw new Error(j.detail);
    expect(j.receptionMinutes).toBe(row.reception);
    expect(j.returnMinutes).toBe(row.ret);
    expect(labourBySkill(dealer, j)).toEqual(row.labour);
    expect(j.mobility).toBe(row.mobility ?? "none");
  });

  it("refuses an unknown intervention with an error naming it", () => {
    const j = deriveJob(dealer, { interventions: ["maintenance", "teleport"], known: true, mobility: "none" });
    expect(isJobError(j)).toBe(true);
    if (isJobError(j)) {
      expect(j.code).toBe("unknown_intervention");
      expect(j.detail).toContain("teleport");
    }
  });

  it("does not take inherited object keys for interventions", () => {
    for (const code of ["toString", "__proto__", "constructor"]) {
      const j = deriveJob(dealer, { interventions: [code], known: true, mobility: "none" });
      expect(isJobError(j) && j.code).toBe("unknown_intervention");
    }
  });

  it("refuses an empty intervention list", () => {
    const j = deriveJob(dealer, { interventions: [], known: true, mobility: "none" });
    expect(isJobError(j) && j.code).toBe("no_intervention");
  });
});

describe("deriveJob follows the dealer's duration rules", () => {
  it.each([
    {
      name: "newCustomerReceptionMinutes 15 keeps a new customer's maintenance at 15",
      durations: { newCustomerReceptionMinutes: 15 as const },
      known: false,
      mobility: "none" as Mobility,
      reception: 15,
      ret: 15,
    },
    {
      name: "newCustomerReturnMinutes 12 gives a new customer a 12 min return",
      durations: { newCustomerReturnMinutes: 12 },
      known: false,
      mobility: "none" as Mobility,
      reception: 30,
      ret: 12,
    },
    {
      name: "courtesyCarReceptionMinutes 15 keeps a courtesy-car maintenance at 15",
      durations: { courtesyCarReceptionMinutes: 15 as const },
      known: true,
      mobility: "courtesy_car" as Mobility,
      reception: 15,
      ret: 15,
    },
    {
      name: "courtesyCarReturnMinutes 13 gives a 13 min return",
      durations: { courtesyCarReturnMinutes: 13 },
      known: true,
      mobility: "courtesy_car" as Mobility,
      reception: 30,
      ret: 13,
    },
  ])("$name", ({ durations, known, mobility, reception, ret }) => {
    const { dealer } = setup({ durations });
    const j = deriveJob(dealer, { interventions: ["maintenance"], known, mobility });
    if (isJobError(j)) throw new Error(j.detail);
    expect(j.receptionMinutes).toBe(reception);
    expect(j.returnMinutes).toBe(ret);
  });
});

describe("duration model properties", () => {
  const codesArb = fc.subarray(Object.keys(DEFAULT_INTERVENTIONS), { minLength: 1 });
  const mobilityArb = fc.constantFrom(...MOBILITY);

  it("for any subset of the default catalogue × known × mobility: reception ∈ {15, 30} and 10 ≤ return ≤ 15", () => {
    const { dealer } = setup();
    fc.assert(
      fc.property(codesArb, fc.boolean(), mobilityArb, (interventions, known, mobility) => {
        const j = deriveJob(dealer, { interventions, known, mobility });
        if (isJobError(j)) return false;
        expect([15, 30]).toContain(j.receptionMinutes);
        expect(j.returnMinutes).toBeGreaterThanOrEqual(10);
        expect(j.returnMinutes).toBeLessThanOrEqual(15);
        // New customers and courtesy cars always get the long reception and return (defaults).
        if (!known || mobility === "courtesy_car") {
          expect(j.receptionMinutes).toBe(30);
          expect(j.returnMinutes).toBe(15);
        }
        // Labour is the per-skill sum of the distinct interventions.
        const expected: Record<string, number> = {};
        for (const code of new Set(interventions)) {
          const iv = DEFAULT_INTERVENTIONS[code];
          expected[iv.skill] = (expected[iv.skill] ?? 0) + Math.round(iv.labourHours * 60);
        }
        expect(labourBySkill(dealer, j)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the reference duration model on random catalogues and duration rules", () => {
    const ivArb = fc.record({
      receptionMinutes: fc.constantFrom(15 as const, 30 as const),
      returnMinutes: fc.integer({ min: 10, max: 15 }),
      labourHours: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 64 }).map((q) => q / 4),
      ),
      skill: fc.constantFrom("mechanical", "bodywork", "diagnosis"),
    });
    const durationsArb = fc.record({
      newCustomerReceptionMinutes: fc.constantFrom(15 as const, 30 as const),
      courtesyCarReceptionMinutes: fc.constantFrom(15 as const, 30 as const),
      newCustomerReturnMinutes: fc.integer({ min: 10, max: 15 }),
      courtesyCarReturnMinutes: fc.integer({ min: 10, max: 15 }),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), ivArb, { minKeys: 1 }),
        durationsArb,
        fc.boolean(),
        mobilityArb,
        fc.nat(),
        (interventions, durations, known, mobility, seed) => {
          const { dealer, config } = setup({ interventions, durations });
          const keys = Object.keys(interventions);
          const picked = keys.filter((_, i) => (seed >> i) & 1);
          if (picked.length === 0) picked.push(keys[0]);
          const j = deriveJob(dealer, { interventions: picked, known, mobility });
          const ref = referenceJob(config, { interventions: picked, known, mobility });
          if (isJobError(j) || "error" in ref) throw new Error("unexpected error");
          expect(j.receptionMinutes).toBe(ref.receptionMinutes);
          expect(j.returnMinutes).toBe(ref.returnMinutes);
          expect(labourBySkill(dealer, j)).toEqual(Object.fromEntries(ref.labour));
        },
      ),
      { numRuns: 200 },
    );
  });
});
