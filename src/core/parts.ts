// The parts rules of the after-sales standard (domain.md, "Time rules around the
// appointment"): an expensive special-order part may need a deposit of at least half its
// price. Pure: integer cents in, decisions out. "Expensive" is the dealer's threshold
// (DealerConfig.parts.depositThresholdCents); at the threshold the rule already applies.

/**
 * The most any parts amount may be (a price, a deposit): €1,000,000.00 in cents. Defined
 * once: the API's schema (scheduler/parts/contracts.ts) refuses above it, and the advisors'
 * page says so at the price's or the payment's field before sending.
 */
export const PARTS_MAX_CENTS = 100_000_000;

/** The least deposit the rule requires: half the price, rounded UP to the cent; 0 when none is required. */
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
 * minimum. Trap: "half" of an odd number of cents rounds up, so 12,345 asks 6,173.
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

/** "1,234.50 EUR"-free form for messages and problems: 123450 → "1234.50". */
export const formatCents = (cents: number): string =>
  `${Math.trunc(cents / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
