import { PARTS_MAX_CENTS } from "../../core/parts.js";
import { Field } from "./fields.js";
import { lang } from "./i18n.js";
import { centsOf, currencyWords, money } from "./parts.js";
import { pt } from "./parts-words.js";

// What the parts forms (parts-forms.tsx) share: a field that says its own error, the
// amount typed read as cents or as why it cannot be sent, and what a call's answer means
// to a form (done, or refused at one of its fields). Amounts and their words are in the
// order's currency (a new order's: the dealer's), as Intl names it in the reader's language.

type FieldProps = Parameters<typeof Field>[0];

/** A field with its error said under it and tied to it (aria-describedby, aria-invalid). */
export function SaidField({ error, errorId, ...field }: FieldProps & { error?: string; errorId: string }) {
  return (
    <>
      <Field {...field} aria-invalid={error ? "true" : undefined} aria-describedby={error ? errorId : undefined} />
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * A form's field as typed, read from the field itself: Enter pressed right after typing can
 * submit before the typed text has reached the component's state.
 */
export const inputOf = (form: HTMLFormElement, name: string) =>
  form.querySelector<HTMLInputElement>(`input[name="${name}"]`);

/** What a call's answer means to its form: done, or refused (with the sentence for a field, when it is one field's). */
export type Outcome = { ok: true } | { ok: false; atField?: string };

/** A price above the API's cap (PARTS_MAX_CENTS, in cents of `currency`), said before sending, and after a 400 naming the price. */
export const priceAbove = (currency: string) => pt("priceAbove", { amount: money(PARTS_MAX_CENTS, currency, lang) });

/**
 * A deposit payment above the same cap: the API's schema refuses it before the price's own
 * limit is looked at, so without this the advisor heard only "not valid".
 */
export const depositAbove = (currency: string) =>
  pt("depositAbove", { amount: money(PARTS_MAX_CENTS, currency, lang) });

/** The amount field's words in `currency`: "Price in British pounds", "Deposit received (£)". */
export const amountWords = (key: "price" | "amount" | "badAmount", currency: string) => {
  const { name, symbol } = currencyWords(currency, lang);
  return pt(key, { currency: name, symbol });
};

/** An amount typed in `currency`, in cents (its sign or code may stand beside it); or why it cannot be sent. */
export function amountIn(
  text: string,
  zero: "zeroPrice" | "zeroAmount",
  currency: string,
): { cents: number } | { error: string } {
  // Only this currency's signs: "€ 120" typed for a part priced in pounds is not 120 pounds.
  const cents = centsOf(text, [currencyWords(currency, lang).symbol, currency]);
  if (cents === null) return { error: amountWords("badAmount", currency) };
  if (cents < 1) return { error: pt(zero) };
  // A deposit is usually capped lower, by the price less what was paid (the server's
  // `atMost`), but only the cap is known here, and the schema checks it first.
  if (cents > PARTS_MAX_CENTS) return { error: zero === "zeroPrice" ? priceAbove(currency) : depositAbove(currency) };
  return { cents };
}
