import type { Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../appointments-repo.js";
import type { WriteContext } from "../context.js";
import { appointmentView } from "../present.js";
import { enqueue } from "./outbox-repo.js";
import { recipientOf, type Recipient } from "./recipients.js";
import { bringIn, mobilityIn, render, type TemplateKind, type TemplateVars } from "./templates.js";

// Writes messages into the outbox, inside the caller's transaction. A customer message
// is written only when the customer consented and can be reached; the return value says
// what happened, and the caller records it (job outcome).

export type Extra = Partial<TemplateVars>;

export function templateVars(dealer: Dealer, row: AppointmentRow, customer: string, locale: "it" | "en", extra: Extra = {}): TemplateVars {
  const v = appointmentView(dealer, row);
  return {
    dealer: dealer.config.name,
    date: v.recap.date,
    time: v.recap.time,
    reason: v.recap.reason,
    greeter: v.recap.greeter,
    parking: v.recap.parking,
    address: v.recap.address,
    vehicle: [v.vehicle.model, v.vehicle.plate].filter(Boolean).join(" "),
    mobility: mobilityIn(locale, v.recap.mobility),
    bring: bringIn(locale, v.recap.bring),
    customer,
    readyTime: `${v.readyAt.slice(0, 10)} ${v.readyAt.slice(11, 16)}`,
    ...extra,
  };
}

export interface Send {
  kind: TemplateKind;
  dedupeId: string;
  extra?: Extra;
  data?: Record<string, unknown>;
}

/** To the customer, if they consented: "sent:<channel>", else "skipped:no_consent". */
export function toCustomer(ctx: WriteContext, dealer: Dealer, row: AppointmentRow, s: Send, who: Recipient = recipientOf(ctx.db, row)): string {
  if (!who.channel) return "skipped:no_consent";
  const locale = who.locale ?? dealer.config.locale;
  const body = { ...render(s.kind, locale, templateVars(dealer, row, who.name, locale, s.extra)), data: s.data };
  enqueue(ctx.sqlite, { dealerId: dealer.id, appointmentId: row.id, kind: s.kind, audience: "customer", channel: who.channel, locale, recipientRef: who.ref, body, dedupeId: s.dedupeId }, ctx.nowMs);
  return `sent:${who.channel}`;
}

/** To staff (supervisor, the advisor, the service desk), in the dealer's locale. */
export function toStaff(ctx: WriteContext, dealer: Dealer, row: AppointmentRow, role: string, s: Send): string {
  const locale = dealer.config.locale;
  const who = recipientOf(ctx.db, row);
  const body = { ...render(s.kind, locale, templateVars(dealer, row, who.name, locale, s.extra)), data: s.data };
  enqueue(ctx.sqlite, { dealerId: dealer.id, appointmentId: row.id, kind: s.kind, audience: "staff", channel: "staff", locale, recipientRef: role, body, dedupeId: s.dedupeId }, ctx.nowMs);
  return `staff:${role}`;
}
