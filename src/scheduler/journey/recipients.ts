import type { Locale } from "../../core/dealer-config/locale.js";
import type { Db } from "../../db/sqlite-handle.js";
import { type AppointmentRow, customerJsonOf } from "../../db/repos/appointments.js";
import type { Customer, Persona } from "../contracts.js";
import { customerById, type CustomerRow } from "../../db/repos/people.js";

// Who a customer message goes to, and whether it may go at all. Consent and channel are
// read when the message is written (the latest the customer told us), and the address
// only when it is delivered: the outbox row names the recipient, never the contact.

export type ContactChannel = "email" | "sms" | "phone";

export interface Recipient {
  /** "customer:<id>" (customers row) or "appointment:<id>" (rows booked before customers existed). */
  ref: string;
  name: string;
  /** The channel to use, or null when the customer did not consent or cannot be reached. */
  channel: ContactChannel | null;
  locale: Locale | null;
  persona: Persona | null;
  consent: boolean;
  /** Which addresses exist (never the addresses: those are read at delivery). */
  has: { email: boolean; phone: boolean };
}

export interface Contact {
  name: string;
  email?: string | null;
  phone?: string | null;
  consent: boolean;
  preferred: ContactChannel | null;
  locale: Locale | null;
  persona?: Persona | null;
}

/** The preferred channel if it has an address; else the other one that has. */
export function reachBy(c: Contact): ContactChannel | null {
  if (!c.consent) return null;
  const has = (ch: ContactChannel) => (ch === "email" ? !!c.email : !!c.phone);
  if (c.preferred && has(c.preferred)) return c.preferred;
  if (has("sms")) return "sms";
  return has("email") ? "email" : null;
}

const fromRow = (c: CustomerRow): Contact => ({
  name: c.name,
  email: c.email,
  phone: c.phone,
  consent: c.reminderConsent,
  preferred: c.preferredChannel as ContactChannel | null,
  locale: c.locale as Locale | null,
  persona: c.persona as Persona | null,
});

const fromJson = (json: string): Contact => {
  const c = JSON.parse(json) as Customer;
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    consent: c.reminders?.consent === true,
    preferred: c.reminders?.channel ?? null,
    locale: c.locale ?? null,
    persona: c.persona ?? null,
  };
};

export function customerContact(db: Db, ref: string): Contact | null {
  const [kind, id] = ref.split(":", 2);
  if (kind === "customer") {
    const row = customerById(db, id);
    return row ? fromRow(row) : null;
  }
  if (kind === "appointment") {
    const json = customerJsonOf(db, id);
    return json === undefined ? null : fromJson(json);
  }
  return null;
}

/**
 * `known`: the appointment's customer record when the caller has it in hand (a booking just
 * linked it), saving the read. A booking without a customer record holds the customer as
 * booked in its own row, which the caller passes: nothing to read either.
 */
export function recipientOf(
  db: Db,
  row: Pick<AppointmentRow, "id" | "customerId" | "customerJson">,
  known?: CustomerRow | null,
): Recipient {
  if (!row.customerId) return recipient(`appointment:${row.id}`, fromJson(row.customerJson));
  const ref = `customer:${row.customerId}`;
  const c = known?.id === row.customerId ? fromRow(known) : customerContact(db, ref);
  return recipient(ref, c ?? fromJson(row.customerJson));
}

export function recipientOfCustomer(row: CustomerRow): Recipient {
  return recipient(`customer:${row.id}`, fromRow(row));
}

const recipient = (ref: string, c: Contact): Recipient => ({
  ref,
  name: c.name,
  channel: reachBy(c),
  locale: c.locale,
  persona: c.persona ?? null,
  consent: c.consent,
  has: { email: !!c.email, phone: !!c.phone },
});
