import { findEarlierReturn } from "../../core/earlier-return.js";
import { mobilityViolation } from "../../core/mobility.js";
import { findReturn } from "../../core/return-slot.js";
import type { Booking } from "../../core/types.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { carReadyLeadMinutes } from "../journey/timers.js";
import { rowPriority } from "../priority.js";
import type { ProgressView } from "./contracts.js";
import type { DealerRuntime } from "../runtime.js";

/** Why a car's return could not follow its new ready time (the advisor gets a task for it). */
export type ReplanConflict = ProgressView["conflicts"][number];

/** Why a car ready earlier keeps its return (said in the answer; no task: the customer's time still holds). */
export type ReturnKept = NonNullable<ProgressView["changes"][number]["returnKept"]>;

export interface FollowedReturn {
  booking: Booking;
  /** Set when the car is ready earlier and its return could not come forward. */
  kept: ReturnKept | null;
}

/**
 * The booking as re-planned, with its return following the car (updates the index):
 *
 * - Ready after its return (late): the return moves to the first free slot at or after
 *   the new ready time (findReturn: the same advisor when free). The move must keep the
 *   booking's mobility within stock (a courtesy car out longer, a delivery run in another
 *   half-day): when it would not, or no advisor is free, the return stays where it was
 *   and a conflict is reported (the advisor gets a task).
 * - Ready earlier than before (early): the return comes forward to the first slot of the
 *   SAME advisor at or after the new ready time, but never sooner than the customer can
 *   be told: now + the car-ready call's lead (1 h, 4 h for jobs over 2 days). The customer
 *   planned their day around the old time; a return sprung on them within the hour is
 *   not a favour. The courtesy car's stay shortens with it (the car is free for others
 *   from the new return's end) and the advisor's old slot is freed. Every return rule,
 *   the express reserve and the mobility are re-checked on the index without this
 *   booking, so nothing is overbooked. When no such slot exists before the current
 *   return, the return stays and `kept` says why (no task: the customer's time holds).
 *   Only a return that was following the car comes forward: one booked within the hour
 *   after the old ready time (FOLLOWING_MINUTES). A later one was agreed for its own sake
 *   (after work, the next day, a courtesy car kept till then) and stays as it is. And only
 *   when the customer can be told (`canTell`: a channel they consented to): the advisor's
 *   car-ready call names no return, and a customer who comes at the old time would find
 *   the slot given away. Otherwise it stays, and `kept` says why.
 * - Otherwise (ready later but still before its return) the return stays.
 *
 * Trap: it was late-only until the domain's "finishes early" case was read (the return
 * and the courtesy car stayed out until the old time, returnMoved false).
 */
export function followReturn(
  rt: DealerRuntime,
  row: AppointmentRow,
  b: Booking,
  before: Booking,
  now: number,
  conflicts: ReplanConflict[],
  canTell: boolean,
): FollowedReturn {
  const late = b.ret ? b.ret.start < b.readyAt : b.mobility === "courtesy_car";
  if (late) return { booking: followLate(rt, row, b, now, conflicts), kept: null };
  if (!b.ret || b.readyAt >= before.readyAt || b.ret.start >= before.readyAt + FOLLOWING_MINUTES)
    return { booking: b, kept: null };
  if (!canTell) {
    const message = `the customer has no channel to be told of an earlier return; the return booked at ${rt.dealer.format(b.ret.start)} stays`;
    return { booking: b, kept: { code: "customer_not_told", message } };
  }
  return bringForward(rt, row, b, b.ret, now);
}

/** A return booked within this long after the car's ready time was following the car (not agreed for later). */
export const FOLLOWING_MINUTES = 60;

function followLate(rt: DealerRuntime, row: AppointmentRow, b: Booking, now: number, conflicts: ReplanConflict[]) {
  const { index, dealer } = rt;
  index.remove(b.id);
  const priority = rowPriority(dealer, row);
  let placed = b;
  if (b.ret) {
    const ret = findReturn(
      index,
      b.ret.advisor,
      b.readyAt,
      b.ret.minutes,
      b.express || priority ? undefined : now,
      b.reception,
    );
    const v = ret
      ? mobilityViolation(index, b.mobility, { reception: b.reception, ret, readyAt: b.readyAt }, priority)
      : null;
    if (!ret)
      conflicts.push({
        appointmentId: b.id,
        code: "no_return_slot",
        message: "no advisor is free for the return within three weeks of the new ready time",
      });
    else if (v)
      conflicts.push({
        appointmentId: b.id,
        code: "mobility_unavailable",
        message: `the return at ${dealer.format(ret.start)} would keep the ${b.mobility.replace("_", " ")} out longer than the stock allows`,
        returnStart: dealer.format(ret.start),
      });
    else placed = { ...b, ret };
  } else if (
    mobilityViolation(index, b.mobility, { reception: b.reception, ret: null, readyAt: b.readyAt }, priority)
  ) {
    // No return booked: the car stays out until ready; report it, the index keeps the stay.
    conflicts.push({
      appointmentId: b.id,
      code: "mobility_unavailable",
      message: "the courtesy car would be out longer than the stock allows",
    });
  }
  index.add(placed);
  return placed;
}

function bringForward(
  rt: DealerRuntime,
  row: AppointmentRow,
  b: Booking,
  current: NonNullable<Booking["ret"]>,
  now: number,
): FollowedReturn {
  const { index, dealer } = rt;
  const priority = rowPriority(dealer, row);
  const notBefore = now + carReadyLeadMinutes({ receptionStart: b.reception.start, readyAt: b.readyAt });
  index.remove(b.id);
  const ret = findEarlierReturn(index, {
    current,
    readyAt: b.readyAt,
    notBefore,
    reception: b.reception,
    mobility: b.mobility,
    priority,
    now: b.express || priority ? undefined : now,
  });
  const placed = ret ? { ...b, ret } : b;
  index.add(placed);
  if (ret) return { booking: placed, kept: null };
  const lead = notBefore - now;
  return {
    booking: b,
    kept: {
      code: "no_earlier_return",
      message: `no earlier return with the same advisor fits between ${dealer.format(Math.max(b.readyAt, notBefore))} (the new ready time, and at least ${lead / 60} h from now for the customer to be told) and the return booked at ${dealer.format(current.start)}; it stays`,
    },
  };
}
