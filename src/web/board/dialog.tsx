import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "./i18n.js";
import type { DayBoard, Session } from "./types.js";

/** What the day page gives each of its dialogs; `onDone` closes it, with a notice or none. */
export interface DayDialogProps {
  session: Session;
  day: DayBoard;
  onDone: (message?: string) => void;
}

// A modal <dialog>: the browser traps the focus inside, Escape closes it, and the focus
// returns to what opened it or, when that is gone from the page meanwhile (a task that
// closed itself while its parts were open), to the element `returnTo` names.
export function Dialog({
  title,
  onClose,
  returnTo,
  children,
}: {
  title: string;
  onClose: () => void;
  /** The id of what takes the focus when the dialog closes and its opener is no longer on the page. */
  returnTo?: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => {
      const back = opener?.isConnected || !returnTo ? opener : document.getElementById(returnTo);
      back?.focus?.();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="dialog-title" onClose={onClose}>
      {/* Focusable by the page only: a dialog's "Try again" gives it the focus once read (read-failed.tsx). */}
      <h2 id="dialog-title" tabIndex={-1}>
        {title}
      </h2>
      {children}
      <div class="actions">
        <button type="button" onClick={() => ref.current?.close()}>
          {t("close")}
        </button>
      </div>
    </dialog>
  );
}
