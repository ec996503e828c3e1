import type { Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { enqueue } from "../../db/repos/outbox.js";
import { afterGroupWritesBatched } from "../../db/follow-ups.js";
import type { WriteContext } from "../context.js";
import type { AppointmentView } from "../contracts.js";
import { staffBody, toStaff } from "./messages.js";
import type { Recipient } from "./recipients.js";
import { groupSubject } from "./supervisor-words.js";
import { minutesBySkill } from "../labour-json.js";

// The supervisor hears of every booking the moment it is stored, with the labour it holds
// per skill (domain: "tell the workshop supervisor the same day a booking is made, so a
// bay is held"). Written by the booking itself, inside its transaction: it used to be a
// job due "now", which the runner then claimed, read back and finished, four statements
// per booking (issue 17). The runner still runs the jobs written before that change
// (handlers.ts), under the same dedupe id, so no booking's notice goes out twice or not at all.
//
// The bookings of one group commit (db/group-commit.ts) are told in ONE notice, a line
// each: in a recall campaign's storm the supervisor reads a dozen bookings in one message,
// not a dozen messages, and the writer stores, claims and records one row, not a dozen
// (its verb alone 0.94–0.97× of the CPU a booking in bench/write-verb.ts, which has no
// ticks: the claims and records saved are the cluster's). A booking alone in its group (every
// booking at a normal pace, the Worker's) gets the notice it always had.

const supervisorNoticeId = (appointmentId: string) => `job:supervisor_notice:${appointmentId}`;

export interface Booked {
  ctx: WriteContext;
  dealer: Dealer;
  row: AppointmentRow;
  who: Recipient;
  /** The row's view, when the caller built it already (the booking's answer). */
  view?: AppointmentView;
}

/** Hours of labour per skill of the dealer: { mechanics: 1.5, bodywork: 0, … }. */
function labourHours(dealer: Dealer, row: AppointmentRow): Record<string, number> {
  // By name (labour-json.ts): a row stored under another order of the skills counts right.
  const minutes = minutesBySkill(dealer, row.labourJson);
  return Object.fromEntries(dealer.skills.map((s, i) => [s, minutes[i] / 60]));
}

/** Per skill, the sum of the bookings' hours. */
function summed(each: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const hours of each) for (const [skill, h] of Object.entries(hours)) out[skill] = (out[skill] ?? 0) + h;
  return out;
}

/** The notice of one booking. */
export function noticeSupervisor(b: Booked): string {
  const data = { labourHours: labourHours(b.dealer, b.row) };
  const send = { kind: "supervisor_notice", dedupeId: supervisorNoticeId(b.row.id), data, view: b.view } as const;
  return toStaff(b.ctx, b.dealer, b.row, "supervisor", send, b.who);
}

/** The booking's notice: after its group's last write, with the group's other bookings of this dealer. */
export function noticeSupervisorWithGroup(b: Booked): void {
  afterGroupWritesBatched(b.ctx.sqlite, `supervisor_notice:${b.dealer.id}`, b, noticeAll);
}

function noticeAll(group: Booked[]): void {
  if (group.length === 1) {
    noticeSupervisor(group[0]);
    return;
  }
  // In the dealer's locale and configuration as of the group's last booking.
  const { ctx, dealer } = group[group.length - 1];
  const bookings = group.map((b) => {
    const hours = labourHours(b.dealer, b.row);
    const one = staffBody(b.ctx, b.dealer, b.row, { kind: "supervisor_notice", dedupeId: "", view: b.view }, b.who);
    return { appointmentId: b.row.id, text: one.text, labourHours: hours };
  });
  enqueue(
    ctx.sqlite,
    {
      dealerId: dealer.id,
      appointmentId: null, // a line each in data.bookings
      kind: "supervisor_notice",
      audience: "staff",
      channel: "staff",
      locale: dealer.config.locale,
      recipientRef: "supervisor",
      body: {
        subject: groupSubject(dealer.config.locale, group.length),
        text: bookings.map((b) => b.text).join("\n"),
        data: { labourHours: summed(bookings.map((b) => b.labourHours)), bookings },
      },
      // Every booking is in one group only: the first one's id names the group's notice.
      dedupeId: `supervisor_notice:group:${group[0].row.id}`,
    },
    ctx.nowMs,
  );
}
