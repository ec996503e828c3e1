import { useRef, useState } from "preact/hooks";
import { FIELD_MAX } from "../../core/field-limits.js";
import { apiCall, dealerPath, idempotencyKey } from "../shared/api.js";
import { clockIn, dateOf, longDate, timeOf, zoneNote } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { problemFields, problemSentence } from "../shared/problem-sentence.js";
import { alternativesOf } from "../shared/time-choice.js";
import type { Appointment, Hold, Option, VisitQuery } from "../shared/types.js";
import { stepOfRefusal } from "./fault-step.js";
import { CheckField, FieldError, fieldsOf, TextField } from "./fields.js";
import { Nav } from "./simple-steps.js";
import type { StepProps, VisitStep } from "./step-props.js";

// The customer's details while the time is held: name, an email or a phone (at least
// one), reminders consent and channel, the request in their own words (sent verbatim),
// and the dealer's pre-diagnosis questions for the chosen services. Booking names the
// hold; a 409 slot_unavailable (the hold ran out and someone took the time) goes back
// to the times with the 409's alternatives. A refusal of an earlier step's answer (its
// services, its car, or its mobility: the last courtesy car taken meanwhile) goes back to
// that step, which says why (fault-step.ts). Any other refusal is said at the field it
// names, which takes focus. The details live in the app (Back and Continue keep them
// within one booking; another booking starts empty).

export interface Contact {
  name: string;
  email: string;
  phone: string;
  consent: boolean;
  channel: "email" | "sms" | "phone";
  request: string;
  answers: Record<string, string>;
}

export const NO_CONTACT: Contact = {
  name: "",
  email: "",
  phone: "",
  consent: false,
  channel: "email",
  request: "",
  answers: {},
};

interface Props extends StepProps {
  api: string;
  visit: VisitQuery;
  hold: Hold;
  value: Contact;
  onChange: (update: (old: Contact) => Contact) => void;
  announce: (m: string) => void;
  onBack: () => void;
  onBooked: (a: Appointment) => void;
  onLost: (p: Problem, alternatives: Option[]) => void;
  /** Back to the earlier step whose answer the booking was refused for (said there). */
  onFix: (step: VisitStep, p: Problem) => void;
}

/**
 * Where the form says what a validation_failed names, and the control that takes focus:
 * the name, the email or phone (the group), the request, a question; "api" (under the
 * form) for anything else.
 */
type ErrAt = "name" | "contact" | "request" | `q:${string}` | "api";

