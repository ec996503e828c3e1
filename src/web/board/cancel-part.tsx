import { useLayoutEffect, useRef, useState } from "preact/hooks";
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
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Closed by "Keep" or Escape: the focus goes back to "Cancel order"; by the focus leaving, it stays where it went.
  const giveBack = useRef(false);
  const close = (back: boolean) => {
    giveBack.current = back;
    setAsking(false);
  };
  // As the question is drawn, not a frame later: a key pressed meanwhile must not land on <body>.
  useLayoutEffect(() => {
    if (asking) keep.current?.focus();
    else if (asked.current && giveBack.current) opener.current?.focus();
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
        close(true);
      }}
      onFocusOut={(e) => {
        // Only a move to another element of the page: none (the window left, a click on
        // nothing) keeps the question, to answer on coming back.
        const to = e.relatedTarget as Node | null;
        if (to && !e.currentTarget.contains(to)) close(false);
      }}
    >
      <legend>{pt("cancelAsk", { part: part.description })}</legend>
      {part.depositPaid && (
        <p id={deposit} class="notice">
          {pt("cancelDeposit", { amount: part.depositPaid })}
        </p>
      )}
      <button ref={keep} type="button" aria-describedby={said} onClick={() => close(true)}>
        {pt("cancelKeep")}
      </button>{" "}
      <button type="button" class="danger" aria-describedby={said} aria-disabled={busy} onClick={onCancel}>
        {pt("cancelYes")}
      </button>
    </fieldset>
  );
}
