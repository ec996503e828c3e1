import { useState } from "preact/hooks";
import { Field } from "./fields.js";
import { centsOf } from "./parts.js";
import { pt } from "./parts-words.js";

// The appointment dialog's parts forms: order a part, and record a deposit payment for a
// part whose deposit is still due. The server decides the deposit rule and answers any
// refusal in words (the dialog shows it); here only an amount that is not a number is
// stopped, said at its field, which takes the focus.

/** An amount in euros, said wrong under it (`wrong`) while it is not a plain number. */
function AmountField(p: {
  label: string;
  errorId: string;
  value: string;
  onValue: (v: string) => void;
  wrong: boolean;
}) {
  return (
    <>
      <Field
        label={p.label}
        name="amount"
        inputMode="decimal"
        required
        value={p.value}
        onValue={p.onValue}
        aria-invalid={p.wrong ? "true" : undefined}
        aria-describedby={p.wrong ? p.errorId : undefined}
      />
      {p.wrong && (
        <p id={p.errorId} class="error" role="alert">
          {pt("badAmount")}
        </p>
      )}
    </>
  );
}

/**
 * The form's amount in cents; null (said, and its field focused) when it is not a plain
 * number of at least a cent. Read from the field itself: Enter pressed right after typing
 * can submit before the typed text has reached the component's state.
 */
function amountOf(e: Event, setWrong: (wrong: boolean) => void): number | null {
  const input = (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[name="amount"]');
  const cents = centsOf(input?.value ?? "");
  const ok = cents !== null && cents >= 1;
  setWrong(!ok);
  if (!ok) input?.focus();
  return ok ? cents : null;
}

export function OrderPartForm({
  busy,
  onOrder,
}: {
  busy: boolean;
  onOrder: (body: { description: string; priceCents: number; specialOrder: boolean }) => void;
}) {
  const [description, setDescription] = useState("");
  const [price, setPrice] = useState("");
  const [special, setSpecial] = useState(false);
  const [wrong, setWrong] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const priceCents = amountOf(e, setWrong);
    // On success the dialog closes with a notice; on a refusal the form keeps what was typed.
    if (priceCents !== null) onOrder({ description: description.trim(), priceCents, specialOrder: special });
  };
  return (
    <form onSubmit={submit} data-form="order-part">
      <h3>{pt("orderTitle")}</h3>
      <p class="muted">{pt("orderHelp")}</p>
      <Field
        label={pt("description")}
        name="description"
        required
        maxLength={200}
        value={description}
        onValue={setDescription}
      />
      <AmountField label={pt("price")} errorId="order-price-error" value={price} onValue={setPrice} wrong={wrong} />
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
  onPay,
}: {
  part: { id: string; description: string };
  busy: boolean;
  onPay: (amountCents: number) => void;
}) {
  const [amount, setAmount] = useState("");
  const [wrong, setWrong] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const cents = amountOf(e, setWrong);
    if (cents !== null) onPay(cents);
  };
  return (
    <form onSubmit={submit} data-form="pay-deposit" aria-label={pt("payTitle", { part: part.description })}>
      <AmountField
        label={pt("amount")}
        errorId={`pay-error-${part.id}`}
        value={amount}
        onValue={setAmount}
        wrong={wrong}
      />
      <button type="submit" aria-disabled={busy}>
        {pt("pay")}
      </button>
    </form>
  );
}
