import { isOnlineChannel } from "../../core/status.js";
import type { JobKind } from "../../db/repos/jobs.js";
import type { Dealer } from "../../core/dealer.js";
import { openMinutesBefore } from "../../core/desk-time.js";

// When each promise falls due: pure arithmetic on epoch milliseconds, derived from the
// appointment's epoch minutes. "24 hours before" is 24 elapsed hours whatever the clocks
// on the wall do in between, so the instants are DST-safe by construction.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Placement {
  id: string;
  /** Epoch minutes. */
  receptionStart: number;
  readyAt: number;
  /** The appointment's status: the car-ready call is only timed for a car in the workshop. */
  status: string;
}

export interface Timer {
  kind: JobKind;
  dueAt: number;
  dedupeKey: string;
}

/**
 * How long before the ready time the customer is called (minutes): 1 hour for jobs up to
 * 2 days, 4 hours for longer ones. Also the least notice a return brought forward gets
 * (progress/follow-return.ts): the customer hears of it no later than the call would be.
 */
export function carReadyLeadMinutes(p: Pick<Placement, "receptionStart" | "readyAt">): number {
  return p.readyAt - p.receptionStart > 2 * 1440 ? 240 : 60;
}

/**
 * The car-ready call's instant (epoch ms): carReadyLeadMinutes before the ready time, in
 * the dealer's opening hours (core/desk-time.ts). Trap: counted in elapsed minutes, a long
 * job ready at 09:30 was called at 05:30.
 */
export function carReadyAt(p: Placement, dealer: Dealer): number {
  const lead = carReadyLeadMinutes(p);
  // The hour's call of a short job on the ready day (its car may be checked in the evening
  // before, after that evening's last hour); a long job's 4 hours may start the day before.
  return openMinutesBefore(dealer, p.readyAt, lead, lead <= 60) * MINUTE;
}

/**
 * A placement timer under its key. The due instant is part of the key: moving away and
 * back revives the same timer (a reminder already sent for that instant is not sent twice).
 */
const placed = (kind: JobKind, id: string, dueAt: number): Timer => ({
  kind,
  dueAt,
  dedupeKey: `${kind}:${id}:${dueAt}`,
});

/**
 * The timers that follow the appointment's placement: a move cancels and re-derives them.
 * The car-ready call only once the car is in (checked_in): before that it could only ever
 * be skipped (decide.ts), and a booking that wrote it anyway paid a row and a random leaf
 * of the due-time index for nothing (issue 17). Check-in schedules it (schedule.ts
 * scheduleWorkshopTimers).
 */
export function placementTimers(p: Placement, consent: boolean, nowMs: number, dealer: () => Dealer): Timer[] {
  const start = p.receptionStart * MINUTE;
  const out: Timer[] = [];
  // Only with consent; and a booking made less than 24 h ahead gets no reminder at all.
  if (consent && start - DAY > nowMs) out.push(placed("reminder", p.id, start - DAY));
  out.push(noShowTimer(p.id, p.receptionStart));
  // The dealer only then (a getter): a new booking, the hot path, never needs it.
  if (p.status === "checked_in") out.push(carReadyTimer(p, dealer()));
  return out;
}

/** The car-ready call of this placement, under the key every path schedules it by. */
export function carReadyTimer(p: Placement, dealer: Dealer): Timer {
  return placed("car_ready", p.id, carReadyAt(p, dealer));
}

export const NO_SHOW_AFTER = 30 * MINUTE;

/** The no-show check: NO_SHOW_AFTER the reception's start (epoch minutes). */
export const noShowTimer = (id: string, receptionStart: number): Timer =>
  placed("no_show_check", id, receptionStart * MINUTE + NO_SHOW_AFTER);

/** An online request's alert: still unconfirmed 24 hours after it was made (epoch ms). */
export const confirmOverdueTimer = (id: string, createdMs: number): Timer => ({
  kind: "confirm_overdue",
  dueAt: createdMs + DAY,
  dedupeKey: `confirm_overdue:${id}`,
});

export const PLACEMENT_KINDS: readonly JobKind[] = ["reminder", "no_show_check", "car_ready"];

/** Everything a new booking promises. */
export function bookingTimers(
  p: Placement & { channel: string | null; createdMs: number },
  consent: boolean,
  nowMs: number,
  dealer: () => Dealer,
): Timer[] {
  // The supervisor's notice is no timer: the booking sends it itself (supervisor-notice.ts).
  const out: Timer[] = [];
  // Requests the customer made themselves: the dealer must confirm them within 24 hours.
  if (isOnlineChannel(p.channel)) out.push(confirmOverdueTimer(p.id, p.createdMs));
  return [...out, ...placementTimers(p, consent, nowMs, dealer)];
}

export const followUpTimer = (id: string, completedMs: number): Timer => ({
  kind: "follow_up",
  dueAt: completedMs + 2 * DAY,
  dedupeKey: `follow_up:${id}`,
});

/** Lead time of the service reminder: 4 weeks before the due date (so 3-4 weeks ahead). */
export const SERVICE_REMINDER_LEAD_DAYS = 28;
