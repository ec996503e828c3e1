// The parts rules of the after-sales standard (domain.md, "Time rules around the
// appointment"): an expensive special-order part may need a deposit of at least half its
// price. Pure: integer amounts in, decisions out. "Expensive" is the dealer's threshold
// (DealerConfig.parts.depositThresholdCents); at the threshold the rule already applies.
//
// Every amount is an integer count of the currency's MINOR unit: cents for EUR, yen for
// JPY (no minor unit), fils for KWD (a thousandth). The API's fields keep the name
// `…Cents` (the contract's), but are read with the currency's own digits (minorDigits),
// here for the server's messages and problems as in the advisors' page for its fields.

/**
 * How many decimals the currency's amounts have: its minor unit (EUR 2, JPY 0, KWD 3), as
 * Intl knows it (the browser's page asks its own Intl the same: one rule, both sides). A
 * code Intl does not know is taken as 2.
 */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

// The most a price (so a deposit) may be is per currency: core/parts-cap.ts partsMaxCents.

/** The least deposit the rule requires: half the price, rounded UP to the minor unit; 0 when none is required. */
export function minimumDepositCents(priceCents: number, specialOrder: boolean, thresholdCents: number): number {
  return specialOrder && priceCents >= thresholdCents ? Math.ceil(priceCents / 2) : 0;
}

export type DepositDecision =
  | { ok: true; requiredCents: number }
  | { ok: false; problem: "below_minimum"; limitCents: number }
  | { ok: false; problem: "above_price"; limitCents: number };

/**
 * The deposit an order asks for. Unsaid: the rule's minimum (0 when none is required).
 * Staff may ask more (a deposit on any order, up to its price), never less than the
 * minimum. Trap: "half" of an odd number of minor units rounds up, so 12,345 asks 6,173.
 */
export function decideDeposit(
  priceCents: number,
  specialOrder: boolean,
  thresholdCents: number,
  askedCents?: number,
): DepositDecision {
  const minimum = minimumDepositCents(priceCents, specialOrder, thresholdCents);
  if (askedCents === undefined) return { ok: true, requiredCents: minimum };
  if (askedCents < minimum) return { ok: false, problem: "below_minimum", limitCents: minimum };
  if (askedCents > priceCents) return { ok: false, problem: "above_price", limitCents: priceCents };
  return { ok: true, requiredCents: askedCents };
}

/** The most a further payment may be: the deposits paid never exceed the part's price. */
export const maxPaymentCents = (priceCents: number, paidCents: number): number => Math.max(0, priceCents - paidCents);

/** What is still owed of the deposit asked (never negative: paying more than asked is allowed, up to the price). */
export const depositDueCents = (requiredCents: number, paidCents: number): number =>
  Math.max(0, requiredCents - paidCents);

/**
 * Whether nothing is left to call a customer about on this order of a cancelled visit: it
 * is cancelled and no deposit was paid on it. Still on order, the customer rebooks or the
 * order is cancelled; arrived, it is on the shelf for them; cancelled with a deposit paid,
 * the refund is still to be agreed, and Pitlane does not track refunds (the till does), so
 * only the desk can say when that call is done.
 */
export const partSettled = (o: { status: string; depositPaidCents: number }): boolean =>
  o.status === "cancelled" && o.depositPaidCents === 0;

/**
 * An amount for messages and problems, with its code, in the currency's digits: 123450 →
 * "1234.50 EUR", 123450 JPY → "123450 JPY", 123450 KWD → "123.450 KWD" (no grouping: the
 * same in both languages' messages). Trap: a fixed two decimals said ¥1,234.50 of ¥123,450.
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const unit = 10 ** digits;
  const whole = Math.trunc(minor / unit);
  const rest = digits > 0 ? `.${String(Math.abs(minor) % unit).padStart(digits, "0")}` : "";
  return `${whole}${rest} ${currency}`;
}

/** What the API's `…Cents` amounts count in this currency, for the words of a problem: "cents" or "minor units". */
export const minorUnitWords = (currency: string): string => (minorDigits(currency) === 2 ? "cents" : "minor units");
