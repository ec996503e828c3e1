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
// returns to what opened it.
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="dialog-title" onClose={onClose}>
      <h2 id="dialog-title">{title}</h2>
      {children}
      <div class="actions">
        <button type="button" onClick={() => ref.current?.close()}>
          {t("close")}
        </button>
      </div>
    </dialog>
  );
}
