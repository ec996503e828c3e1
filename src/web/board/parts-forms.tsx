import { useState } from "preact/hooks";
import { SaidField } from "./fields.js";
import { amountIn, amountMode, amountWords, inputOf, type Outcome } from "./parts-fields.js";
import { pt } from "./parts-words.js";

// The appointment dialog's parts forms: order a part, and record a deposit payment for a
// part whose deposit is still due. What the page can tell by itself (no part's name, an
// amount that is not a plain number, is zero, or is above the API's cap) is said at its
// field, which takes the focus; so are the server's deposit limit (a payment above what
// remains of the price) and its cap on a price or a payment. Any other refusal the dialog says. No
// `required`: the browser's popup is not the page's words, and it vanishes. A field's
// error goes when that field changes. A form sent is emptied: the dialog stays open after
// it (parts-actions.ts), for the next part or payment.

export function OrderPartForm({
  currency,
  busy,
  onTry,
  onOrder,
}: {
  /** The dealer's currency (ISO 4217): the price's. */
  currency: string;
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
    const priced = amountIn(amount?.value ?? "", "zeroPrice", currency);
    const said = {
      description: part ? undefined : pt("noDescription"),
      price: "error" in priced ? priced.error : undefined,
    };
    setErrors(said);
    if (said.description) return name?.focus();
    if ("error" in priced) return amount?.focus();
    // Done: the dialog stays open and the form is emptied, its first field focused, for the
    // next part. Refused: the form keeps what was typed.
    const sent = await onOrder({ description: part, priceCents: priced.cents, specialOrder: special });
    if (sent.ok) {
      setDescription("");
      setPrice("");
      setSpecial(false);
      return name?.focus();
    }
    if (!sent.atField) return;
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
        label={amountWords("price", currency)}
        name="amount"
        inputMode={amountMode(currency)}
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
  part: { id: string; description: string; currency: string };
  busy: boolean;
  onTry: () => void;
  /** The payment sent; a refusal of its amount (the server's limit) comes back as the sentence for its field. */
  onPay: (amountCents: number) => Promise<Outcome>;
}) {
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    onTry();
    const field = inputOf(e.currentTarget as HTMLFormElement, "amount");
    const typed = amountIn(field?.value ?? "", "zeroAmount", part.currency);
    const sent: Outcome = "error" in typed ? { ok: false, atField: typed.error } : await onPay(typed.cents);
    // Done: emptied (a part paid in two goes has its form still there); the dialog moves the focus to the row.
    if (sent.ok) setAmount("");
    const said = sent.ok ? undefined : sent.atField;
    setError(said);
    if (said) field?.focus();
  };
  return (
    <form onSubmit={submit} data-form="pay-deposit" aria-label={pt("payTitle", { part: part.description })}>
      <SaidField
        label={amountWords("amount", part.currency)}
        name="amount"
        inputMode={amountMode(part.currency)}
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
