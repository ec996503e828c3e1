import { useRef, useState } from "preact/hooks";
import { apiCall, idempotencyKey } from "../shared/api.js";
import { clockIn, dateOf, longDate, timeOf } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import type { Appointment, Hold, Option, VisitQuery } from "../shared/types.js";
import { FieldError, Nav } from "./simple-steps.js";
import type { StepProps } from "./step-props.js";

// The customer's details while the time is held: name, an email or a phone (at least
// one), reminders consent and channel, the request in their own words (sent verbatim),
// and the dealer's pre-diagnosis questions for the chosen services. Booking names the
// hold; a 409 slot_unavailable (the hold ran out and someone took the time) goes back
// to the times with the 409's alternatives.

export interface Contact {
  name: string;
  email: string;
  phone: string;
  consent: boolean;
  channel: "email" | "sms" | "phone";
  request: string;
  answers: Record<string, string>;
}

interface Props extends StepProps {
  api: string;
  visit: VisitQuery;
  hold: Hold;
  announce: (m: string) => void;
  onBack: () => void;
  onBooked: (a: Appointment) => void;
  onLost: (p: Problem, alternatives: Option[]) => void;
}

let kept: Contact = { name: "", email: "", phone: "", consent: false, channel: "email", request: "", answers: {} };

export function ContactStep({ t, lang, dealer, heading, api, visit, hold, onBack, onBooked, onLost }: Props) {
  const [c, setC] = useState<Contact>(kept);
  const [err, setErr] = useState<{ field: "name" | "contact" | "api"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(idempotencyKey());
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Contact>) => setC((old) => (kept = { ...old, ...patch }));
  const questions = dealer.questionnaire.filter((q) => q.interventions.some((i) => visit.interventions.includes(i)));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!c.name.trim()) {
      setErr({ field: "name", text: t("nameMissing") });
      return nameRef.current?.focus();
    }
    if (!c.email.trim() && !c.phone.trim()) {
      setErr({ field: "contact", text: t("contactMissing") });
      return emailRef.current?.focus();
    }
    setErr(null);
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
        reminders: { consent: c.consent, channel: c.consent ? c.channel : c.email.trim() ? "email" : "sms" },
        locale: lang,
      },
      ...(c.request ? { request: c.request } : {}),
      ...(Object.keys(answers).length ? { questionnaire: answers } : {}),
      channel: "web",
    };
    const r = await apiCall<Appointment>(
      api,
      "POST",
      `/v1/dealers/${encodeURIComponent(dealer.id)}/appointments`,
      body,
      { "Idempotency-Key": key.current },
    );
    setBusy(false);
    if (r.ok) return onBooked(r.data);
    if (r.problem.code === "slot_unavailable" || r.problem.code === "rule_violation") {
      return onLost(r.problem, Array.isArray(r.problem.alternatives) ? (r.problem.alternatives as Option[]) : []);
    }
    key.current = idempotencyKey();
    setErr({ field: "api", text: problemSentence(r.problem, lang) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("contactTitle")}
      </h2>
      <p class="pl-note">
        {t("held", {
          time: timeOf(hold.option.start),
          date: longDate(dateOf(hold.option.start), lang),
          until: clockIn(hold.expiresAt, dealer.timeZone),
        })}
      </p>
      <div class="pl-field">
        <label for="pl-name">{t("name")}</label>
        <input
          ref={nameRef}
          id="pl-name"
          type="text"
          autocomplete="name"
          required
          aria-invalid={err?.field === "name" ? "true" : undefined}
          aria-describedby={err?.field === "name" ? "pl-name-err" : undefined}
          value={c.name}
          onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })}
        />
        {err?.field === "name" && <FieldError id="pl-name-err" text={err.text} />}
      </div>
      <fieldset aria-describedby={err?.field === "contact" ? "pl-contact-hint pl-contact-err" : "pl-contact-hint"}>
        <legend>{t("contactTitle")}</legend>
        <p id="pl-contact-hint" class="pl-hint">
          {t("contactHint")}
        </p>
        <div class="pl-field">
          <label for="pl-email">{t("email")}</label>
          <input
            ref={emailRef}
            id="pl-email"
            type="email"
            autocomplete="email"
            aria-invalid={err?.field === "contact" ? "true" : undefined}
            value={c.email}
            onInput={(e) => set({ email: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div class="pl-field">
          <label for="pl-phone">{t("phone")}</label>
          <input
            id="pl-phone"
            type="tel"
            autocomplete="tel"
            aria-invalid={err?.field === "contact" ? "true" : undefined}
            value={c.phone}
            onInput={(e) => set({ phone: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        {err?.field === "contact" && <FieldError id="pl-contact-err" text={err.text} />}
      </fieldset>
      <label class="pl-check">
        <input
          type="checkbox"
          checked={c.consent}
          onChange={(e) => set({ consent: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t("reminders")}</span>
      </label>
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
          maxLength={2000}
          value={c.request}
          onInput={(e) => set({ request: (e.currentTarget as HTMLTextAreaElement).value })}
        />
      </div>
      {questions.length > 0 && (
        <fieldset>
          <legend>{t("questionsLegend")}</legend>
          {questions.map((q) => (
            <div class="pl-field" key={q.id}>
              <label for={`pl-q-${q.id}`}>{q.text}</label>
              <input
                id={`pl-q-${q.id}`}
                type="text"
                maxLength={1000}
                value={c.answers[q.id] ?? ""}
                onInput={(e) => set({ answers: { ...c.answers, [q.id]: (e.currentTarget as HTMLInputElement).value } })}
              />
            </div>
          ))}
        </fieldset>
      )}
      {err?.field === "api" && <FieldError id="pl-book-err" text={err.text} />}
      <Nav t={t} onBack={onBack} nextLabel={busy ? t("booking") : t("book")} />
    </form>
  );
}
