import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AvailabilityRequest } from "../../src/scheduler/contracts.js";
import type { Ctx } from "../../src/scheduler/context.js";
import { QUESTION_FIELDS } from "../../src/scheduler/answer-memo.js";
import { searchAvailability } from "../../src/scheduler/search.js";
import { ANONYMOUS, STAFF } from "../../src/scheduler/trust.js";
import { auth, FIXED_NOW } from "../support/app.js";
import { book, booking, inProcess, type InProcess, putDealer, romeDealer, search, week } from "../support/http.js";

// The availability route answers with JSON text built from remembered option texts
// (scheduler/search.ts searchAvailabilityJson, present.ts optionJson), not by
// stringifying the answer object. Property: the text is byte for byte
// JSON.stringify(searchAvailability(...)) — same keys, same order, same values — the first
// time an option is shown and every time after, whatever the search asks; and a
// configuration change never serves a remembered text of the old configuration.
// Whole answers are remembered too (answer-memo.ts): a question asked again gets the same
// text until a booking, a cancellation, a hold (made or expired), a priority flag or the
// minute changes it — then the fresh answer, never the remembered one.

let t: InProcess;
beforeAll(async () => {
  t = inProcess();
  await putDealer(t.api, "roma", dealer());
  // A few bookings, so options differ by day and advisor, and a courtesy car is out.
  for (const [i, start] of ["2026-11-24T09:00", "2026-11-24T10:00", "2026-11-25T10:00"].entries())
    await book(
      t.api,
      "roma",
      booking({ start, advisorId: "anna" }, { mobility: i === 0 ? "courtesy_car" : "none" }),
      auth,
    );
});
afterAll(() => t.close());

const dealer = (overrides: Record<string, unknown> = {}) =>
  romeDealer({
    mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: true, shuttle: false },
    ...overrides,
  });

const body = fc.record(
  {
    vehicle: fc.constantFrom(
      { model: "Grecale" },
      { model: "MC20" },
      { model: "Ghibli", vin: "ZAMJSNPRPAB000001", electrified: true },
    ),
    interventions: fc.subarray(["maintenance", "diagnosis", "bodywork", "tyres"], { minLength: 1 }),
    customer: fc.constantFrom({ known: true }, {}),
    mobility: fc.constantFrom("none", "courtesy_car", "pickup_delivery", "taxi", "rental"),
    from: fc.constantFrom("2026-11-20", "2026-11-24", "2026-11-28", "2026-12-07"),
    days: fc.integer({ min: 1, max: 21 }),
    count: fc.integer({ min: 2, max: 8 }),
    dayPart: fc.constantFrom("morning", "afternoon"),
    preferredAdvisorId: fc.constantFrom("anna", "bruno"),
  },
  { requiredKeys: ["vehicle", "interventions", "customer"] },
);

/** What the answer object says, freshly searched (never remembered), stringified, for the caller the route sees. */
function expected(raw: unknown, staff = false, dealerId = "roma", app: InProcess = t): string {
  const caller = staff ? STAFF : ANONYMOUS;
  const ctx = { nowMs: app.deps.now(), runtimes: app.runtimes, sqlite: app.sqlite, caller } as unknown as Ctx;
  return JSON.stringify(searchAvailability(ctx, { dealerId, body: AvailabilityRequest.parse(raw) }));
}

async function answered(raw: unknown, staff = false, dealerId = "roma"): Promise<string> {
  const res = await t.api("POST", `/v1/dealers/${dealerId}/availability`, raw, staff ? auth : {});
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/json");
  return text;
}

describe("the availability route's JSON text", () => {
  it("is exactly JSON.stringify of the answer object, on first sight of an option and from memory after", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (raw, staff) => {
        const first = await answered(raw, staff);
        expect(first).toBe(expected(raw, staff));
        expect(await answered(raw, staff)).toBe(first);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it.each([
    ["an anonymous priority model without a VIN on file: priorityNote", false, "priorityNote"],
    ["staff asking rental for a priority model: mobilityNote", true, "mobilityNote"],
  ])("carries the notes after the options, as the object does: %s", async (_, staff, note) => {
    const raw = { vehicle: { model: "MC20" }, interventions: ["maintenance"], customer: {}, mobility: "rental" };
    const text = await answered(raw, staff);
    expect(text).toBe(expected(raw, staff));
    expect(Object.keys(JSON.parse(text)).at(-1)).toBe(note);
  });

  it("carries the shortfall after the options, as the object does (one slot a week)", async () => {
    await putDealer(t.api, "tight", {
      ...romeDealer({ openingHours: week([["10:00", "10:15"]], ["tue"]) }),
      receptionRules: { maxHorizonDays: 7 },
    });
    const raw = { vehicle: { model: "Grecale" }, interventions: ["maintenance"], customer: {}, days: 14 };
    const text = await answered(raw, false, "tight");
    expect(text).toBe(expected(raw, false, "tight"));
    expect(JSON.parse(text).shortfall).toMatchObject({ code: "insufficient_capacity" });
  });

  it("shows an advisor's new name as soon as the dealer's configuration changes", async () => {
    const raw = { vehicle: { model: "Grecale" }, interventions: ["maintenance"], customer: { known: true } };
    await answered(raw);
    const renamed = dealer({
      advisors: [
        { id: "anna", name: "Anna Bianchi" },
        { id: "bruno", name: "Bruno Neri" },
      ],
    });
    await putDealer(t.api, "roma", renamed);
    const { options } = await search(t.api, "roma", raw);
    expect(options.filter((o) => o.advisorId === "anna").map((o) => o.advisorName)).toContain("Anna Bianchi");
    expect(options.map((o) => o.advisorName)).not.toContain("Anna Rossi");
  });
});

// ---- the whole answer's memo, across writes ------------------------------------------

const VIN = "ZAMJSNPRPAB000001";
/** A few questions, asked again and again (as a campaign's link and the widget ask them). */
const BOOKABLE = { vehicle: { model: "Grecale" }, interventions: ["maintenance"], customer: { known: true } };
const QUESTIONS = [
  BOOKABLE,
  { ...BOOKABLE, days: 3, count: 6 },
  { vehicle: { model: "MC20" }, interventions: ["diagnosis"], customer: {}, mobility: "courtesy_car" },
  { vehicle: { model: "Ghibli", vin: VIN }, interventions: ["maintenance"], customer: {}, mobility: "courtesy_car" },
  {
    vehicle: { model: "Grecale" },
    interventions: ["tyres"],
    customer: {},
    mobility: "courtesy_car",
    dayPart: "morning",
  },
  // The first question from another car (its own VIN and plate, no priority): it shares the answer.
  { ...BOOKABLE, vehicle: { model: "Grecale", vin: "ZN6XXXXXXXX000009", plate: "AB123CD" } },
];

type Step =
  | { op: "search"; q: number; staff: boolean }
  | { op: "book" | "hold"; pick: number }
  | { op: "cancel"; pick: number }
  | { op: "flag"; priority: boolean }
  | { op: "tick"; seconds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant("search" as const), q: fc.nat(QUESTIONS.length - 1), staff: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom("book" as const, "hold" as const), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cancel" as const), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("flag" as const), priority: fc.boolean() }) },
  // Seconds within the minute (the memo stays) and minutes on (past the notice; holds expire).
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("tick" as const), seconds: fc.constantFrom(5, 30, 60, 300, 900) }),
  },
);

