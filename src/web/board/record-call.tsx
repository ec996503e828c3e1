import { useEffect, useRef, useState } from "preact/hooks";
import { idempotencyKey } from "../shared/api.js";
import { NOTE_MAX, OUTCOMES } from "./tasks.js";
import { tw } from "./task-words.js";
import type { TaskOutcome } from "./types.js";

// "Record the call" on one desk task: a disclosure (the button says whether its form is
// open) with the outcomes as native radio buttons (one tab stop, arrows move) and a note.
// The form is drawn only while open: a panel of 500 tasks holds no 500 hidden forms.
// Escape or Close hides it and gives the focus back to its button.
//
// Trap: a retry after a lost answer must record the call once, so the Idempotency-Key is
// kept while the body stays the same; a changed outcome or note is a new call, a new key
// (the server refuses one key with two bodies).

interface Props {
  taskId: string;
  /** The task as the panel names it: the button's accessible name carries it. */
  label: string;
  /** Sends the call; resolves to a sentence the form shows (refused), null when it closes. */
  onRecord: (outcome: TaskOutcome, note: string, key: string) => Promise<string | null>;
}

export function RecordCall({ taskId, label, onRecord }: Props) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<TaskOutcome | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const note = useRef<HTMLInputElement>(null);
  const sent = useRef<{ key: string; body: string } | null>(null);
  const formId = `record-${taskId}`;
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    setError("");
    toggle.current?.focus();
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!outcome) {
      setError(tw("pickOutcome"));
      first.current?.focus();
      return;
    }
    const text = (note.current?.value ?? "").trim().slice(0, NOTE_MAX);
    const body = JSON.stringify([outcome, text]);
    if (sent.current?.body !== body) sent.current = { key: idempotencyKey(), body };
    setBusy(true);
    const refused = await onRecord(outcome, text, sent.current.key);
    setBusy(false);
    if (refused) {
      setError(refused);
      return;
    }
    sent.current = null;
    setOutcome(null);
    if (note.current) note.current.value = "";
    setError("");
    setOpen(false);
    // A call that leaves the task open: the focus back on its button (the form that held it
    // is hidden). One that closes it: the panel gave its heading the focus; left there.
    const button = toggle.current;
    const active = button?.ownerDocument.activeElement;
    if (button?.isConnected && (!active || active === button.ownerDocument.body || box.current?.contains(active)))
      button.focus();
  };
  return (
    <div class="record-call" ref={box}>
      <button
        type="button"
        ref={toggle}
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        aria-label={tw("recordCallFor", { task: label })}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {tw("recordCall")}
      </button>
      {open && (
        <form
          id={formId}
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              close();
            }
          }}
        >
          <fieldset class="message-filter">
            <legend>{tw("howWent")}</legend>
            {OUTCOMES.map((o, i) => (
              <label key={o}>
                <input
                  type="radio"
                  name={`outcome-${taskId}`}
                  value={o}
                  ref={i === 0 ? first : undefined}
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                />
                {tw(`outcome_${o}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {tw("note")}
            <input type="text" ref={note} maxLength={NOTE_MAX} autoComplete="off" />
          </label>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" aria-disabled={busy}>
              {tw("save")}
            </button>
            <button type="button" onClick={close}>
              {tw("close")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
