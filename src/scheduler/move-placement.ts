import { checkStayOverCaps, movedExpress } from "../core/cap-override.js";
import { CAP_CODES } from "../core/caps.js";
import { mobilityViolation } from "../core/mobility.js";
import { ALTERNATIVE_CANDIDATES, acceptedAlternatives } from "../core/reshuffle/accepted.js";
import { nearestOptions } from "../core/reshuffle/alternatives.js";
import { ruleViolation } from "../core/rule-messages.js";
import { checkReturn } from "../core/rules.js";
import type { StayRequest } from "../core/stay.js";
import type { AdvisorSlot, Booking, Job, LabourPlan, Mobility, Option, Violation } from "../core/types.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import type { DealerRuntime } from "./runtime.js";

// Where an advisor's move (or the customer's reschedule) would put an appointment, checked
// as the move checks it, for the time it asked for and for each alternative it is offered
// when refused: one check, so a refusal never proposes a time the same request would
// refuse (a priority vehicle's express option outside what the move treats as express,
// an express option past the buffer caps without force). The appointment must be off the index.

/** The appointment being moved and what the request says, its input already read. */
export interface MoveSubject {
  rt: DealerRuntime;
  row: AppointmentRow;
  /** Its placement as it stands (off the index now); null when the row has none. */
  current: Booking | null;
  job: Job;
  priority: boolean;
  /** Epoch minute of now. */
  now: number;
  force: boolean;
  /** The request's explicit return, read: undefined fields fall back as the move says. */
  explicitReturn: { start?: number; advisor?: number; minutes?: number } | null;
  /** The customer's reschedule: the first free return at the new ready time, never the old one (unless the reception stays). */
  freshReturn: boolean;
}

export interface MovePlacement {
  reception: AdvisorSlot;
  ret: AdvisorSlot | null;
  plan: LabourPlan;
  express: boolean;
  forced: boolean;
  overridden: Violation[];
}

/** Refused at the stay (reception, workshop, mobility: alternatives help) or at the explicit return. */
export interface MoveRefusal {
  refused: "stay" | "return";
  violations: Violation[];
}

/** The move's placement for a reception at (advisor, start), or why it refuses it. */
export function placeMove(s: MoveSubject, advisor: number, start: number): MovePlacement | MoveRefusal {
  const { rt, row, current, job } = s;
  const { dealer, index } = rt;
  // Express only inside the express window, as for every move (core/cap-override.ts).
  const express = movedExpress(index, row.express, start, s.now);
  const base: StayRequest = {
    advisor,
    start,
    minutes: job.receptionMinutes,
    job,
    now: s.now,
    express,
    priority: s.priority,
  };
  // The return: kept while it still fits when the reception stays on its day (an
  // advisor's nudge keeps the collection agreed); a reception moved to another day
  // (Monday to Saturday: the car is not collected at Monday's old time) and the
  // customer's own reschedule (the return the chosen option showed) get the first
  // free return at or after the new ready time, as a re-plan moves it. A customer's
  // "reschedule" to the reception they already have moves nothing: it keeps its return
  // too (else the same slot came back with another return, and a message).
  const sameDay = dealer.dayOf(start) === dealer.dayOf(row.receptionStart);
  const stays = current !== null && current.reception.advisor === advisor && current.reception.start === start;
  const fresh = s.freshReturn && !stays;
  const retHint = s.explicitReturn || fresh || !sameDay ? null : (current?.ret ?? null);
  const chk = checkStayOverCaps(index, base, retHint, s.force);
  if (!chk.stay) {
    const blocking = chk.violations.filter((v) => !(s.force && CAP_CODES.has(v.code)));
    return { refused: "stay", violations: blocking.length ? blocking : chk.violations };
  }
  const plan = chk.stay.plan;
  const reception: AdvisorSlot = { advisor, start, minutes: job.receptionMinutes };
  let ret: AdvisorSlot | null = chk.stay.ret;
  const r = s.explicitReturn;
  if (r) {
    ret = {
      advisor: r.advisor ?? current?.ret?.advisor ?? advisor,
      start: r.start ?? current?.ret?.start ?? plan.readyAt,
      minutes: r.minutes ?? current?.ret?.minutes ?? job.returnMinutes,
    };
    const rv = checkReturn(index, ret, plan.readyAt);
    const mv = mobilityViolation(index, job.mobility, { reception, ret, readyAt: plan.readyAt }, s.priority);
    if (mv) rv.push(ruleViolation(dealer, mv, reception, null));
    if (rv.length) return { refused: "return", violations: rv };
  }
  return { reception, ret, plan, express, forced: chk.forced, overridden: chk.overridden };
}

export const isRefusal = (p: MovePlacement | MoveRefusal): p is MoveRefusal => "refused" in p;

/**
 * The nearest times the same request would be accepted at, around `target`, ranked as the
 * search ranks its options (quiet first, then earliest); each as the move would place it
 * (its return, ready time and express flag), never where the appointment stands now.
 */
export function moveAlternatives(s: MoveSubject, target: number): Option[] {
  const { current } = s;
  if (!current) return [];
  const candidates = nearestOptions(
    s.rt.index,
    current,
    { job: s.job, priority: s.priority },
    target,
    ALTERNATIVE_CANDIDATES,
    s.now,
  );
  return acceptedAlternatives(candidates, current.reception, (o) => {
    const p = placeMove(s, o.reception.advisor, o.reception.start);
    if (isRefusal(p)) return null;
    return {
      reception: p.reception,
      ret: p.ret,
      readyAt: p.plan.readyAt,
      labour: p.plan.labour,
      quiet: o.quiet,
      express: p.express,
      overridesCaps: p.forced || undefined,
      mobility: s.row.mobility as Mobility,
    };
  });
}
