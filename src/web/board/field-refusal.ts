import { useEffect, useRef, useState } from "preact/hooks";
import { problemFields } from "../shared/problem-sentence.js";
import { ApiFailure } from "./http.js";

// A dialog form's refusal said at its field, as the booking widget does (widget/contact.ts):
// a 400 validation_failed names the request's fields (errors[].path, "customer.phone",
// "end"); the form maps them to its own fields, whose sentence goes under the field, which
// takes the focus. Before, the board said "Some of the details are not valid." under the
// form, with the focus left on its button, and the advisor had to guess which field.

/**
 * The form's field for the first request field a refusal names (a path, or a path under
 * it: "interventions.0" is "interventions"'s); null for any other refusal.
 */
export function refusedField<F extends string>(err: unknown, fields: Record<string, F>): F | null {
  if (!(err instanceof ApiFailure)) return null;
  for (const path of problemFields(err.problem))
    for (const [prefix, field] of Object.entries(fields))
      if (path === prefix || path.startsWith(`${prefix}.`)) return field;
  return null;
}

/**
 * A form's refusals at its fields (the walk-in's, the absence's): `atField` takes a failed
 * call's error, says a refusal that names one of `fields` under that field (`say` words
 * it) and returns null; any other error is thrown on, for the form's general refusal. Each
 * refusal at a field (a new object, the same field again too) gives that field the focus:
 * the field is found in `form` by its name. The sentence goes once that field is changed
 * (`fixing` wraps its setter), as the widget's does: left up, it still called the field
 * wrong after the advisor had put it right, with aria-invalid on it. `said(field, set)` is
 * what a SaidField of `field` takes: its name, setter, error and the error's id (`form-field-err`).
 */
export function useFieldRefusal<F extends string>(
  formName: string,
  fields: Record<string, F>,
  say: (field: F) => string,
) {
  const [wrong, setWrong] = useState<{ field: F; text: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (wrong) form.current?.querySelector<HTMLElement>(`[name="${wrong.field}"]`)?.focus();
  }, [wrong]);
  const errorAt = (field: F) => (wrong?.field === field ? wrong.text : null);
  /** The setter of `field`, taking its refusal away with the change. */
  const fixing =
    <T>(field: F, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      if (wrong?.field === field) setWrong(null);
    };
  return {
    form,
    wrong,
    clear: () => setWrong(null),
    fixing,
    said: (field: F, set: (v: string) => void) => ({
      name: field,
      onValue: fixing(field, set),
      error: errorAt(field),
      errorId: `${formName}-${field}-err`,
    }),
    atField: (err: unknown): null => {
      const field = refusedField(err, fields);
      if (!field) throw err;
      setWrong({ field, text: say(field) });
      return null;
    },
  };
}
