import { ConfirmStep } from "./confirm-step.js";
import { pt } from "./parts-words.js";

/**
 * "Cancel order" for a part still on order, confirmed in the page (no browser prompt): the
 * press opens a question in the part's row, naming the part and, when one was paid, the
 * deposit to refund at the desk (Pitlane does not track refunds). The focus goes to "Keep
 * the order", the harmless answer (a held Enter cannot cancel by itself); "Keep", or
 * Escape inside the question, closes it and gives the focus back to "Cancel order". The
 * focus leaving the question (Tab past it, a click elsewhere) is a "keep" too: the question
 * closes and the focus stays where it went; left open, it hung in the row unanswered with
 * its "Yes" a Shift+Tab away. The yes is `onCancel`, which the dialog runs like the other
 * parts buttons (one call at a time; a refusal is said in words and the focus stays on
 * the button pressed).
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
  return (
    <ConfirmStep
      name="cancel-part"
      label={pt("cancelOrder")}
      labelFor={pt("cancelOrderFor", { part: part.description })}
      ask={pt("cancelAsk", { part: part.description })}
      note={
        part.depositPaid
          ? { id: `cancel-deposit-${part.id}`, text: pt("cancelDeposit", { amount: part.depositPaid }) }
          : undefined
      }
      keep={pt("cancelKeep")}
      yes={pt("cancelYes")}
      busy={busy}
      onYes={onCancel}
    />
  );
}
