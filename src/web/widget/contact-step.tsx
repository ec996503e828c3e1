import { useRef, useState } from "preact/hooks";
import { FIELD_MAX } from "../../core/field-limits.js";
import { clockIn, dateOf, longDate, timeOf, zoneNote } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import type { Appointment, Hold, Option, VisitQuery } from "../shared/types.js";
import { useBooking } from "./booking.js";
import { type Contact, type ErrAt, missingIn, refusedAt, type Wrong } from "./contact.js";
import { FieldError, fieldsOf, TextField } from "./fields.js";
import { Nav } from "./nav.js";
import { QuestionsField } from "./questions-field.js";
import { RemindersField } from "./reminders-field.js";
import type { StepProps, VisitStep } from "./step-props.js";

// The customer's details while the time is held: name, an email or a phone (at least
// one), reminders consent and channel (reminders-field.tsx), the request in their own
// words (sent verbatim), and the dealer's pre-diagnosis questions for the chosen services
// (questions-field.tsx). What is missing is said at its field, which takes focus
// (contact.ts); so is a refusal of the booking that names a field. Where the booking's
// other answers lead: booking.ts. The details live in the app (Back and Continue keep
// them within one booking; another booking starts empty).

interface Props extends StepProps {
  api: string;
  visit: VisitQuery;
  hold: Hold;
  value: Contact;
  onChange: (update: (old: Contact) => Contact) => void;
  onBack: () => void;
  onBooked: (a: Appointment) => void;
  onLost: (p: Problem, alternatives: Option[]) => void;
  /** Back to the earlier step whose answer the booking was refused for (said there). */
  onFix: (step: VisitStep, p: Problem) => void;
}

export function ContactStep({
  t,
  lang,
  dealer,
  heading,
  api,
  visit,
  hold,
  value: c,
  onChange,
  onBack,
  onBooked,
  onLost,
  onFix,
}: Props) {
  const [err, setErr] = useState<{ field: ErrAt; text: string } | null>(null);
  const { busy, sending, book } = useBooking({ api, dealer, visit, hold, lang, onBooked, onLost, onFix });
  const form = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Contact>) => {
    onChange((old) => ({ ...old, ...patch }));
    // A field's error goes once that field changes (as on the board), the step's own check's
    // and a refusal's alike; "api" (under the form) stays until the next try.
    if (err && changes(err.field, patch)) setErr(null);
  };
  const field = fieldsOf<"name" | "email" | "phone">(t, c, set);
  const reachWrong = err?.field === "contact";
  const errAt = (at: ErrAt) => (err?.field === at ? err.text : null);
  // Said beside the field, which takes focus (not left on the button, the sentence at the
  // bottom of the form).
  const show = ({ at, focus }: Wrong, text: string) => {
    setErr({ field: at, text });
    if (focus) form.current?.querySelector<HTMLElement>(`#${CSS.escape(focus)}`)?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const missing = missingIn(c);
    if (missing) return show(missing, t(missing.say));
    setErr(null);
    const refused = await book(c);
    if (!refused) return;
    const wrong = refusedAt(refused, c.channel);
    show(wrong, wrong.say ? t(wrong.say) : problemSentence(refused, lang, dealer.phone));
  };

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("contactTitle")}
      </h2>
      <p class="pl-note">
        {t("held", {
          time: timeOf(hold.option.start),
          date: longDate(dateOf(hold.option.start), lang),
          // In the dealer's clock, as every time here; named when the visitor's zone differs.
          until: [clockIn(hold.expiresAt, dealer.timeZone), zoneNote(dealer.timeZone, lang, new Date(hold.expiresAt))]
            .filter(Boolean)
            .join(", "),
        })}
      </p>
      <TextField {...field("name")} autocomplete="name" required maxLength={FIELD_MAX.name} error={errAt("name")} />
      <fieldset aria-describedby={reachWrong ? "pl-contact-hint pl-contact-err" : "pl-contact-hint"}>
        <legend>{t("contactLegend")}</legend>
        <p id="pl-contact-hint" class="pl-hint">
          {t("contactHint")}
        </p>
        <TextField
          {...field("email")}
          type="email"
          autocomplete="email"
          maxLength={FIELD_MAX.email}
          invalid={reachWrong}
        />
        <TextField {...field("phone")} type="tel" autocomplete="tel" maxLength={FIELD_MAX.phone} invalid={reachWrong} />
        {err?.field === "contact" && <FieldError id="pl-contact-err" text={err.text} />}
      </fieldset>
      <RemindersField t={t} consent={c.consent} channel={c.channel} onChange={set} />
      <div class="pl-field">
        <label for="pl-request">{t("request")}</label>
        <textarea
          id="pl-request"
          maxLength={FIELD_MAX.request}
          aria-invalid={errAt("request") ? "true" : undefined}
          aria-describedby={errAt("request") ? "pl-request-err" : undefined}
          value={c.request}
          onInput={(e) => set({ request: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        <FieldError id="pl-request-err" text={errAt("request")} />
      </div>
      <QuestionsField
        t={t}
        lang={lang}
        dealer={dealer}
        interventions={visit.interventions}
        answers={c.answers}
        onAnswer={(id, answer) => {
          onChange((old) => ({ ...old, answers: { ...old.answers, [id]: answer } }));
          if (err?.field === `q:${id}`) setErr(null);
        }}
        errorAt={(id) => errAt(`q:${id}`)}
      />
      {err?.field === "api" && <FieldError id="pl-book-err" text={err.text} phone={dealer.phone} />}
      <Nav t={t} onBack={onBack} nextLabel={busy ? t("booking") : t("book")} busy={busy} />
    </form>
  );
}

/** Whether a change of these details touches the field an error is said at. */
function changes(at: ErrAt, patch: Partial<Contact>): boolean {
  if (at === "contact")
    // The email-or-phone group, and the reminders that need one of them.
    return ["email", "phone", "consent", "channel"].some((k) => k in patch);
  return at === "name" || at === "request" ? at in patch : false;
}
