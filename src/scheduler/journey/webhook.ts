import { bytesToHex } from "@noble/hashes/utils.js";
import { hmacSha256 } from "../../lib/digest.js";
import type { Db } from "../../db/sqlite-handle.js";
import type { MessageRow } from "./outbox-repo.js";
import { customerContact } from "./recipients.js";

// The webhook request for one outbox message. The body is JSON; the dealer's receiver
// checks X-Pitlane-Signature = "sha256=" + hex(HMAC-SHA256(secret, raw body)) and
// dedupes on X-Pitlane-Delivery, which is the same on every retry of the message.

export const SIGNATURE_HEADER = "X-Pitlane-Signature";
export const DELIVERY_HEADER = "X-Pitlane-Delivery";

export function signature(secret: string, body: string): string {
  return `sha256=${bytesToHex(hmacSha256(secret, body))}`;
}

export interface WebhookPayload {
  id: string;
  type: string;
  dealerId: string;
  appointmentId: string | null;
  audience: string;
  channel: string;
  locale: string;
  /** Customer messages: the address for the chosen channel, read at delivery time. Staff: the role. */
  to: { name?: string; email?: string; phone?: string; role?: string };
  subject: string;
  text: string;
  data?: Record<string, unknown>;
  createdAt: string;
}

export function payloadOf(db: Db, m: MessageRow): WebhookPayload | null {
  let to: WebhookPayload["to"];
  if (m.audience === "customer") {
    const c = m.recipientRef ? customerContact(db, m.recipientRef) : null;
    const address = m.channel === "email" ? c?.email : c?.phone;
    if (!c || !address) return null; // the contact is gone: nothing to deliver to
    to = m.channel === "email" ? { name: c.name, email: address } : { name: c.name, phone: address };
  } else {
    to = { role: m.recipientRef ?? "service_desk" };
  }
  return {
    id: m.id, type: m.kind, dealerId: m.dealerId, appointmentId: m.appointmentId, audience: m.audience, channel: m.channel, locale: m.locale,
    to, subject: m.body.subject, text: m.body.text, data: m.body.data, createdAt: m.createdAt,
  };
}

export function webhookRequest(secret: string, p: WebhookPayload): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(p);
  return { body, headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signature(secret, body), [DELIVERY_HEADER]: p.id } };
}
