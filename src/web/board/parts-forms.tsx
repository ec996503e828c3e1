import { useState } from "preact/hooks";
import { PARTS_MAX_CENTS } from "../../core/parts.js";
import { Field } from "./fields.js";
import { lang } from "./i18n.js";
import { centsOf, money } from "./parts.js";
import { pt } from "./parts-words.js";

// The appointment dialog's parts forms: order a part, and record a deposit payment for a
// part whose deposit is still due. What the page can tell by itself (no part's name, an
// amount that is not a plain number, is zero, or is above the API's cap) is said at its
// field, which takes the focus; so are the server's deposit limit (a payment above what
// remains of the price) and its price cap.
// Any other refusal the dialog says. No `required`: the browser's popup is not the page's
// words, and it vanishes. A field's error goes when that field changes.

type FieldProps = Parameters<typeof Field>[0];

/** A field with its error said under it and tied to it (aria-describedby, aria-invalid). */
function SaidField({ error, errorId, ...field }: FieldProps & { error?: string; errorId: string }) {
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
const inputOf = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`);

/** What a call's answer means to its form: done, or refused (with the sentence for a field, when it is one field's). */
export type Outcome = { ok: true } | { ok: false; atField?: string };

/** A price above the API's cap (PARTS_MAX_CENTS), said before sending, and after a 400 naming the price. */
export const priceAbove = () => pt("priceAbove", { amount: money(PARTS_MAX_CENTS, "EUR", lang) });

/** An amount typed, in cents; or why it cannot be sent. */
function amountIn(text: string, zero: "zeroPrice" | "zeroAmount"): { cents: number } | { error: string } {
  const cents = centsOf(text);
  if (cents === null) return { error: pt("badAmount") };
  if (cents < 1) return { error: pt(zero) };
  // A price only: a deposit is capped lower, by the price less what was paid (the server's `atMost`).
  return zero === "zeroPrice" && cents > PARTS_MAX_CENTS ? { error: priceAbove() } : { cents };
}

export function OrderPartForm({
  busy,
  onTry,
  onOrder,
}: {
  busy: boolean;
  /** Each submission, before anything is checked: the dialog clears the last refusal. */
  onTry: () => void;
  /** The order sent; a refusal of its price comes back as the sentence for the price's field. */
  onOrder: (body: { description: string; priceCents: number; specialOrder: boolean }) => Promise<Outcome>;
}) {
  const [description, setDescription] = useState("");
  const [price, setPrice] = useState("");
  const [special, setSpecial] = useState(false);
  const [errors, setErrors] = useState<{ description?: string; price?: string }>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    onTry();
    const form = e.currentTarget as HTMLFormElement;
    const name = inputOf(form, "description");
    const amount = inputOf(form, "amount");
    const part = (name?.value ?? "").trim();
    const priced = amountIn(amount?.value ?? "", "zeroPrice");
    const said = {
      description: part ? undefined : pt("noDescription"),
      price: "error" in priced ? priced.error : undefined,
    };
    setErrors(said);
    if (said.description) return name?.focus();
    if ("error" in priced) return amount?.focus();
    // On success the dialog closes with a notice; on a refusal the form keeps what was typed.
    const sent = await onOrder({ description: part, priceCents: priced.cents, specialOrder: special });
    if (sent.ok || !sent.atField) return;
    setErrors({ price: sent.atField });
    amount?.focus();
  };
  return (
    <form onSubmit={submit} data-form="order-part">
      <h3>{pt("orderTitle")}</h3>
      <p class="muted">{pt("orderHelp")}</p>
      <SaidField
        label={pt("description")}
        name="description"
        maxLength={200}
        value={description}
        onValue={(v) => (setDescription(v), setErrors((e) => ({ ...e, description: undefined })))}
        error={errors.description}
        errorId="order-description-error"
      />
      <SaidField
        label={pt("price")}
        name="amount"
        inputMode="decimal"
        value={price}
        onValue={(v) => (setPrice(v), setErrors((e) => ({ ...e, price: undefined })))}
        error={errors.price}
        errorId="order-price-error"
      />
      <label>
        <input type="checkbox" checked={special} onChange={(e) => setSpecial(e.currentTarget.checked)} />{" "}
        {pt("specialOrder")}
      </label>
      <button type="submit" aria-disabled={busy}>
        {pt("order")}
      </button>
    </form>
  );
}

export function PayDepositForm({
  part,
  busy,
  onTry,
  onPay,
}: {
  part: { id: string; description: string };
  busy: boolean;
  onTry: () => void;
  /** The payment sent; resolves to the sentence for its field when the server refused the amount. */
  onPay: (amountCents: number) => Promise<string | null>;
}) {
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    onTry();
    const field = inputOf(e.currentTarget as HTMLFormElement, "amount");
    const typed = amountIn(field?.value ?? "", "zeroAmount");
    const said = "error" in typed ? typed.error : ((await onPay(typed.cents)) ?? undefined);
    setError(said);
    if (said) field?.focus();
  };
  return (
    <form onSubmit={submit} data-form="pay-deposit" aria-label={pt("payTitle", { part: part.description })}>
      <SaidField
        label={pt("amount")}
        name="amount"
        inputMode="decimal"
        value={amount}
        onValue={(v) => (setAmount(v), setError(undefined))}
        error={error}
        errorId={`pay-error-${part.id}`}
      />
      <button type="submit" aria-disabled={busy}>
        {pt("pay")}
      </button>
    </form>
  );
}
