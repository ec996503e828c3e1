import { describe, expect, it } from "vitest";
import { week } from "../support/http.js";
import { orderPart, partsOf } from "../support/parts.js";
import { auth, bookAt, DEALER, journeyPerTest, type JourneyApp, ok, SILENT } from "../support/journey.js";

// Parts priced in a currency whose minor unit is not the cent: the API's `…Cents` amounts are
// minor units of the dealer's parts currency (yen of JPY, which has none; fils of KWD and
// BHD, thousandths), and every amount the server words — its problems, the desk's call when a
// part arrives for a customer it cannot message, the task when the visit is cancelled — is
// written in that currency's own digits. With two decimals fixed, 12,345 yen read
// "123.45 JPY" and 12.345 KWD "123.45 KWD". The real app over a real SQLite file.

const VISIT = "2026-11-26T10:00:00+01:00"; // a Thursday, booked from Monday 23 November

interface Change {
  version: number;
  order: { id: string; currency: string; depositRequiredCents: number; depositDueCents: number };
}
interface Problem {
  code: string;
  detail: string;
  minimumCents?: number;
  maxCents?: number;
}

const staffText = (t: JourneyApp, kind: string) =>
  JSON.parse(t.rows<{ body_json: string }>("SELECT body_json FROM outbox WHERE kind = ?", kind)[0].body_json)
    .text as string;

describe.each([
  // price 12,345 of the minor unit: the least deposit 6,173 (half, rounded up); 4,000 paid, 2,173 due, at most 8,345 more.
  {
    currency: "EUR",
    units: "cents",
    price: "123.45 EUR",
    least: "61.73 EUR",
    most: "83.45 EUR",
    due: "21.73 EUR",
    paid: "40.00 EUR",
  },
  {
    currency: "JPY",
    units: "minor units",
    price: "12345 JPY",
    least: "6173 JPY",
    most: "8345 JPY",
    due: "2173 JPY",
    paid: "4000 JPY",
  },
  {
    currency: "KWD",
    units: "minor units",
    price: "12.345 KWD",
    least: "6.173 KWD",
    most: "8.345 KWD",
    due: "2.173 KWD",
    paid: "4.000 KWD",
  },
  {
    currency: "BHD",
    units: "minor units",
    price: "12.345 BHD",
    least: "6.173 BHD",
    most: "8.345 BHD",
    due: "2.173 BHD",
    paid: "4.000 BHD",
  },
])("parts priced in $currency", (c) => {
  const t = journeyPerTest({
    dealer: () => ({
      openingHours: week([["08:00", "18:00"]], ["mon", "tue", "wed", "thu", "fri"]),
      parts: { currency: c.currency, depositThresholdCents: 10_000 },
    }),
  });

  it(`says amounts in ${c.currency}'s own digits: problems, the arrival's call, the cancelled visit's task`, async () => {
    const b = await bookAt(t, VISIT, { customer: SILENT() });
    const lamp = { description: "Left headlamp unit", priceCents: 12_345, specialOrder: true };
    const low = await ok<Problem>(await orderPart(t.api, partsOf(b.id), { ...lamp, depositCents: 1 }), 400);
    expect(low.minimumCents).toBe(6_173);
    expect(low.detail).toContain(
      `a special-order part of ${c.price} needs a deposit of at least 6173 ${c.units} (${c.least}, half`,
    );

    const made = await ok<Change>(await orderPart(t.api, partsOf(b.id), lamp), 201);
    expect(made.order).toMatchObject({ currency: c.currency, depositRequiredCents: 6_173, depositDueCents: 6_173 });
    const pay = (amountCents: number, version: number) =>
      t.api(
        "POST",
        `${partsOf(b.id)}/${made.order.id}/deposit`,
        { amountCents },
        { ...auth, "If-Match": `"${version}"` },
      );
    const paid = await ok<Change>(await pay(4_000, made.version));
    const high = await ok<Problem>(await pay(8_346, paid.version), 400);
    expect(high.maxCents).toBe(8_345);
    expect(high.detail).toContain(`at most 8345 ${c.units} more (${c.most})`);

    // The customer cannot be messaged: the desk calls, and is told what is still due.
    t.at("2026-11-24T10:00:00Z");
    await ok(await t.api("POST", `${partsOf(b.id)}/${made.order.id}/arrive`, {}, auth));
    expect(staffText(t, "parts_arrived_call")).toContain(`Deposit still due: ${c.due}.`);

    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/cancel`, {}, auth));
    expect(staffText(t, "parts_on_cancelled")).toContain(
      `Left headlamp unit (arrived, on the shelf, deposit paid ${c.paid})`,
    );
  });
});
