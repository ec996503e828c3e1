import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { clockIn } from "../shared/dates.js";
import { hasWords, mt, wordFor } from "./message-words.js";
import type { Message } from "./types.js";
import { type AppointmentRef, otherDayWords } from "./appointment-ref.js";

// The selected day's messages to customers and staff with their delivery state (issue 16):
// what was said, to whom (customer or a staff role: never an address), by which transport,
// and whether it left; the reason when it failed, was held back or waits for the SMS hours.

/**
 * The appointment a message is about, in the desk's words: from the shown day, else as the
 * message carries it (a message written today about another day's appointment named nobody).
 */
const aboutOne = (m: Message, refs: Map<string, AppointmentRef>): string | null => {
  if (m.appointmentId === null) return null;
  const ref = refs.get(m.appointmentId);
  if (ref) return ref.words;
  return m.appointment ? otherDayWords(m.appointment) : null;
};

/** The line saying what a message is about, when there is one. */
const AboutLine = ({ text }: { text: string | null }) =>
  text ? (
    <>
      <span class="message-about">{text}</span>
      <br />
    </>
  ) : null;

/** A group's notice: how many bookings, and those of the shown day in the desk's words. */
const aboutBookings = (ids: string[], refs: Map<string, AppointmentRef>) => {
  const here = ids.flatMap((id) => (refs.has(id) ? [refs.get(id)!.words] : []));
  const about = mt("aboutBookings", { n: String(ids.length) });
  return here.length === 0 ? about : `${about}: ${here.join("; ")}`;
};

/** "staff (workshop supervisor)", "staff (advisor Giulia Romano)": the role in words, an advisor by name. */
const recipientWords = (m: Message, advisors: Map<string, string>) => {
  if (m.audience === "customer") return mt("customer");
  const [role, id] = (m.recipient ?? "").split(":");
  if (!role) return mt("staff");
  const name = role === "advisor" && id ? ` ${advisors.get(id) ?? id}` : "";
  return `${mt("staff")} (${wordFor("role", role)}${name})`;
};

// A reason the page knows (consent, STOP, SMS hours…) reads in words; anything else is the
// transport's own error text (failed, or the last error before a retry: HTTP status, SMTP
// reply), shown as it is except for addresses: an SMTP reply may quote the mailbox.
const masked = (error: string) => error.replace(/[^\s<>]+@[^\s<>]+/g, "…").replace(/\+?\d[\d ]{6,}\d/g, "…");
const reasonWords = (reason: string) => (hasWords("reason", reason) ? wordFor("reason", reason) : masked(reason));

// Which messages the panel lists. Every booking tells the supervisor at once, so on a busy
// day the staff's notices bury the customers' confirmations the desk is looking for: the
// desk picks an audience (native radio buttons: one tab stop, arrows move, the count in
// each label). Not remembered across reloads: a fresh page shows everything.
type Audience = "all" | Message["audience"];
const AUDIENCES: Audience[] = ["all", "customer", "staff"];
const NONE = { all: "messagesNone", customer: "messagesNoneCustomer", staff: "messagesNoneStaff" } as const;
const SHOW = { all: "showAll", customer: "showCustomer", staff: "showStaff" } as const;

// The filter goes when the day has no message left, and the page reads only the latest
// 100 messages: on a busy day a live refresh can take the shown day's last ones away while
// the desk is on a radio button. Focus would then fall to the page; it goes to the panel's
// heading instead, so the keyboard user stays where they were and hears why.

export function MessagesPanel({
  messages,
  refs,
  advisors,
  zone,
}: {
  messages: Message[];
  /** What each appointment is, in the desk's words (appointment-ref.ts). */
  refs: Map<string, AppointmentRef>;
  /** Advisor id → name, for messages to an advisor. */
  advisors: Map<string, string>;
  /** The dealer's zone: when each was written, as its clock reads. */
  zone: string;
}) {
  const [audience, setAudience] = useState<Audience>("all");
  const shown = audience === "all" ? messages : messages.filter((m) => m.audience === audience);
  const count = (a: Audience) => (a === "all" ? messages.length : messages.filter((m) => m.audience === a).length);
  const title = useRef<HTMLHeadingElement>(null);
  const filter = useRef<HTMLFieldSetElement>(null);
  // Read while rendering, before Preact removes the filter: does it hold focus right now?
  // (Not a flag kept across focus events: a click on plain text blurs with no target.)
  const focusInFilter = filter.current?.contains(document.activeElement) ?? false;
  useLayoutEffect(() => {
    if (messages.length === 0 && focusInFilter) title.current?.focus();
  }, [messages.length]);
  return (
    <section aria-labelledby="messages-title" data-panel="messages">
      <h2 id="messages-title" tabIndex={-1} ref={title}>
        {mt("messages")}
      </h2>
      {messages.length > 0 && (
        <fieldset class="message-filter" ref={filter}>
          <legend>{mt("show")}</legend>
          {AUDIENCES.map((a) => (
            <label key={a}>
              <input
                type="radio"
                name="message-audience"
                value={a}
                checked={audience === a}
                onChange={() => setAudience(a)}
              />{" "}
              {mt(SHOW[a], { n: String(count(a)) })}
            </label>
          ))}
        </fieldset>
      )}
      {shown.length === 0 && <p class="muted">{mt(messages.length === 0 ? "messagesNone" : NONE[audience])}</p>}
      <ul class="plain">
        {shown.map((m) => (
          <li key={m.id} data-message={m.id} data-delivery={m.delivery}>
            <h3 class="message-kind">{wordFor("kind", m.kind)}</h3>
            <p>
              {/* When it was written (newest first): the appointment's time below is another time. */}
              <span class="message-time">{mt("written", { time: clockIn(m.createdAt, zone) })}</span>
              <br />
              <AboutLine text={aboutOne(m, refs)} />
              {m.bookings && <AboutLine text={aboutBookings(m.bookings, refs)} />}
              {mt("to", { who: recipientWords(m, advisors), how: wordFor("transport", m.transport) })}
              <br />
              <strong>{wordFor("delivery", m.delivery)}</strong>
              {m.reason && `: ${reasonWords(m.reason)}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
