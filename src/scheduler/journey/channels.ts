import type { Dealer } from "../../core/dealer.js";
import type { CustomerKind, Transport } from "../../core/dealer-config/messaging.js";
import type { WriteContext } from "../context.js";
import { compose, LINKED_KINDS } from "./compose.js";
import { mintManageLink } from "./manage-links.js";
import { enqueue, type MessageChannel } from "../../db/repos/outbox.js";
import type { Recipient } from "./recipients.js";
import { nextWindowOpen } from "./sms-window.js";
import type { TemplateVars } from "./templates.js";

// A customer message into the outbox, once per transport the dealer chose for its kind
// (messaging.channels). Default: the webhook when the dealer has one (exactly today's
// behaviour: one row, the customer's channel in the payload), else the customer's own
// channel by email or SMS. Runs inside the cause's transaction. A message that may not
// go (no consent, no address for that transport) is still written, as suppressed, so
// staff see why nobody was told; STOP is checked at delivery, when it is current.

/** A customer message's dedupe id on one transport: the webhook keeps the id it always had; other transports get their own. */
export const transportDedupeId = (dedupeId: string, t: Transport): string =>
  t === "webhook" ? dedupeId : `${dedupeId}:${t}`;

export interface CustomerMessage {
  kind: CustomerKind;
  dedupeId: string;
  appointmentId: string | null;
  vars: TemplateVars;
  data?: Record<string, unknown>;
}

export function transportsFor(dealer: Dealer, kind: CustomerKind, who: Recipient): readonly Transport[] {
  const chosen = dealer.config.messaging.channels[kind];
  if (chosen) return [...new Set(chosen)];
  if (dealer.config.webhook) return ["webhook"];
  return who.channel === "email" || who.channel === "sms" ? [who.channel] : ["webhook"];
}

function suppression(t: Transport, who: Recipient): string | undefined {
  if (!who.consent) return "consent";
  if (t === "email") return who.has.email ? undefined : "no_address";
  if (t === "sms") return who.has.phone ? undefined : "no_address";
  return who.channel ? undefined : "no_address";
}

/** "sent:<channel>[,<channel>]" when something is on its way, else "skipped:<reason>". */
export function sendToCustomer(ctx: WriteContext, dealer: Dealer, who: Recipient, m: CustomerMessage): string {
  const locale = who.locale ?? dealer.config.locale;
  const messaging = dealer.config.messaging;
  const linked = LINKED_KINDS.has(m.kind) && m.appointmentId !== null;
  const composed = compose(m.kind, locale, m.vars, { persona: who.persona, messaging, link: linked });
  const at = new Date(ctx.nowMs).toISOString();
  const sent: string[] = [];
  let token: string | undefined;
  let skipped = "";
  for (const t of transportsFor(dealer, m.kind, who)) {
    const suppressed = suppression(t, who);
    const channel: MessageChannel = t === "webhook" ? (who.channel ?? (who.has.phone ? "sms" : "email")) : t;
    if (!suppressed && linked) token ??= mintManageLink(ctx.sqlite, dealer.id, m.appointmentId!, at);
    const notBefore =
      t === "sms" && !suppressed ? nextWindowOpen(ctx.nowMs, dealer.tz, messaging.sms.window) : undefined;
    enqueue(
      ctx.sqlite,
      {
        dealerId: dealer.id,
        appointmentId: m.appointmentId,
        kind: m.kind,
        audience: "customer",
        channel,
        locale,
        recipientRef: who.ref,
        body: { ...composed, ...(suppressed ? {} : { manageToken: token }), data: m.data },
        dedupeId: transportDedupeId(m.dedupeId, t),
        transport: t,
        suppressed,
        notBefore,
        reason: notBefore !== undefined && notBefore > ctx.nowMs ? "window" : undefined,
      },
      ctx.nowMs,
    );
    if (suppressed) skipped ||= suppressed;
    else sent.push(channel);
  }
  if (sent.length) return `sent:${[...new Set(sent)].join(",")}`;
  return skipped === "consent" ? "skipped:no_consent" : `skipped:${skipped}`;
}
