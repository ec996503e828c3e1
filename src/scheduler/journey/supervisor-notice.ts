import type { Dealer } from "../../core/dealer.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import type { AppointmentView } from "../contracts.js";
import { toStaff } from "./messages.js";
import type { Recipient } from "./recipients.js";

// The supervisor hears of every booking at once, with the labour it holds per skill.
// Written by the booking itself, inside its transaction (hooks.ts onBooked; after the last
// booking of its group, db/tx.ts afterGroupWrites): it used to be
// a job due "now", which the runner then claimed, read the appointment and its customer
// back for, wrote and finished, four statements per booking and a twentieth of its CPU
// (issue 17). The runner still runs the jobs written before that change (handlers.ts),
// under the same dedupe id, so no booking's notice goes out twice or not at all.

const supervisorNoticeId = (appointmentId: string) => `job:supervisor_notice:${appointmentId}`;

/** `view`: the row's view, when the caller built it already (the booking's answer). */
export function noticeSupervisor(
  ctx: WriteContext,
  dealer: Dealer,
  row: AppointmentRow,
  who?: Recipient,
  view?: AppointmentView,
): string {
  const labour = JSON.parse(row.labourJson) as Array<{ skill: number; minutes: number }>;
  const labourHours = Object.fromEntries(
    dealer.skills.map((s, i) => [s, labour.filter((l) => l.skill === i).reduce((a, l) => a + l.minutes, 0) / 60]),
  );
  return toStaff(
    ctx,
    dealer,
    row,
    "supervisor",
    { kind: "supervisor_notice", dedupeId: supervisorNoticeId(row.id), data: { labourHours }, view },
    who,
  );
}
