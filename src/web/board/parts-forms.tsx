import { useState } from "preact/hooks";
import { Field } from "./fields.js";
import { centsOf } from "./parts.js";
import { pt } from "./parts-words.js";

// The appointment dialog's parts forms: order a part, and record a deposit payment for a
// part whose deposit is still due. The server decides the deposit rule and answers any
// refusal in words (the dialog shows it); here only an amount that is not a number is
// stopped, said at its field, which takes the focus.

interface AmountError {
  field: "price" | "amount";
  text: string;
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} class="error" role="alert">
      {text}
    </p>
  );
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
  const [err, setErr] = useState<AmountError | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const priceCents = centsOf(price);
    if (priceCents === null || priceCents < 1) {
      setErr({ field: "price", text: pt("badAmount") });
      (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[name="price"]')?.focus();
      return;
    }
    setErr(null);
    // On success the dialog closes with a notice; on a refusal the form keeps what was typed.
    onOrder({ description: description.trim(), priceCents, specialOrder: special });
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
      <Field
        label={pt("price")}
        name="price"
        inputMode="decimal"
        required
        value={price}
        onValue={setPrice}
        aria-invalid={err?.field === "price" ? "true" : undefined}
        aria-describedby={err?.field === "price" ? "order-price-error" : undefined}
      />
      {err?.field === "price" && <FieldError id="order-price-error" text={err.text} />}
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
  const [err, setErr] = useState<AmountError | null>(null);
  const errorId = `pay-error-${part.id}`;
  const submit = (e: Event) => {
    e.preventDefault();
    const cents = centsOf(amount);
    if (cents === null || cents < 1) {
      setErr({ field: "amount", text: pt("badAmount") });
      (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[name="amount"]')?.focus();
      return;
    }
    setErr(null);
    onPay(cents);
  };
  return (
    <form onSubmit={submit} data-form="pay-deposit" aria-label={pt("payTitle", { part: part.description })}>
      <Field
        label={pt("amount")}
        name="amount"
        inputMode="decimal"
        required
        value={amount}
        onValue={setAmount}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={err ? errorId : undefined}
      />
      {err && <FieldError id={errorId} text={err.text} />}
      <button type="submit" aria-disabled={busy}>
        {pt("pay")}
      </button>
    </form>
  );
}
