import { useEffect, useRef, useState } from "preact/hooks";
import { tw } from "./task-words.js";

// "Show the phone number" on a desk task: the tasks list carries the customer's name only
// (no contact details in a list), and a task about a cancelled visit, or a car of another
// day, has no dialog on the shown day to read it from. One staff read of the appointment,
// on request; the number is a tel: link, so a desk phone or softphone dials it.

interface Props {
  /** The task as the panel names it: the button's accessible name carries it. */
  label: string;
  /** The appointment's phone number: null when none is on file; rejects with a sentence. */
  onPhone: () => Promise<string | null>;
}

export function TaskPhone({ label, onPhone }: Props) {
  const [phone, setPhone] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState("");
  const busy = useRef(false);
  // The button gives way to the number: the focus goes to it (or to "none on file"), not to the page.
  const shown = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (phone !== undefined) shown.current?.focus();
  }, [phone]);
  const show = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      setPhone(await onPhone());
      setError("");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      busy.current = false;
    }
  };
  if (phone === null)
    return (
      <p
        class="muted task-phone"
        tabIndex={-1}
        ref={(e) => {
          shown.current = e;
        }}
      >
        {tw("noPhone")}
      </p>
    );
  if (phone !== undefined)
    return (
      <p class="task-phone">
        {tw("phoneIs")}{" "}
        <a
          href={`tel:${phone.replace(/[^+\d]/g, "")}`}
          ref={(e) => {
            shown.current = e;
          }}
        >
          {phone}
        </a>
      </p>
    );
  return (
    <p class="task-phone">
      <button type="button" class="link" aria-label={tw("showPhoneFor", { task: label })} onClick={show}>
        {tw("showPhone")}
      </button>
      {error && (
        <span role="alert" class="error">
          {" "}
          {error}
        </span>
      )}
    </p>
  );
}
