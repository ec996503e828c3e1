import { lang } from "./i18n.js";
import { type PartsRow, partsRows } from "./parts.js";
import { pt } from "./parts-words.js";
import { CancelPart } from "./cancel-part.js";
import type { Outcome } from "./parts-fields.js";
import { PayDepositForm } from "./parts-forms.js";
import type { PartsOrder } from "./types.js";

// The appointment's parts orders in its dialog: description, state, price, and the
// deposit (asked, paid, still due; on a cancelled order, the deposit paid to refund at the
// desk, which Pitlane does not track), and a "Part arrived" and a "Cancel order" button (confirmed in the row) per part still
// on order. Each button's accessible name carries the part (two parts, two distinct
// names); the visible text stays short.

interface Props {
  parts: readonly PartsOrder[];
  busy: boolean;
  /** Each form submission: the dialog clears the last refusal. */
  onTry: () => void;
  onArrived: (part: { id: string; description: string }) => void;
  /** A deposit payment for a part whose deposit is still due. */
  onPay: (part: { id: string; description: string }, amountCents: number) => Promise<Outcome>;
  /** The order cancelled, once the advisor confirmed it (`depositPaid`: what to refund at the desk). */
  onCancel: (part: { id: string; description: string; depositPaid: string | null }) => void;
}

/** "€1,200.00 · deposit €600.00, paid €200.00, due €400.00"; cancelled: "€1,200.00 · deposit paid €200.00 — to refund at the desk". */
function moneyLine(p: PartsRow): string {
  if (p.toRefund && p.depositPaid) return `${p.price} · ${pt("depositToRefund", { amount: p.depositPaid })}`;
  if (p.status === "cancelled" || !(p.deposit || p.depositPaid)) return p.price;
  const deposit = [
    p.deposit && pt("depositAsked", { amount: p.deposit }),
    p.depositPaid && pt("depositPaidSoFar", { amount: p.depositPaid }),
    p.depositDue && pt("depositStillDue", { amount: p.depositDue }),
  ].filter(Boolean);
  return `${p.price} · ${deposit.join(", ")}`;
}

export function PartsList({ parts, busy, onTry, onArrived, onPay, onCancel }: Props) {
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="parts-title" data-panel="parts">
      <h3 id="parts-title">{pt("parts")}</h3>
      <ul>
        {partsRows(parts, lang).map((p) => (
          // Focusable by the page only: after an action on it, the row takes the focus, as changed.
          <li key={p.id} data-part={p.id} tabIndex={-1}>
            <span>
              {p.description} · {pt(`part_${p.status}`)} · {moneyLine(p)}
            </span>{" "}
            {p.canArrive && (
              <button
                type="button"
                aria-label={pt("partArrivedFor", { part: p.description })}
                aria-disabled={busy}
                onClick={() => onArrived(p)}
              >
                {pt("partArrived")}
              </button>
            )}
            {p.canCancel && <CancelPart part={p} busy={busy} onCancel={() => onCancel(p)} />}
            {p.canPay && <PayDepositForm part={p} busy={busy} onTry={onTry} onPay={(cents) => onPay(p, cents)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
