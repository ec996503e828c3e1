import type { AdvisorSlot, Booking, Job, Option, RuleCode, Violation } from "../types.js";

// The integer world of a reshuffle plan: which appointments move where, and which
// customers must be called because nothing within the rules could hold them.

/** What the planner knows of an appointment it may touch. */
export interface Movable {
  job: Job;
  /** A priority vehicle: may take the courtesy cars held for priority vehicles. */
  priority: boolean;
  /** The car is already in (checked in, or the reception is past): only the return may move. */
  returnOnly?: boolean;
}

export interface ReplanContext {
  /** Epoch minute. Staff reshuffles need no notice, but nothing is placed before now. */
  now: number;
  /** Appointments the planner may touch, by id; every other booking stays where it is. */
  movables: Map<string, Movable>;
}

export interface PlanMove {
  id: string;
  from: Booking;
  to: Booking;
  /** The reception starts at another time. */
  timeChanged: boolean;
  returnTimeChanged: boolean;
  /** The reception or the return is with another advisor. */
  advisorChanged: boolean;
  /** A time the customer was told changed: tell them. */
  notifyCustomer: boolean;
  /** Placed past the buffer caps (an advisor's decision, audited). */
  forced: boolean;
  /** The rules a forced move goes past. */
  overridden: RuleCode[];
}

export interface PlanContact {
  id: string;
  from: Booking;
  reason: string;
  violations: Violation[];
  /**
   * The time the call's options are sought near (the reception it could not keep); null
   * when the call offers none (the car is already in; only its return is to be agreed).
   */
  near: number | null;
  /**
   * Alternatives to propose on the phone (two when they exist): times the appointment's
   * move alone is accepted at once the plan is applied (alone.ts; filled in by settle.ts).
   */
  options: Option[];
}

export interface CorePlan {
  moves: PlanMove[];
  contact: PlanContact[];
}

/** Why a requested reshuffle cannot be planned: each broken rule, and what would work instead. */
export interface Refusal {
  refused: true;
  failures: Array<{ id: string | null; violations: Violation[]; options: Option[] }>;
}

export function isRefusal<T>(r: T | Refusal): r is Refusal {
  return (r as Refusal).refused === true;
}

/** Where a move puts an appointment; the checker decides labour and ready time. */
export interface MoveTarget {
  id: string;
  reception: AdvisorSlot;
  /** null: let the checker pick the first free return. */
  ret: AdvisorSlot | null;
  /** The advisor allows going past the buffer caps. */
  forced: boolean;
}

/** The disruption of a plan, in the order it is minimised. */
export interface PlanCost {
  timeChanges: number;
  shiftMinutes: number;
  advisorChanges: number;
}

export function planCost(plan: CorePlan): PlanCost {
  let timeChanges = 0;
  let shiftMinutes = 0;
  let advisorChanges = 0;
  for (const m of plan.moves) {
    if (m.timeChanged) timeChanges++;
    shiftMinutes += Math.abs(m.to.reception.start - m.from.reception.start);
    if (m.advisorChanged) advisorChanges++;
  }
  return { timeChanges, shiftMinutes, advisorChanges };
}
