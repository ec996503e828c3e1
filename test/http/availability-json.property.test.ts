import "@hono/zod-openapi"; // before the contracts: their .openapi() needs zod extended first
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AvailabilityRequest } from "../../src/scheduler/contracts.js";
import type { Ctx } from "../../src/scheduler/context.js";
import { searchAvailability } from "../../src/scheduler/search.js";
import { ANONYMOUS, STAFF } from "../../src/scheduler/trust.js";
import { auth } from "../support/app.js";
import { book, booking, inProcess, type InProcess, putDealer, romeDealer, search, week } from "../support/http.js";

// The availability route answers with JSON text built from remembered option texts
// (scheduler/search.ts searchAvailabilityJson, present.ts optionJson), not by
// stringifying the answer object. Property: the text is byte for byte
// JSON.stringify(searchAvailability(...)) — same keys, same order, same values — the first
// time an option is shown and every time after, whatever the search asks; and a
// configuration change never serves a remembered text of the old configuration.

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

/** What the answer object says, stringified, for the caller the route sees. */
function expected(raw: unknown, staff = false, dealerId = "roma"): string {
  const caller = staff ? STAFF : ANONYMOUS;
  const ctx = { nowMs: t.deps.now(), runtimes: t.runtimes, sqlite: t.sqlite, caller } as unknown as Ctx;
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
