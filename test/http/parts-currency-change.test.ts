import { describe, expect, it } from "vitest";
import { expectProblem, snapshot } from "../support/http.js";
import {
  auth,
  bookAt,
  DEALER,
  journeyDealer,
  journeyPerTest,
  type JourneyApp,
  ok,
  SILENT,
} from "../support/journey.js";
import { orderPart, partsOf, partsVersion } from "../support/parts.js";

// A dealer's parts currency changes (PUT of its configuration). The deposit threshold counts
// minor units of the currency, so carried over unsaid it would silently mean another amount
// (50,000 is 500.00 EUR, but 50,000 yen is ~€290). The change is refused, naming the field,
// unless the same request states the threshold anew; nothing converts it (keeping the same
// number: parts-currency-threshold.test.ts). Parts already ordered keep the currency they
// were priced in. The real app over a real SQLite file.

const VISIT = "2026-11-26T10:00:00+01:00"; // a Thursday, booked from Monday 23 November
const url = `/v1/dealers/${DEALER}`;
const put = (t: JourneyApp, parts?: Record<string, unknown>) =>
  t.api("PUT", url, journeyDealer(parts === undefined ? {} : { parts }), auth);
const stored = (t: JourneyApp) => snapshot(t.sqlite);

describe("a change of the dealer's parts currency", () => {
  const t = journeyPerTest({ dealer: () => ({ parts: { currency: "EUR", depositThresholdCents: 50_000 } }) });

  it.each([
    { name: "the new currency alone", parts: { currency: "JPY" }, to: "JPY", same: "50000 JPY" },
    { name: "no parts at all (the default, EUR, is not this dealer's)", from: "KWD", to: "EUR", same: "500.00 EUR" },
    { name: "a currency with three decimals", parts: { currency: "KWD" }, to: "KWD", same: "50.000 KWD" },
  ])(
    "without the threshold stated anew is a 400 naming parts.depositThresholdCents, and changes nothing: $name",
    async (c) => {
      const from = c.from ?? "EUR";
      if (from !== "EUR") await ok(await put(t, { currency: from, depositThresholdCents: 150 }));
      const before = stored(t);
      const problem = await expectProblem(await put(t, c.parts), 400, "validation_failed");
      const was = from === "EUR" ? "500.00 EUR" : "0.150 KWD";
      const same = from === "EUR" ? c.same : "1.50 EUR";
      expect(problem).toMatchObject({
        errors: [{ path: "parts.depositThresholdCents", in: "body" }],
        detail: `parts.depositThresholdCents: the parts currency changes from ${from} to ${c.to}: state the deposit threshold in ${c.to} in the same request (it was ${was}; the same number of minor units would be ${same}, kept only with ?thresholdIn=${c.to})`,
      });
      expect(stored(t)).toEqual(before);
    },
  );

  it.each([
    { name: "a new currency with its threshold", parts: { currency: "JPY", depositThresholdCents: 80_000 } },
    { name: "the threshold alone, the currency unchanged", parts: { depositThresholdCents: 70_000 } },
    { name: "neither (the currency unchanged, the threshold its default)", parts: undefined },
  ])("is stored when the request states the threshold, or changes no currency: $name", async ({ parts }) => {
    const res = await ok<{ parts: unknown }>(await put(t, parts));
    expect(res.parts).toEqual({ currency: "EUR", depositThresholdCents: 50_000, ...parts });
  });

  it("leaves the parts already ordered in their own currency: listed, paid and capped in it", async () => {
    const b = await bookAt(t, VISIT, { customer: SILENT() });
    const parts = partsOf(b.id);
    const lamp = await ok<{ version: number; order: { id: string } }>(
      await orderPart(t.api, parts, { description: "Left headlamp unit", priceCents: 60_000, specialOrder: true }),
      201,
    );
    await ok(await put(t, { currency: "JPY", depositThresholdCents: 80_000 }));

    const pay = (amountCents: number, version: number) =>
      t.api("POST", `${parts}/${lamp.order.id}/deposit`, { amountCents }, { ...auth, "If-Match": `"${version}"` });
    const high = await expectProblem(await pay(60_001, lamp.version), 400, "validation_failed");
    expect(high.detail).toContain("at most 60000 cents more (600.00 EUR)");
    const paid = await ok<{ version: number }>(await pay(30_000, lamp.version));
    expect(paid.version).toBe(await partsVersion(t.api, parts)); // the payment's answer is the next If-Match
    // A new order is the new currency's, under the new threshold: 60,000 yen is below 80,000.
    const disc = await ok<{ order: { currency: string; depositRequiredCents: number } }>(
      await orderPart(t.api, parts, { description: "Brake disc", priceCents: 60_000, specialOrder: true }),
      201,
    );
    expect(disc.order).toMatchObject({ currency: "JPY", depositRequiredCents: 0 });
    const list = await ok<{ parts: Array<{ description: string; currency: string; depositPaidCents: number }> }>(
      await t.api("GET", parts, undefined, auth),
    );
    expect(list.parts.map((p) => [p.description, p.currency, p.depositPaidCents])).toEqual([
      ["Left headlamp unit", "EUR", 30_000],
      ["Brake disc", "JPY", 0],
    ]);
  });

  describe("an order that says the currency its price was typed in", () => {
    const orderIn = async (currency: string | undefined) => {
      const b = await bookAt(t, VISIT, { customer: SILENT() });
      const body = {
        description: "Wiper blades",
        priceCents: 4_500,
        specialOrder: false,
        ...(currency ? { currency } : {}),
      };
      return orderPart(t.api, partsOf(b.id), body);
    };

    it.each([
      { name: "the dealer's currency now", currency: "EUR" },
      { name: "none (API clients that never said it)", currency: undefined },
    ])("is recorded: $name", async ({ currency }) => {
      const res = await ok<{ order: { currency: string; priceCents: number } }>(await orderIn(currency), 201);
      expect(res.order).toMatchObject({ currency: "EUR", priceCents: 4_500 });
    });

    it("is a 400 naming currency, with the dealer's, and records nothing when the dealer changed it since (a board loaded before)", async () => {
      await ok(await put(t, { currency: "JPY", depositThresholdCents: 80_000 }));
      const b = await bookAt(t, VISIT, { customer: SILENT() });
      const before = stored(t);
      const body = { description: "Wiper blades", priceCents: 4_500, specialOrder: false, currency: "EUR" };
      const problem = await expectProblem(await orderPart(t.api, partsOf(b.id), body), 400, "validation_failed");
      expect(problem).toMatchObject({ currency: "JPY", errors: [{ path: "currency", in: "body" }] });
      expect(problem.detail).toContain("the dealer's parts currency is JPY, not EUR");
      expect(stored(t)).toEqual(before);
    });

    it("is a 400 naming currency when it is no ISO code", async () => {
      const problem = await expectProblem(await orderIn("euro"), 400, "validation_failed");
      expect(problem).toMatchObject({ errors: [expect.objectContaining({ path: "currency" })] });
    });
  });
});