function refusedAt(
  p: Problem,
  channel: Contact["channel"],
): { at: ErrAt; focus: string; say?: "emailInvalid" | "phoneInvalid" } {
  for (const f of problemFields(p)) {
    if (f === "customer.name") return { at: "name", focus: "pl-name" };
    // An address the API cannot read: said with what one looks like, not "Please check: phone".
    if (f === "customer.email") return { at: "contact", focus: "pl-email", say: "emailInvalid" };
    if (f === "customer.phone") return { at: "contact", focus: "pl-phone", say: "phoneInvalid" };
    // The reminders' channel needs its address; "customer" alone: neither email nor phone.
    if (f === "customer.reminders.channel")
      return { at: "contact", focus: channel === "email" ? "pl-email" : "pl-phone" };
    if (f === "customer") return { at: "contact", focus: "pl-email" };
    if (f === "request") return { at: "request", focus: "pl-request" };
    if (f.startsWith("questionnaire.")) {
      const id = f.slice("questionnaire.".length);
      return { at: `q:${id}`, focus: `pl-q-${id}` };
    }
  }
  return { at: "api", focus: "" };
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
  const [busy, setBusy] = useState(false);
  // Set before the first await: a second click or Enter before the button shows busy sends nothing.
  const sending = useRef(false);
  const key = useRef(idempotencyKey());
  const form = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Contact>) => onChange((old) => ({ ...old, ...patch }));
  const field = fieldsOf<"name" | "email" | "phone">(t, c, set);
  const reachWrong = err?.field === "contact";
  const errAt = (at: ErrAt) => (err?.field === at ? err.text : null);
  const questions = dealer.questionnaire.filter((q) => q.interventions.some((i) => visit.interventions.includes(i)));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    if (!c.name.trim()) {
      setErr({ field: "name", text: t("nameMissing") });
      return nameRef.current?.focus();
    }
    if (!c.email.trim() && !c.phone.trim()) {
      setErr({ field: "contact", text: t("contactMissing") });
      return emailRef.current?.focus();
    }
    // Reminders by a channel the customer left no address for could never reach them
    // (the API takes the booking all the same): say so here, at the field to fill.
    if (c.consent && c.channel !== "email" && !c.phone.trim()) {
      setErr({ field: "contact", text: t("phoneForReminders") });
      return phoneRef.current?.focus();
    }
    if (c.consent && c.channel === "email" && !c.email.trim()) {
      setErr({ field: "contact", text: t("emailForReminders") });
      return emailRef.current?.focus();
    }
    setErr(null);
    sending.current = true;
    setBusy(true);
    const answers = Object.fromEntries(Object.entries(c.answers).filter(([, v]) => v.trim()));
    const body = {
      optionId: hold.option.optionId,
      holdId: hold.holdId,
      ...visit,
      vehicle: visit.vehicle,
      customer: {
        known: visit.customer.known,
        name: c.name.trim(),
        ...(c.email.trim() ? { email: c.email.trim() } : {}),
        ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
        // A channel only with consent: it needs its address (the API says 400 otherwise).
        reminders: c.consent ? { consent: true, channel: c.channel } : { consent: false },
        locale: lang,
      },
      ...(c.request ? { request: c.request } : {}),
      ...(Object.keys(answers).length ? { questionnaire: answers } : {}),
      channel: "web",
    };
    const r = await apiCall<Appointment>(api, "POST", `${dealerPath(dealer.id)}/appointments`, body, {
      "Idempotency-Key": key.current,
    });
    sending.current = false;
    setBusy(false);
    if (r.ok) return onBooked(r.data);
    // Before the lost time: a time refused for its mobility alone is the mobility's to change.
    const to = stepOfRefusal(r.problem);
    if (to) return onFix(to, r.problem);
    if (r.problem.code === "slot_unavailable" || r.problem.code === "rule_violation") {
      return onLost(r.problem, alternativesOf(r.problem));
    }
    // A new key only after a refusal that stored nothing. After a network failure or a
    // 5xx the booking may have been made all the same: a retry with the same key gets that
    // booking back (the server replays it) instead of booking the slot twice.
    if (r.problem.status > 0 && r.problem.status < 500) key.current = idempotencyKey();
    // A field the server refused is said beside it, and focus goes to it (not left on the
    // button, the sentence at the bottom of the form), as an empty Continue does.
    const { at, focus, say } = refusedAt(r.problem, c.channel);
    setErr({ field: at, text: say ? t(say) : problemSentence(r.problem, lang) });
    if (focus) form.current?.querySelector<HTMLElement>(`#${CSS.escape(focus)}`)?.focus();
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
      <TextField
        {...field("name")}
        inputRef={nameRef}
        autocomplete="name"
        required
        maxLength={FIELD_MAX.name}
        error={errAt("name")}
      />
      <fieldset aria-describedby={reachWrong ? "pl-contact-hint pl-contact-err" : "pl-contact-hint"}>
        <legend>{t("contactLegend")}</legend>
        <p id="pl-contact-hint" class="pl-hint">
          {t("contactHint")}
        </p>
        <TextField
          {...field("email")}
          inputRef={emailRef}
          type="email"
          autocomplete="email"
          maxLength={FIELD_MAX.email}
          invalid={reachWrong}
        />
        <TextField
          {...field("phone")}
          inputRef={phoneRef}
          type="tel"
          autocomplete="tel"
          maxLength={FIELD_MAX.phone}
          invalid={reachWrong}
        />
        {err?.field === "contact" && <FieldError id="pl-contact-err" text={err.text} />}
      </fieldset>
      <CheckField label={t("reminders")} checked={c.consent} onChecked={(consent) => set({ consent })} />
      {c.consent && (
        <div class="pl-field">
          <label for="pl-channel">{t("channel")}</label>
          <select
            id="pl-channel"
            value={c.channel}
            onChange={(e) => set({ channel: (e.currentTarget as HTMLSelectElement).value as Contact["channel"] })}
          >
            <option value="email">{t("byEmail")}</option>
            <option value="sms">{t("bySms")}</option>
            <option value="phone">{t("byPhone")}</option>
          </select>
        </div>
      )}
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
      {questions.length > 0 && (
        <fieldset>
          <legend>{t("questionsLegend")}</legend>
          {questions.map((q) => (
            <TextField
              key={q.id}
              id={`pl-q-${q.id}`}
              // The built-in questions come in both languages; a dealer's own as written.
              label={q.texts?.[lang] ?? q.text}
              maxLength={FIELD_MAX.answer}
              error={errAt(`q:${q.id}`)}
              value={c.answers[q.id] ?? ""}
              onValue={(answer) => onChange((old) => ({ ...old, answers: { ...old.answers, [q.id]: answer } }))}
            />
          ))}
        </fieldset>
      )}
      {err?.field === "api" && <FieldError id="pl-book-err" text={err.text} />}
      <Nav t={t} onBack={onBack} nextLabel={busy ? t("booking") : t("book")} busy={busy} />
    </form>
  );
}
