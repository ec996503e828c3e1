import { decideDeposit, formatMoney, maxPaymentCents, minorUnitWords } from "../../core/parts.js";
import { partsMaxCents } from "../../core/parts-cap.js";
import { DomainError } from "../errors.js";
import type { PartsOrderRequest } from "./contracts.js";

// The amounts a parts write accepts: an order's price and deposit in the dealer's parts
// currency, and a deposit payment up to the price. The deposit rule is core/parts.ts: a
// refused amount is a 400 naming the field and the limit, in the currency's own words.

const refuse = (field: string, message: string, limit: Record<string, number | string>) =>
  new DomainError("validation_failed", `${field}: ${message}`, {
    errors: [{ path: field, message, in: "body" }],
    ...limit,
  });

/** The deposit a new order asks (in minor units of `parts.currency`), or the refusal of its amounts. */
export function orderDeposit(
  body: PartsOrderRequest,
  parts: { currency: string; depositThresholdCents: number },
): number {
  const { depositThresholdCents, currency } = parts;
  // Typed in another currency (a board loaded before the dealer changed it): the number
  // would mean another amount here, so nothing is recorded.
  if (body.currency !== undefined && body.currency !== currency)
    throw refuse(
      "currency",
      `the dealer's parts currency is ${currency}, not ${body.currency}: give the price in ${currency}`,
      { currency },
    );
  // The currency's cap (about €1,000,000 worth): the schema knows no currency.
  const cap = partsMaxCents(currency);
  if (body.priceCents > cap)
    throw refuse(
      "priceCents",
      `a part is priced at most ${cap} ${minorUnitWords(currency)} (${formatMoney(cap, currency)})`,
      { maxCents: cap },
    );
  const d = decideDeposit(body.priceCents, body.specialOrder, depositThresholdCents, body.depositCents);
  if (!d.ok && d.problem === "below_minimum")
    throw refuse(
      "depositCents",
      `a special-order part of ${formatMoney(body.priceCents, currency)} needs a deposit of at least ${d.limitCents} ${minorUnitWords(currency)} (${formatMoney(d.limitCents, currency)}, half the price rounded up)`,
      { minimumCents: d.limitCents },
    );
  if (!d.ok)
    throw refuse(
      "depositCents",
      `a deposit is at most the price, ${d.limitCents} ${minorUnitWords(currency)} (${formatMoney(d.limitCents, currency)})`,
      { maxCents: d.limitCents },
    );
  return d.requiredCents;
}

/** Refuses a deposit payment that would take the deposits paid on order `o` past its price. */
export function checkPayment(
  o: { priceCents: number; depositPaidCents: number; currency: string },
  amountCents: number,
): void {
  const max = maxPaymentCents(o.priceCents, o.depositPaidCents);
  if (amountCents > max)
    throw refuse(
      "amountCents",
      `the deposits paid never exceed the price: at most ${max} ${minorUnitWords(o.currency)} more (${formatMoney(max, o.currency)})`,
      { maxCents: max },
    );
}
