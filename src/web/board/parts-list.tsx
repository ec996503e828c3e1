import { lang } from "./i18n.js";
import { partsRows } from "./parts.js";
import { pt } from "./parts-words.js";
import { CancelPart, PayDepositForm } from "./parts-forms.js";
import type { PartsOrder } from "./types.js";

// The appointment's parts orders in its dialog: description, state, deposit still due,
// and a "Parts arrived" and a "Cancel order" button (confirmed in the row) per part still
// on order. Each button's accessible name carries the part (two parts, two distinct
// names); the visible text stays short.

interface Props {
  parts: readonly PartsOrder[];
  busy: boolean;
  onArrived: (part: { id: string; description: string }) => void;
  /** A deposit payment for a part whose deposit is still due. */
  onPay: (part: { id: string; description: string }, amountCents: number) => void;
  /** The order cancelled, once the advisor confirmed it (`depositPaid`: what to refund at the desk). */
  onCancel: (part: { id: string; description: string; depositPaid: string | null }) => void;
}

export function PartsList({ parts, busy, onArrived, onPay, onCancel }: Props) {
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="parts-title" data-panel="parts">
      <h3 id="parts-title">{pt("parts")}</h3>
      <ul>
        {partsRows(parts, lang).map((p) => (
          <li key={p.id} data-part={p.id}>
            <span>
              {p.description} · {pt(`part_${p.status}`)}
              {p.depositDue ? ` · ${pt("depositDue", { amount: p.depositDue })}` : ""}
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
            {p.canPay && <PayDepositForm part={p} busy={busy} onPay={(cents) => onPay(p, cents)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
