import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

/**
 * A button whose press is asked again in the page before it acts (no browser prompt): a
 * part's "Cancel order" (cancel-part.tsx), an appointment's cancel and no-show
 * (appointment-steps.tsx). The press opens a question in its place, and the focus goes
 * to the harmless answer (a held Enter cannot act by itself). That answer, or Escape
 * inside the question, closes it and gives the focus back to the button; the focus
 * leaving the question (Tab past it, a click elsewhere) closes it too and the focus stays
 * where it went. The yes is `onYes`, run by the caller (one call at a time; a refusal is
 * said in words).
 */
export function ConfirmStep({
  label,
  labelFor,
  ask,
  note,
  keep,
  yes,
  busy,
  name,
  onYes,
}: {
  label: ComponentChildren;
  /** The button's accessible name when its label alone is not enough (several in a list). */
  labelFor?: string;
  ask: string;
  /** A sentence under the question that both answers are described by (a deposit to refund); `id` must be unique in the page. */
  note?: { id: string; text: string };
  keep: string;
  yes: string;
  busy: boolean;
  /** The question's data-confirm, for tests and styles. */
  name: string;
  onYes: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const harmless = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Closed by the harmless answer or Escape: the focus goes back to the button; by the focus leaving, it stays where it went.
  const giveBack = useRef(false);
  const close = (back: boolean) => {
    giveBack.current = back;
    setAsking(false);
  };
  // As the question is drawn, not a frame later: a key pressed meanwhile must not land on <body>.
  useLayoutEffect(() => {
    if (asking) harmless.current?.focus();
    else if (asked.current && giveBack.current) opener.current?.focus();
    asked.current = asking;
  }, [asking]);
  if (!asking)
    return (
      <button
        ref={opener}
        type="button"
        class="danger"
        aria-label={labelFor}
        aria-disabled={busy}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <fieldset
      data-confirm={name}
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
      <legend>{ask}</legend>
      {note && (
        <p id={note.id} class="notice">
          {note.text}
        </p>
      )}
      <button ref={harmless} type="button" aria-describedby={note?.id} onClick={() => close(true)}>
        {keep}
      </button>{" "}
      <button type="button" class="danger" aria-describedby={note?.id} aria-disabled={busy} onClick={onYes}>
        {yes}
      </button>
    </fieldset>
  );
}
