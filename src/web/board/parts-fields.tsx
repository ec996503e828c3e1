import { minorDigits } from "../../core/parts.js";
import { partsMaxCents } from "../../core/parts-cap.js";
import { lang } from "./i18n.js";
import { amountExample, centsOf, currencyMarks, currencyWords, money } from "./money.js";
import { pt } from "./parts-words.js";

// What the parts forms (parts-forms.tsx) share: a field that says its own error, the
// amount typed read as cents or as why it cannot be sent, and what a call's answer means
// to a form (done, or refused at one of its fields). Amounts and their words are in the
// order's currency (a new order's: the dealer's), as Intl names it in the reader's language,
// with its own decimals (none for JPY, three for KWD): the example, the reading of what is
// typed, the caps.

/**
 * A form's field as typed, read from the field itself: Enter pressed right after typing can
 * submit before the typed text has reached the component's state.
 */
export const inputOf = (form: HTMLFormElement, name: string) =>
  form.querySelector<HTMLInputElement>(`input[name="${name}"]`);

/** What a call's answer means to its form: done, or refused (with the sentence for a field, when it is one field's). */
export type Outcome = { ok: true } | { ok: false; atField?: string };

/**
 * A price above the API's cap for `currency` (core/parts-cap.ts partsMaxCents, the server's
 * own rule: about €1,000,000 worth), said before sending, and after a 400 naming the price.
 */
export const priceAbove = (currency: string) =>
  pt("priceAbove", { amount: money(partsMaxCents(currency), currency, lang) });

/**
 * A deposit payment above the same cap: no part is priced above it, so no payment can be;
 * said before sending (the server's answer would be the part's own limit, `atMost`).
 */
export const depositAbove = (currency: string) =>
  pt("depositAbove", { amount: money(partsMaxCents(currency), currency, lang) });

/** The amount field's words in `currency`: "Price in British pounds", "Deposit received (£)". */
export const amountWords = (key: "price" | "amount", currency: string) => {
  const { name, symbol } = currencyWords(currency, lang);
  return pt(key, { currency: name, symbol });
};

/** An amount that cannot be read, with an example in the currency's decimals ("120 or 120.50"; a whole number for JPY). */
export const badAmount = (currency: string) => {
  const { name } = currencyWords(currency, lang);
  const example = amountExample(minorDigits(currency), lang);
  return example === null ? pt("badWhole", { currency: name }) : pt("badAmount", { currency: name, example });
};

/** The keyboard an amount's field asks for: digits alone for a currency without decimals. */
export const amountMode = (currency: string) => (minorDigits(currency) === 0 ? "numeric" : "decimal");

/** An amount typed in `currency`, in its minor units (its sign or code may stand beside it); or why it cannot be sent. */
export function amountIn(
  text: string,
  zero: "zeroPrice" | "zeroAmount",
  currency: string,
): { cents: number } | { error: string } {
  // Only this currency's signs: "€ 120" typed for a part priced in pounds is not 120 pounds.
  const cents = centsOf(text, currencyMarks(currency, lang), minorDigits(currency), lang);
  if (cents === null) return { error: badAmount(currency) };
  if (cents < 1) return { error: pt(zero) };
  // A deposit is usually capped lower, by the price less what was paid (the server's
  // `atMost`), but only the cap is known here, and the schema checks it first.
  if (cents > partsMaxCents(currency))
    return { error: zero === "zeroPrice" ? priceAbove(currency) : depositAbove(currency) };
  return { cents };
}
