import { minorDigits } from "./parts.js";

// The most a part may be priced at (and so a deposit, which never exceeds the price), per
// currency. A cap is a sanity bound: a pasted phone number or a price typed with its
// decimals twice is refused, while any real part, up to a whole powertrain, fits.
//
// The rule: about ONE MILLION EUROS' WORTH, as a power of ten of the currency's own units.
// cap = 10^(6 + m) major units, where m is the currency's order of magnitude of units per
// euro (log10, rounded; within 10% of the half-way point, or for a currency losing value,
// the larger), from the table below; every other currency is worth about a euro or more
// (USD, GBP, CHF, KWD, AUD…) and has m = 0: 1,000,000 of it. So €1,000,000.00,
// ¥100,000,000 (m = 2), 1,000,000.000 KWD, Rp 10,000,000,000 (m = 4; ~19,000 per euro),
// ₫100,000,000,000 (m = 5; ~30,500 per euro, just under the half-way 31,623).
//
// Traps, and why not something simpler:
// - A fixed count of minor units (the old 100,000,000 for all) scales with the currency's
//   decimals, not its worth: VND and IDR have none in Intl, yet 1 EUR is ~30,000 ₫, so the
//   old cap was ~€3,500 there, and 100,000.000 KWD only ~€290,000.
// - The same cap in major units for every currency fails the same way (1,000,000 ₫ is €33).
// - One cap large enough for the weakest currency (IRR) is €10,000,000,000 in EUR: it
//   catches nothing.
// - Exchange rates drift; the table keeps orders of magnitude only, so an entry a step off
//   (a rate that moved tenfold) still leaves a cap between €100,000 and €10,000,000 worth.
//   Re-check an entry when a currency is redenominated or loses a factor of ten.
// - Never lower than the old 100,000,000 minor units for any currency (every currency
//   without decimals is in the table with m ≥ 2): a stored threshold or price stays valid.
// - The largest cap (IRR, 10^12; ZWL, 10^13 cents) is far below Number.MAX_SAFE_INTEGER
//   (9.007e15) and SQLite's 64-bit INTEGER: prices, deposits and sums stay exact.
// Shared by the API (scheduler/parts/orders.ts, the dealer's threshold in
// core/dealer-config/parts.ts) and the advisors' page (its field's check and sentence):
// one rule.

/** Units of the currency per euro, as a power of ten (approximate rates of 2025). */
const MAGNITUDES: ReadonlyArray<readonly [number, string]> = [
  // 3–30 per euro: CNY ~8, SEK ~11, ZAR ~20, CZK ~24, MXN ~21
  [
    1,
    "AED BOB BRL BWP BYN CNY CZK DKK ERN GEL GHS GTQ HKD HRK ILS LSL LYD MAD MDL MOP MVR MXN MYR NAD NOK PEN PGK PLN QAR RON SAR SBD SCR SEK SLE STN SVC SZL TJS TMT TND TTD WST XCD ZAR ZMW",
  ],
  // 30–300 per euro: JPY ~175, INR ~100, TRY ~49, THB ~38, ISK ~145
  [
    2,
    "AFN ALL BDT BTN CVE DJF DOP DZD EGP ETB GMD GYD HNL HTG INR ISK JMD JPY KES KGS LRD MKD MRU MUR MZN NIO NPR PHP RSD RUB SRD THB TRY TWD UAH UYU VUV XPF ZWG",
  ],
  // 300–3,000 per euro: KRW ~1,650, HUF ~390, CLP ~1,090, NGN ~1,700, XOF 656
  [3, "AMD AOA ARS CLP CRC CUP HUF IQD KMF KPW KRW KZT LKR MWK NGN PKR RWF SDG SOS VED VES XAF XOF YER"],
  // 3,000–30,000 per euro: IDR ~19,000, COP ~4,500, UZS ~14,000, TZS ~2,850
  [4, "BIF CDF COP GNF IDR KHR LAK MGA MMK MNT PYG SLL SSP SYP TZS UGX UZS"],
  // 30,000–300,000 per euro: VND ~30,500, LBP ~104,000; ZWL (withdrawn) ~75,000
  [5, "LBP VND ZWL"],
  // IRR: ~49,000 at the official rate, above 1,000,000 at the market's, which prices follow
  [6, "IRR"],
];

const MAGNITUDE = new Map(MAGNITUDES.flatMap(([m, codes]) => codes.split(" ").map((c) => [c, m] as const)));

/** The currency's order of magnitude of units per euro: 0 for one worth about a euro or more, or unknown. */
export const unitsPerEuroMagnitude = (currency: string): number => MAGNITUDE.get(currency) ?? 0;

/**
 * The most a part's price may be in `currency`, in its minor units (a deposit asked or paid
 * never exceeds the price): 1,000,000 euros' worth to a power of ten. €1,000,000.00 is
 * 100,000,000 cents; ¥100,000,000; 1,000,000.000 KWD is 1,000,000,000 fils;
 * Rp 10,000,000,000 and ₫100,000,000,000 (no minor unit in Intl).
 */
export function partsMaxCents(currency: string): number {
  return 10 ** (6 + unitsPerEuroMagnitude(currency) + minorDigits(currency));
}

/**
 * The bound the API's schemas put on any amount, whatever the currency: a safe integer.
 * The currency's own cap (partsMaxCents) is checked where the currency is known.
 */
export const PARTS_AMOUNT_LIMIT = Number.MAX_SAFE_INTEGER;
