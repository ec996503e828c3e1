import { reasonIn, reasonInText } from "../../core/intervention-labels.js";
import type { Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { appointmentView } from "../present.js";
import type { AppointmentView } from "../contracts.js";
import type { CustomerKind } from "../../core/dealer-config/messaging.js";
import { sendToCustomer } from "./channels.js";
import { enqueue } from "../../db/repos/outbox.js";
import { recipientOf, type Recipient } from "./recipients.js";
import { bringIn, mobilityIn } from "../../core/visit-words.js";
import { render, type TemplateKind, type TemplateVars } from "./templates.js";
import { type Audience, timeVars, todayOf } from "./when-words.js";
import { whenInWords } from "../../core/date-words.js";
import type { Locale } from "../../core/dealer-config/locale.js";

// Writes messages into the outbox, inside the caller's transaction. A customer message
// is written only when the customer consented and can be reached; the return value says
// what happened, and the caller records it (job outcome).

export type Extra = Partial<TemplateVars>;

/**
 * The message's variables; its times in words for a customer, short for staff
 * (when-words.ts), each with its year when far from the day the message is written
 * (`nowMs`, the shell's clock).
 */
export function templateVars(
  dealer: Dealer,
  row: AppointmentRow,
  customer: string,
  locale: "it" | "en",
  audience: Audience,
  nowMs: number,
  extra: Extra = {},
  view?: AppointmentView,
): TemplateVars {
  const v = view ?? appointmentView(dealer, row);
  const at = { date: v.recap.date, time: v.recap.time, readyAt: v.readyAt, returnAt: v.return?.start };
  // Who hands the car back, and how: a customer's words only (no staff template prints
  // them), so the staff messages on the booking path (the supervisor's notice) skip them.
  const returnBy = audience === "customer" ? v.return?.advisorId : undefined;
  return {
    dealer: dealer.config.name,
    dealerPhone: dealer.config.phone,
    ...v.recap,
    ...timeVars(audience, locale, at, todayOf(dealer, nowMs)),
    ...(returnBy === undefined
      ? {}
      : { returnGreeter: dealer.config.advisors.find((a) => a.id === returnBy)?.name ?? returnBy }),
    ...(audience === "customer" && v.mobility === "pickup_delivery" ? { returnDelivered: "yes" } : {}),
    reason: reasonIn(v, locale), // a default service's name in Italian for an Italian reader
    service: reasonInText(v, locale), // "per la manutenzione"
    vehicle: [v.vehicle.model, v.vehicle.plate].filter(Boolean).join(" "),
    mobility: mobilityIn(locale, v.recap.mobility),
    bring: bringIn(locale, v.recap.bring),
    customer,
    ...extra,
  };
}

export interface Send {
  kind: TemplateKind;
  dedupeId: string;
  extra?: Extra;
  /** A move's appointment as it was: what the customer is told moved (movedVars). */
  before?: AppointmentRow;
  data?: Record<string, unknown>;
  /**
   * The row's view when the caller has built it already (a booking's answer): not built
   * twice (issue 17). Trap: that view carries the customer's manage token; templateVars
   * reads named fields of it only, and must never spread it into a message's variables.
   */
  view?: AppointmentView;
}

/**
 * To the customer, on the transports the dealer chose for this kind (channels.ts):
 * "sent:<channel>" when something is on its way, else "skipped:no_consent" (the row is
 * kept as suppressed, so staff see it).
 */
export function toCustomer(
  ctx: WriteContext,
  dealer: Dealer,
  row: AppointmentRow,
  s: Send & { kind: CustomerKind },
  who: Recipient = recipientOf(ctx.db, row),
): string {
  const locale = who.locale ?? dealer.config.locale;
  const extra = s.before ? { ...movedVars(dealer, s.before, row, locale, ctx.nowMs), ...s.extra } : s.extra;
  return sendToCustomer(ctx, dealer, who, {
    kind: s.kind,
    dedupeId: s.dedupeId,
    appointmentId: row.id,
    vars: templateVars(dealer, row, who.name, locale, "customer", ctx.nowMs, extra),
    data: s.data,
  });
}

/** To staff (supervisor, the advisor, the service desk), in the dealer's locale. */
export function toStaff(
  ctx: WriteContext,
  dealer: Dealer,
  row: AppointmentRow,
  role: string,
  s: Send,
  who: Recipient = recipientOf(ctx.db, row),
): string {
  const locale = dealer.config.locale;
  const body = staffBody(ctx, dealer, row, s, who);
  enqueue(
    ctx.sqlite,
    {
      dealerId: dealer.id,
      appointmentId: row.id,
      kind: s.kind,
      audience: "staff",
      channel: "staff",
      locale,
      recipientRef: role,
      body,
      dedupeId: s.dedupeId,
    },
    ctx.nowMs,
  );
  return `staff:${role}`;
}

/** A staff message's subject, text and data, in the dealer's locale (toStaff, and the supervisor's notice of a group). */
export function staffBody(ctx: WriteContext, dealer: Dealer, row: AppointmentRow, s: Send, who: Recipient) {
  const locale = dealer.config.locale;
  return {
    ...render(s.kind, locale, templateVars(dealer, row, who.name, locale, "staff", ctx.nowMs, s.extra, s.view)),
    data: s.data,
  };
}

/**
 * What a move changed, for the customer's appointment_moved: the reception's previous
 * time in words, or, when the reception stayed where it was, that only the return moved
 * (the message then leads with the new hand-back, not an unchanged "now on …").
 */
function movedVars(
  dealer: Dealer,
  before: AppointmentRow,
  after: AppointmentRow,
  locale: Locale,
  nowMs: number,
): Extra {
  if (before.receptionStart === after.receptionStart) {
    if (before.returnStart !== after.returnStart) return { movedPart: "return" };
    const handBack = before.advisorId === after.advisorId && before.returnAdvisorId !== after.returnAdvisorId;
    return { movedPart: handBack ? "handBack" : "greeter" };
  }
  const was = dealer.format(before.receptionStart);
  return { previousWhen: whenInWords(locale, was.slice(0, 10), was.slice(11, 16), todayOf(dealer, nowMs)) };
}
