import { unconfirmedSince } from "../../db/repos/appointments.js";
import { appointmentRefs } from "./appointment-ref.js";
import { notFound } from "../errors.js";
import type { MessageList, OverdueList } from "./contracts.js";
import { listMessages, type MessageFilter } from "../../db/repos/outbox.js";
import { ONLINE_CHANNELS } from "../../core/status.js";
import { DAY, MINUTE } from "./timers.js";
import type { Ctx } from "../context.js";

// Read models for staff: the outbox with delivery states (contact tracking), and the
// online requests still unconfirmed 24 hours after they were made.

const DELIVERY = {
  pending: "queued",
  delivered: "sent",
  failed: "failed",
  suppressed: "suppressed",
  withdrawn: "withdrawn",
} as const;

export function messagesOf(ctx: Ctx, input: { dealerId: string; query: MessageFilter }): MessageList {
  const { sqlite, runtimes } = ctx;
  const { dealerId, query: f } = input;
  const rt = runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  // The appointment each message is about, as the desk knows it (a no-show task names
  // whom to call and when, on any day); at most `limit` (500) primary-key reads.
  const appointmentOf = appointmentRefs(ctx.db, rt.dealer, dealerId);
  return {
    dealerId,
    messages: listMessages(sqlite, dealerId, f).map((m) => ({
      id: m.id,
      kind: m.kind,
      audience: m.audience,
      channel: m.channel,
      locale: m.locale,
      appointmentId: m.appointmentId,
      recipient: m.recipientRef,
      subject: m.body.subject,
      status: m.status,
      transport: m.transport,
      delivery: DELIVERY[m.status],
      reason: m.status === "suppressed" ? m.stateReason : (m.lastError ?? m.stateReason),
      attempts: m.attempts,
      nextAttemptAt: m.status === "pending" ? new Date(m.nextAttemptAt).toISOString() : null,
      lastError: m.lastError,
      createdAt: m.createdAt,
      deliveredAt: m.deliveredAt,
      bookings: bookingsOf(m.body.data),
      appointment: appointmentOf(m.appointmentId),
    })),
  };
}

/** The appointment ids a group's notice names (supervisor-notice.ts data.bookings), else null. */
function bookingsOf(data: Record<string, unknown> | undefined): string[] | null {
  const list = data?.bookings;
  return Array.isArray(list) ? list.map((b) => String((b as { appointmentId: unknown }).appointmentId)) : null;
}

export function overdueRequests(ctx: Ctx, { dealerId }: { dealerId: string }): OverdueList {
  const { sqlite, runtimes, nowMs } = ctx;
  const rt = runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const cutoff = new Date(nowMs - DAY).toISOString();
  const rows = unconfirmedSince(sqlite, dealerId, cutoff, ONLINE_CHANNELS);
  return {
    dealerId,
    appointments: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      requestedAt: r.created_at,
      dueBy: new Date(Date.parse(r.created_at) + DAY).toISOString(),
      overdueMinutes: Math.floor((nowMs - Date.parse(r.created_at) - DAY) / MINUTE),
      reception: rt.dealer.format(r.reception_start),
    })),
  };
}
