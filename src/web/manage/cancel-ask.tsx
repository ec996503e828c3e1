import type { RefObject } from "preact";
import { useRef, useState } from "preact/hooks";
import { apiCall, idempotencyKey } from "../shared/api.js";
import { dateTime } from "../shared/dates.js";
import type { Lang, Translate } from "../shared/i18n.js";
import { problemSentence } from "../shared/problem-sentence.js";
import type { Appointment } from "../shared/types.js";
import type { Key } from "./strings.js";

// The manage page's "cancel the appointment": asked once more, with the appointment's
// date and time, then one cancel call. A refusal is said in the page's error (app.tsx
// shows it above this question), and the question stays.

interface Props {
  api: string;
  /** The appointment's manage path (/v1/manage/{token}). */
  path: string;
  /** The appointment's reception start, named in the question. */
  when: string;
  /** The dealer's number, said where a sentence asks the customer to call. */
  phone?: string;
  lang: Lang;
  t: Translate<Key>;
  heading: RefObject<HTMLHeadingElement | null>;
  /** The page's error sentence (null: none). */
  setError: (sentence: string | null) => void;
  onCancelled: (a: Appointment) => void;
  onKeep: () => void;
}

export function CancelAsk({ api, path, when, phone, lang, t, heading, setError, onCancelled, onKeep }: Props) {
  const [busy, setBusy] = useState(false);
  const cancelling = useRef(false);
  const cancelYes = useRef<HTMLButtonElement>(null);

  // One press, one cancel: a second Enter or click while the first call runs sends nothing
  // (the ref stops it before the disabled button is rendered).
  const cancel = async () => {
    if (cancelling.current) return;
    cancelling.current = true;
    setBusy(true);
    setError(null);
    const r = await apiCall<Appointment>(api, "POST", `${path}/cancel`, undefined, {
      "Idempotency-Key": idempotencyKey(),
    });
    cancelling.current = false;
    setBusy(false);
    if (r.ok) return onCancelled(r.data);
    setError(problemSentence(r.problem, lang, phone));
    // The button was disabled under the keyboard's focus: give it back.
    requestAnimationFrame(() => cancelYes.current?.focus());
  };

  return (
    <section aria-labelledby="pl-cancel-h">
      <h2 id="pl-cancel-h" ref={heading} tabIndex={-1}>
        {t("cancelAsk", { when: dateTime(when, lang) })}
      </h2>
      <div class="pl-actions" aria-busy={busy ? "true" : undefined}>
        <button type="button" ref={cancelYes} onClick={cancel} disabled={busy}>
          {t("cancelYes")}
        </button>
        <button type="button" class="pl-secondary" onClick={onKeep} disabled={busy}>
          {t("cancelNo")}
        </button>
      </div>
    </section>
  );
}
