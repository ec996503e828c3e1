import type { Dealer } from "../../core/dealer.js";
import type { Movable } from "../../core/reshuffle/index.js";
import type { Db } from "../../db/sqlite-handle.js";
import { appointmentsBetween, type AppointmentRow } from "../../db/repos/appointments.js";
import { jobOfRow } from "../job.js";
import { rowPriority } from "../priority.js";
import { isUpcoming } from "../../core/status.js";

// What a planner may touch, read from storage: every appointment of the days concerned,
// with the job (durations, labour) and priority each was booked with. Requested and
// confirmed appointments may move; a checked-in one (or one whose reception is past) only
// by its return.

export interface Loaded {
  rows: Map<string, AppointmentRow>;
  movables: Map<string, Movable>;
}

export function movableOf(dealer: Dealer, row: AppointmentRow, now: number): Movable | null {
  if (!isUpcoming(row.status) && row.status !== "checked_in") return null;
  return {
    job: jobOfRow({ dealer }, row),
    priority: rowPriority(dealer, row),
    returnOnly: row.status === "checked_in" || row.receptionStart < now,
  };
}

/** Appointments of the local days from `from`'s to `to`'s (epoch minutes), as movables. */
export function loadDays(db: Db, dealer: Dealer, dealerId: string, from: number, to: number, now: number): Loaded {
  const first = dealer.day(dealer.dayOf(from)).zone.start;
  const lastDay = dealer.day(dealer.dayOf(Math.max(from, to - 1)));
  const rows = new Map<string, AppointmentRow>();
  const movables = new Map<string, Movable>();
  for (const row of appointmentsBetween(db, dealerId, first, lastDay.zone.start + lastDay.zone.length)) {
    rows.set(row.id, row);
    const m = movableOf(dealer, row, now);
    if (m) movables.set(row.id, m);
  }
  return { rows, movables };
}
