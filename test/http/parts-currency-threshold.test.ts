import { describe, expect, it } from "vitest";
import { expectProblem, snapshot } from "../support/http.js";
import { auth, DEALER, journeyDealer, journeyPerTest, type JourneyApp, ok } from "../support/journey.js";

// A parts-currency change that keeps the threshold's number (core/parts-currency.ts). The
// number counts minor units, so the same number in another currency is another amount:
// kept only when the request says so with ?thresholdIn=<the new currency>. The trap it
// closes: a client that keeps the whole configuration (as a PUT answered it), changes the
// currency and PUTs it back sends the old threshold in its body, chosen by nobody. A new
// number needs no such word. The real app over a real SQLite file.

const url = `/v1/dealers/${DEALER}`;
const stored = (t: JourneyApp) => snapshot(t.sqlite);
type Config = Record<string, unknown> & { parts: { currency: string; depositThresholdCents: number } };

describe("a parts-currency change keeping the threshold's number", () => {
  const t = journeyPerTest({ dealer: () => ({ parts: { currency: "EUR", depositThresholdCents: 50_000 } }) });
  /**
   * The configuration as a client keeps it (the normalized one the last PUT answered), sent
   * back with the currency changed and nothing else.
   */
  const readBack = async (currency: string) => {
    const answer = await ok<Config & { version: number; id: string; updatedAt: string }>(
      await t.api("PUT", url, journeyDealer({ parts: { currency: "EUR", depositThresholdCents: 50_000 } }), auth),
    );
    const { version: _v, id: _id, updatedAt: _u, ...config } = answer;
    return { ...config, parts: { ...config.parts, currency } };
  };

  it.each([
    { name: "the whole configuration read back, only the currency changed", query: "" },
    { name: "…and ?thresholdIn naming the old currency", query: "?thresholdIn=EUR" },
  ])("is a 400, and changes nothing: $name", async ({ query }) => {
    const body = await readBack("USD");
    expect(body.parts).toEqual({ currency: "USD", depositThresholdCents: 50_000 });
    const before = stored(t);
    const problem = await expectProblem(await t.api("PUT", url + query, body, auth), 400, "validation_failed");
    expect(problem.errors).toEqual([
      query
        ? { path: "thresholdIn", in: "query", message: expect.stringContaining("the parts currency is USD, not EUR") }
        : {
            path: "parts.depositThresholdCents",
            in: "body",
            message: expect.stringContaining("would be 500.00 USD, kept only with ?thresholdIn=USD"),
          },
    ]);
    expect(stored(t)).toEqual(before);
  });

  it.each([
    { name: "the same number, said in the new currency", query: "?thresholdIn=USD", cents: 50_000 },
    { name: "a new number (no word needed)", query: "", cents: 45_000 },
    { name: "a new number, said in the new currency too", query: "?thresholdIn=USD", cents: 45_000 },
  ])("is stored: $name", async ({ query, cents }) => {
    const body = await readBack("USD");
    const put = await t.api(
      "PUT",
      url + query,
      { ...body, parts: { ...body.parts, depositThresholdCents: cents } },
      auth,
    );
    expect((await ok<Config>(put)).parts).toEqual({ currency: "USD", depositThresholdCents: cents });
  });

  it("with the currency unchanged, ?thresholdIn must still name the dealer's currency", async () => {
    const same = journeyDealer({ parts: { currency: "EUR", depositThresholdCents: 50_000 } });
    await ok(await t.api("PUT", `${url}?thresholdIn=EUR`, same, auth));
    const problem = await expectProblem(
      await t.api("PUT", `${url}?thresholdIn=JPY`, same, auth),
      400,
      "validation_failed",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "thresholdIn", in: "query" })]);
  });
});
