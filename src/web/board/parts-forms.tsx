import { useLayoutEffect, useRef, useState } from "preact/hooks";
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

/**
 * "Cancel order" for a part still on order, confirmed in the page (no browser prompt): the
 * press opens a question in the part's row, naming the part and, when one was paid, the
 * deposit to refund at the desk (Pitlane does not track refunds). The focus goes to "Keep
 * the order", the harmless answer (a held Enter cannot cancel by itself); "Keep", or
 * Escape inside the question, closes it and gives the focus back to "Cancel order". The
 * yes is `onCancel`, which the dialog runs like the other parts buttons (one call at a
 * time; a refusal is said in words and the focus stays on the button pressed).
 */
export function CancelPart({
  part,
  busy,
  onCancel,
}: {
  part: { id: string; description: string; depositPaid: string | null };
  busy: boolean;
  onCancel: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // As the question is drawn, not a frame later: a key pressed meanwhile must not land on <body>.
  useLayoutEffect(() => {
    if (asking) keep.current?.focus();
    else if (asked.current) opener.current?.focus();
    asked.current = asking;
  }, [asking]);
  const deposit = `cancel-deposit-${part.id}`;
  if (!asking)
    return (
      <button
        ref={opener}
        type="button"
        class="danger"
        aria-label={pt("cancelOrderFor", { part: part.description })}
        onClick={() => setAsking(true)}
      >
        {pt("cancelOrder")}
      </button>
    );
  const said = part.depositPaid ? deposit : undefined;
  return (
    <fieldset
      data-confirm="cancel-part"
      onKeyDown={(e) => {
        // Escape takes back the question only, not the whole dialog.
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        setAsking(false);
      }}
    >
      <legend>{pt("cancelAsk", { part: part.description })}</legend>
      {part.depositPaid && (
        <p id={deposit} class="notice">
          {pt("cancelDeposit", { amount: part.depositPaid })}
        </p>
      )}
      <button ref={keep} type="button" aria-describedby={said} onClick={() => setAsking(false)}>
        {pt("cancelKeep")}
      </button>{" "}
      <button type="button" class="danger" aria-describedby={said} aria-disabled={busy} onClick={onCancel}>
        {pt("cancelYes")}
      </button>
    </fieldset>
  );
}
