import { usesLegacySecret, webhookSigningKey } from "../../core/webhook-secret.js";
import type { Db } from "../../db/sqlite-handle.js";
import type { MessageRow } from "../../db/repos/outbox.js";
import { customerContact } from "./recipients.js";
import { legacySignature, standardSignature } from "./webhook-signature.js";

// The webhook request for one outbox message, signed per the Standard Webhooks spec
// (standardwebhooks.com): `webhook-id` (the message id: the same on every retry, so the
// receiver dedupes on it), `webhook-timestamp` (this attempt, Unix seconds) and
// `webhook-signature` = "v1," + base64(HMAC-SHA256(key, id.timestamp.body)), key = the
// bytes of the dealer's `whsec_` secret. A receiver verifies with
// `new Webhook(secret).verify(body, headers)` and so refuses replays older than its
// tolerance (5 minutes in the reference libraries).
//
// Transition: a dealer still configured with a pre-whsec secret (any other string) also
// gets today's X-Pitlane-Signature / X-Pitlane-Delivery, so existing receivers keep
// working until the dealer switches to a whsec_ secret (README: "Webhooks").

export const LEGACY_SIGNATURE_HEADER = "X-Pitlane-Signature";
export const LEGACY_DELIVERY_HEADER = "X-Pitlane-Delivery";

export interface WebhookPayload {
  id: string;
  type: string;
  dealerId: string;
  /** null for a notice about several bookings (a group's supervisor_notice: data.bookings names them). */
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
    id: m.id,
    type: m.kind,
    dealerId: m.dealerId,
    appointmentId: m.appointmentId,
    audience: m.audience,
    channel: m.channel,
    locale: m.locale,
    to,
    subject: m.body.subject,
    text: m.body.text,
    data: m.body.data,
    createdAt: m.createdAt,
  };
}

/** One attempt's request; `timestampSec` is the attempt's wall-clock time (Unix seconds). */
export function webhookRequest(
  secret: string,
  p: WebhookPayload,
  timestampSec: number,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(p);
  const key = webhookSigningKey(secret);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "webhook-id": p.id,
    "webhook-timestamp": String(timestampSec),
    "webhook-signature": standardSignature(key, p.id, timestampSec, body),
  };
  if (usesLegacySecret(secret)) {
    headers[LEGACY_SIGNATURE_HEADER] = legacySignature(key, body);
    headers[LEGACY_DELIVERY_HEADER] = p.id;
  }
  return { body, headers };
}