describe("a remembered answer", () => {
  it("is keyed by every field of the question but the vehicle, which counts only through the priority it earns", () => {
    expect(Object.keys(AvailabilityRequest.shape).sort()).toEqual([...QUESTION_FIELDS, "vehicle"].sort());
  });

  // Two questions that differ in one field only, asked one after the other: the second
  // gets its own answer, never the first one's.
  const VARIANTS: Record<(typeof QUESTION_FIELDS)[number], [unknown, unknown]> = {
    interventions: [["maintenance"], ["bodywork"]],
    customer: [{ known: true }, {}],
    mobility: ["none", "courtesy_car"],
    from: ["2026-11-24", "2026-11-28"],
    days: [14, 1],
    count: [2, 5],
    preferredAdvisorId: ["anna", "bruno"],
    dayPart: ["morning", "afternoon"],
  };
  it.each(Object.entries(VARIANTS))("tells questions apart by %s", async (field, [a, b]) => {
    const base = { vehicle: { model: "Levante" }, interventions: ["tyres"], customer: {}, from: "2026-11-25" };
    const first = await answered({ ...base, [field]: a });
    const second = await answered({ ...base, [field]: b });
    expect(second).toBe(expected({ ...base, [field]: b }));
    expect(second).not.toBe(first);
  });

  it("is served only while nothing it depends on has changed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), async (steps) => {
        let clock = Date.parse(FIXED_NOW);
        const w = inProcess({ now: () => clock });
        try {
          await putDealer(w.api, "roma", dealer());
          await w.api("PUT", `/v1/dealers/roma/vehicles/${VIN}`, { model: "Ghibli", priority: false }, auth);
          const booked: string[] = [];
          for (const s of steps) await run(w, s, booked, (seconds) => (clock += seconds * 1000));
        } finally {
          w.close();
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });
});

async function run(w: InProcess, s: Step, booked: string[], tick: (seconds: number) => void): Promise<void> {
  switch (s.op) {
    case "search": {
      const raw = QUESTIONS[s.q];
      const want = expected(raw, s.staff, "roma", w);
      for (let i = 0; i < 2; i++) {
        const res = await w.api("POST", "/v1/dealers/roma/availability", raw, s.staff ? auth : {});
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(want);
      }
      return;
    }
    case "book":
    case "hold": {
      const { options } = await search(w.api, "roma", BOOKABLE);
      const option = options[s.pick % options.length];
      if (!option) return;
      const res =
        s.op === "book"
          ? await w.api("POST", "/v1/dealers/roma/appointments", booking({ optionId: option.optionId }), auth)
          : await w.api("POST", "/v1/dealers/roma/holds", {
              optionId: option.optionId,
              vehicle: BOOKABLE.vehicle,
              interventions: BOOKABLE.interventions,
              customer: BOOKABLE.customer,
            });
      const text = await res.clone().text();
      // One client holds at most three slots at once: a fourth is refused and changes nothing.
      if (s.op === "hold" && res.status === 429) return expect(JSON.parse(text).code).toBe("too_many_holds");
      expect(res.status, text).toBe(201);
      if (s.op === "book") booked.push(((await res.json()) as { id: string }).id);
      return;
    }
    case "cancel": {
      const id = booked.splice(s.pick % Math.max(booked.length, 1), 1)[0];
      if (id) expect((await w.api("POST", `/v1/dealers/roma/appointments/${id}/cancel`, {}, auth)).status).toBe(200);
      return;
    }
    case "flag": {
      const res = await w.api(
        "PUT",
        `/v1/dealers/roma/vehicles/${VIN}`,
        { model: "Ghibli", priority: s.priority },
        auth,
      );
      expect(res.status).toBe(200);
      return;
    }
    case "tick":
      return tick(s.seconds);
  }
}
