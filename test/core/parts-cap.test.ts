import { describe, expect, it } from "vitest";
import { minorDigits } from "../../src/core/parts.js";
import { partsMaxCents, unitsPerEuroMagnitude } from "../../src/core/parts-cap.js";

// The price cap per currency (core/parts-cap.ts): about €1,000,000 worth as a power of ten
// of the currency's own units, in its minor units. Where it was 100,000,000 minor units for
// every currency: ~€3,300 of dong, ~€5,300 of rupiah, ~€290,000 of dinars.

describe("the parts price cap", () => {
  it.each([
    // currency, the cap in minor units, roughly in euros (2025 rates)
    ["EUR", 100_000_000, "€1,000,000"],
    ["USD", 100_000_000, "€860,000"],
    ["GBP", 100_000_000, "€1,150,000"],
    ["KWD", 1_000_000_000, "€2,800,000"], // three decimals: fils
    ["SEK", 1_000_000_000, "€910,000"],
    ["INR", 10_000_000_000, "€980,000"],
    ["JPY", 100_000_000, "€570,000"], // no minor unit
    ["KRW", 1_000_000_000, "€610,000"],
    ["IDR", 10_000_000_000, "€530,000"],
    ["VND", 100_000_000_000, "€3,300,000"],
    ["IRR", 1_000_000_000_000, "€830,000 at the market's rate"],
    ["XYZ", 100_000_000, "unknown: as a euro"],
  ])("%s: %i minor units (%s)", (currency, cap) => {
    expect(partsMaxCents(currency)).toBe(cap);
  });

  it("is never lower than the old 100,000,000 minor units (a stored threshold stays valid), and exact, in every currency Intl knows", () => {
    const below = Intl.supportedValuesOf("currency").filter((c) => partsMaxCents(c) < 100_000_000);
    expect(below).toEqual([]);
    const inexact = Intl.supportedValuesOf("currency").filter((c) => !Number.isSafeInteger(partsMaxCents(c) * 2));
    expect(inexact).toEqual([]);
  });

  it("puts every currency without a minor unit among the weak ones (a million of them is worth little)", () => {
    const zero = Intl.supportedValuesOf("currency").filter((c) => minorDigits(c) === 0);
    expect(zero.filter((c) => unitsPerEuroMagnitude(c) < 2)).toEqual([]);
  });
});
