import type { InputHTMLAttributes } from "preact";
import { t } from "./i18n.js";
import type { DayBoard } from "./types.js";

// The labelled controls of the board's dialogs and sign-in form. The <label> wraps its
// control, so the name is tied to it without ids (two dialogs may show the same field).

export function Field({
  label,
  value,
  onValue,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; value: string; onValue: (v: string) => void }) {
  return (
    <label>
      {label}
      <input {...input} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  );
}

/** A field with its error said under it and tied to it (aria-describedby, aria-invalid). */
export function SaidField({
  error,
  errorId,
  ...field
}: Parameters<typeof Field>[0] & { error?: string | null; errorId: string }) {
  return (
    <>
      <Field {...field} aria-invalid={error ? "true" : undefined} aria-describedby={error ? errorId : undefined} />
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A choice among `options` ([value, text] pairs); `blank` adds an empty first option. */
export function Choice({
  label,
  value,
  onValue,
  options,
  name,
  required,
  blank,
}: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  options: ReadonlyArray<readonly [value: string, text: string]>;
  name?: string;
  required?: boolean;
  blank?: boolean;
}) {
  return (
    <label>
      {label}
      <select name={name} required={required} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {blank && <option value="" />}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The day's advisors, by name (the move and absence dialogs). */
export function AdvisorSelect({
  advisors,
  ...rest
}: {
  advisors: DayBoard["advisors"];
  value: string;
  onValue: (id: string) => void;
  name?: string;
}) {
  return <Choice label={t("newAdvisor")} options={advisors.map((a) => [a.id, a.name] as const)} {...rest} />;
}
