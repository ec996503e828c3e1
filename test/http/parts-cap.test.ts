import { describe, expect, it } from "vitest";
import { type Api, auth, book, booking, expectProblem, putDealer, romeDealer, useRealServer } from "../support/http.js";
import { orderPart, partsOf } from "../support/parts.js";

// The price cap per currency (core/parts-cap.ts): about €1,000,000 worth, as a power of ten
// of the currency's own units, where it was 100,000,000 minor units for all: ~€3,300 of
// dong, ~€5,300 of rupiah, 100,000.000 KWD (~€290,000). At the cap a part is ordered; one
// minor unit more is a 400 naming priceCents and the cap (maxCents), in the currency's
// words; a dear but real part (~€300,000, a powertrain) fits in every currency; and the
// dealer's deposit threshold goes up to the same cap. The real server over a real SQLite file.

const real = useRealServer();
const VISIT = "2026-11-25T10:00"; // a Wednesday; the server's clock is Monday 23 November

interface Problem {
  code: string;
  detail: string;
  maxCents?: number;
  errors: Array<{ path: string }>;
}

let seq = 0;
/** A fresh dealer priced in `currency` (threshold as given), with one booking: its parts URL. */
async function bookedIn(api: Api, currency: string, depositThresholdCents?: number) {
  const id = `cap-${currency.toLowerCase()}-${++seq}`;
  await putDealer(api, id, romeDealer({ parts: { currency, depositThresholdCents } }));
  const b = await book(api, id, booking({ start: VISIT, advisorId: "anna" }), auth);
  return partsOf(b.id, id);
}

describe.each([
  // cap: minor units; said: as the server's problems write it; dear: ~€300,000 in minor units
  { currency: "EUR", cap: 100_000_000, said: "1000000.00 EUR", units: "cents", dear: 30_000_000 },
  { currency: "JPY", cap: 100_000_000, said: "100000000 JPY", units: "minor units", dear: 52_500_000 },
  { currency: "KWD", cap: 1_000_000_000, said: "1000000.000 KWD", units: "minor units", dear: 106_500_000 },
  { currency: "VND", cap: 100_000_000_000, said: "100000000000 VND", units: "minor units", dear: 9_150_000_000 },
  { currency: "IDR", cap: 10_000_000_000, said: "10000000000 IDR", units: "minor units", dear: 5_700_000_000 },
  { currency: "IRR", cap: 1_000_000_000_000, said: "1000000000000 IRR", units: "minor units", dear: 360_000_000_000 },
])("parts priced in $currency: the cap is $said", (c) => {
  const order = (parts: string, priceCents: number) =>
    orderPart(real.http, parts, { description: "Engine assembly", priceCents, specialOrder: false });

  it("orders a part priced at the cap; one minor unit more is a 400 naming priceCents and the cap, and stores nothing", async () => {
    const parts = await bookedIn(real.http, c.currency);
    const above = await expectProblem(await order(parts, c.cap + 1), 400, "validation_failed");
    expect(above).toMatchObject({ maxCents: c.cap, errors: [{ path: "priceCents" }] });
    expect((above as unknown as Problem).detail).toBe(
      `priceCents: a part is priced at most ${c.cap} ${c.units} (${c.said})`,
    );
    const made = await order(parts, c.cap);
    expect(made.status, await made.clone().text()).toBe(201);
    const list = (await (await real.http("GET", parts, undefined, auth)).json()) as {
      parts: Array<{ priceCents: number; currency: string }>;
    };
    expect(list.parts.map((p) => [p.priceCents, p.currency])).toEqual([[c.cap, c.currency]]);
  });

  it("orders a dear but real part, about €300,000 in the currency", async () => {
    const parts = await bookedIn(real.http, c.currency);
    const res = await order(parts, c.dear);
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it("takes a deposit threshold up to the cap; above it, a 400 naming parts.depositThresholdCents", async () => {
    await bookedIn(real.http, c.currency, c.cap);
    const id = `cap-threshold-${c.currency.toLowerCase()}`;
    const res = await real.http(
      "PUT",
      `/v1/dealers/${id}`,
      romeDealer({ parts: { currency: c.currency, depositThresholdCents: c.cap + 1 } }),
      auth,
    );
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem).toMatchObject({ errors: [{ path: "parts.depositThresholdCents" }] });
    expect((await real.http("GET", `/v1/dealers/${id}`)).status).toBe(404);
  });
});
