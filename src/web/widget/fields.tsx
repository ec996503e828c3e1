import type { InputHTMLAttributes, Ref } from "preact";
import type { Translate } from "../shared/i18n.js";
import type { Key } from "./strings.js";
import { PhoneText } from "../shared/phone-text.js";

// The widget's form controls, one markup each: a field's label is tied to it by for/id,
// its hint and its error by aria-describedby, and aria-invalid marks it while wrong.

/**
 * An error said under its field. An alert, except (`live` false) one a step opens with:
 * the live region says that one with the step (app.tsx), and it is read with its field.
 */
export function FieldError({
  id,
  text,
  live = true,
  phone,
}: {
  id: string;
  text: string | null;
  live?: boolean;
  /** The dealer's number: linked where the sentence names it. */
  phone?: string;
}) {
  return text ? (
    <p id={id} class="pl-error" role={live ? "alert" : undefined}>
      <PhoneText text={text} phone={phone} />
    </p>
  ) : null;
}

/** An input's own attributes (type, autocomplete, required, maxLength…), and: */
type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  /** The input's id; its hint and error are `${id}-hint` and `${id}-err`. */
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Said under the field, and read with it. */
  hint?: string;
  /** The field's own error, said under it. */
  error?: string | null;
  /** Wrong as one of a group that says the error itself (email or phone). */
  invalid?: boolean;
  /** False for an error the step opened with (FieldError's `live`). */
  errorLive?: boolean;
};

export function TextField({
  id,
  label,
  value,
  onValue,
  inputRef,
  hint,
  error,
  invalid,
  errorLive,
  ...input
}: TextFieldProps) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  return (
    <div class="pl-field">
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        {...input}
        aria-invalid={error || invalid ? "true" : undefined}
        aria-describedby={described || undefined}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="pl-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-err`} text={error ?? null} live={errorLive} />
    </div>
  );
}

/**
 * A step's text fields named by key: `field("model")` is the id `pl-model`, the label
 * t("model"), the value and its setter, for <TextField {...field("model")} />.
 */
export function fieldsOf<K extends Key>(
  t: Translate<Key>,
  values: Record<K, string>,
  set: (patch: Partial<Record<K, string>>) => void,
) {
  return (k: K) => ({
    id: `pl-${k}`,
    label: t(k),
    value: values[k],
    // A computed key widens to an index signature; k is one of K.
    onValue: (v: string) => set({ [k]: v } as Partial<Record<K, string>>),
  });
}

export function CheckField({
  label,
  checked,
  onChecked,
  errorId,
}: {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  /** The error this box is at fault in (aria-invalid, and read with it). */
  errorId?: string;
}) {
  return (
    <label class="pl-check">
      <input
        type="checkbox"
        checked={checked}
        aria-invalid={errorId ? "true" : undefined}
        aria-describedby={errorId}
        onChange={(e) => onChecked(e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
