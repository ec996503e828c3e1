import type { Dealer } from "../../core/dealer.js";
import { findAppointment } from "../../db/repos/appointments.js";
import type { JourneyDeps } from "./runner.js";
import { appointmentCalendar } from "./calendar.js";
import type { MessageRow } from "../../db/repos/outbox.js";
import type { Contact } from "./recipients.js";
import { DEFAULT_PAUSE_MS } from "./back-pressure.js";
import { type DeliveryOutcome as Outcome, MailError, type OutgoingMail } from "./transports.js";

// One outbox row as an email over SMTP: plain text and HTML, the invitation (.ics) for
// confirmations, moves and a moved ready time (METHOD:REQUEST) and cancellations (METHOD:CANCEL), built from
// the appointment as it is NOW (SEQUENCE = its version). The Message-ID is the outbox
// id, so a resend after a crash between SMTP's "250" and our record is the same message
// to every mail client, and nothing is sent again once the delivery is recorded.

const INVITE: Record<string, "REQUEST" | "CANCEL"> = {
  confirmed: "REQUEST",
  appointment_moved: "REQUEST",
  // A moved ready time moves the return: the calendar's return event with it.
  ready_time_changed: "REQUEST",
  cancelled: "CANCEL",
};

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1) || "pitlane.invalid";

export function emailOf(
  deps: JourneyDeps,
  dealer: Dealer,
  m: MessageRow,
  c: Contact & { email: string },
  text: string,
  html: string,
  from: string,
): OutgoingMail {
  const cfg = dealer.config.messaging.email;
  const attachments: OutgoingMail["attachments"] = [];
  const method = INVITE[m.kind];
  const row = method && m.appointmentId ? findAppointment(deps.db, dealer.id, m.appointmentId) : undefined;
  if (method && row) {
    const ics = appointmentCalendar(dealer, row, m.locale === "it" ? "it" : "en", {
      method,
      organizer: { name: dealer.config.name, email: cfg.replyTo ?? from },
      attendee: { name: c.name, email: c.email },
    });
    attachments.push({
      filename: method === "CANCEL" ? "cancellation.ics" : "invite.ics",
      content: ics,
      contentType: `text/calendar; charset=utf-8; method=${method}`,
    });
  }
  return {
    from: `"${dealer.config.name.replace(/["\\]/g, "")}" <${from}>`,
    replyTo: cfg.replyTo,
    to: { name: c.name, address: c.email },
    subject: m.body.subject,
    text,
    html,
    messageId: `<${m.id}@${domainOf(from)}>`,
    // Sent by the scheduler, not typed by a person: out-of-office replies stay away (RFC 3834).
    headers: { "Auto-Submitted": "auto-generated" },
    attachments,
  };
}

export async function sendEmail(
  deps: JourneyDeps,
  dealer: Dealer,
  m: MessageRow,
  c: Contact,
  text: string,
  html: string,
  nowMs: number,
): Promise<Outcome> {
  const mail = deps.messaging?.mail;
  if (!mail) return { error: "email is not configured on this server (SMTP_URL)", final: true };
  if (!c.email) return { suppress: "no_address" };
  const from = dealer.config.messaging.email.from ?? mail.from;
  try {
    await mail.send(emailOf(deps, dealer, m, { ...c, email: c.email }, text, html, from));
    return null;
  } catch (err) {
    // The SMTP reply code and kind, never the envelope (it holds the address).
    const permanent = err instanceof MailError && err.permanent;
    const msg =
      err instanceof Error ? err.message.replace(/<[^>]*@[^>]*>|\S+@\S+/g, "<address>").slice(0, 200) : "SMTP error";
    // SMTP has no Retry-After: a server that takes no mail now is left alone a minute.
    if (err instanceof MailError && err.busy) return { busy: nowMs + DEFAULT_PAUSE_MS, error: `SMTP: ${msg}` };
    return { error: `SMTP: ${msg}`, final: permanent };
  }
}
