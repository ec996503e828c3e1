import { useRef, useState } from "preact/hooks";
import { t } from "./i18n.js";

// A read a dialog needs that failed (network, 5xx): what failed, as a sentence, in an alert,
// and "Try again" (the appointment dialog's details, a task's parts). While it reads again
// the button stays, busy (aria-disabled: it keeps the focus), and the alert says so; failing
// again, the sentence comes back, so the alert is heard again. Read, the alert goes, and the
// focus goes to the dialog's title rather than being lost with the button.

interface Props {
  /** What failed and why ("The parts could not be read. The server cannot be reached. …"). */
  sentence: string;
  /** Reads again; rejects when it fails again (the dialog then passes the new sentence). */
  onRetry: () => Promise<unknown>;
}

export function ReadFailed({ sentence, onRetry }: Props) {
  const [reading, setReading] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const retry = async () => {
    if (reading) return;
    setReading(true);
    const had = button.current !== null && button.current === document.activeElement;
    try {
      await onRetry();
      // The answer is drawn by now and the button gone with the alert: unless the focus has
      // gone elsewhere meanwhile, the title takes it (it is on the page, or on nothing).
      const at = document.activeElement;
      if (had && (at === null || at === document.body || at === button.current))
        document.getElementById("dialog-title")?.focus();
    } catch {
      // Said by the sentence the dialog passes (the same one, heard again after "reading").
    } finally {
      setReading(false);
    }
  };
  return (
    <div role="alert" class="refusal" data-read-failed>
      <p class="error">{reading ? t("readingAgain") : sentence}</p>
      <button type="button" ref={button} aria-disabled={reading} onClick={retry}>
        {t("tryAgain")}
      </button>
    </div>
  );
}
