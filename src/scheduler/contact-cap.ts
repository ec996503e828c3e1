import { sha256Hex } from "../lib/digest.js";
import { activeBookingsOf } from "../db/repos/appointments.js";
import type { SqliteHandle } from "../db/sqlite-handle.js";
import type { Customer } from "./contracts.js";
import { DomainError } from "./errors.js";

// The cap on active future bookings per customer contact (public bookings only): one
// email or phone may hold at most N requested/confirmed appointments ahead at a dealer,
// so a script or a confused customer cannot hoard a calendar. Rows carry hashes of the
// normalized contact (indexed columns), so the check is an index lookup, never a scan
// of customer_json, and a leaked index does not list addresses in clear. Every booking
// counts under its own hashes; one whose customer has exactly the same is found through
// the customer's index instead of its own (db/repos/appointments.ts).
//
// Normalization is deliberately simple: emails are trimmed and lower-cased (no provider
// rules such as Gmail dots), phones keep their digits ("00" read as "+"). A determined
// abuser can vary contacts; the per-address rate limits are the other half of the guard.

export interface ContactHashes {
  email: string | null;
  phone: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("00") ? digits.slice(2) : digits;
}

const hashed = new WeakMap<object, { from: { email?: string | null; phone?: string | null }; hashes: ContactHashes }>();

export function contactHashes(customer: Pick<Customer, "email" | "phone">): ContactHashes {
  // One booking asks up to four times for the same request's hashes (the cap, the
  // customer match, the link, the row); SHA-256 in JS is not free, so they are kept with
  // the object for as long as it lives, checked against the values they were made from.
  const seen = hashed.get(customer);
  if (seen && seen.from.email === customer.email && seen.from.phone === customer.phone) return { ...seen.hashes };
  const email = customer.email ? normalizeEmail(customer.email) : "";
  const phone = customer.phone ? normalizePhone(customer.phone) : "";
  const hashes = {
    email: email ? sha256Hex(`pitlane-contact|email|${email}`) : null,
    phone: phone ? sha256Hex(`pitlane-contact|phone|${phone}`) : null,
  };
  rememberContactHashes(customer, hashes);
  return { ...hashes };
}

/** Hashes computed elsewhere for this customer (a worker's booking prep), kept as contactHashes keeps its own. */
export function rememberContactHashes(customer: Pick<Customer, "email" | "phone">, hashes: ContactHashes): void {
  hashed.set(customer, { from: { email: customer.email, phone: customer.phone }, hashes: { ...hashes } });
}

/** Throws too_many_bookings when the contact is at the cap. Call inside the booking transaction. */
export function enforceContactCap(
  sqlite: SqliteHandle,
  dealerId: string,
  c: ContactHashes,
  nowMinute: number,
  cap: number,
): void {
  if (!(cap > 0) || (c.email === null && c.phone === null)) return;
  if (activeBookingsOf(sqlite, dealerId, c, nowMinute) < cap) return;
  // No contact details in the message: problem bodies go to the client verbatim.
  throw new DomainError(
    "too_many_bookings",
    `this email or phone already holds ${cap} upcoming appointments at this dealer; cancel one first, or call the dealer`,
    { limit: cap },
  );
}
