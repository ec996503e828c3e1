import type { CapacityIndex } from "../capacity-index.js";
import { mobilityViolation } from "../mobility.js";
import { ruleViolation } from "../rule-messages.js";
import { checkReturn } from "../rules.js";
import { checkStay, type StayCheck } from "../stay.js";
import type { AdvisorSlot, Booking, RuleCode, Violation } from "../types.js";
import { describeMove } from "./plan-builder.js";
import { isCap, staffRequest, stayBooking } from "./placement.js";
import type { MoveTarget, PlanMove, ReplanContext } from "./types.js";

// Applying a plan to the index, all or nothing: every moved booking comes off the index
// (of the contact list, only the advisor slots), then each move is re-checked by THE
// checker in collect-all mode and placed, in order. On any broken rule the index is put
// back exactly as it was and every failure is reported; on success the index holds the
// plan (the caller may revert and replay it around its storage transaction). A moved stay
// is express as a move is (placement.ts staffRequest: booked express and inside the window),
// and placed with that flag: the index's express counters, the row and the audit follow it.

export type ApplyResult =
  | { ok: true; moves: PlanMove[] }
  | {
      ok: false;
      failures: Array<{ id: string; violations: Violation[] }>;
      /** The moves that passed, as placed before the index was put back (not on it). */
      moves: PlanMove[];
    };

function sameSlot(a: AdvisorSlot | null, b: AdvisorSlot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.advisor === b.advisor && a.start === b.start && a.minutes === b.minutes;
}

function returnOnly(index: CapacityIndex, ctx: ReplanContext, from: Booking, ret: AdvisorSlot): Violation[] {
  const vs = checkReturn(index, ret, from.readyAt);
  if (ret.start < ctx.now)
    vs.push({ code: "in_the_past", message: `a return cannot be moved before now (${index.dealer.format(ctx.now)})` });
  const m = mobilityViolation(
    index,
    from.mobility,
    { reception: from.reception, ret, readyAt: from.readyAt },
    ctx.movables.get(from.id)!.priority,
  );
  if (m) vs.push(ruleViolation(index.dealer, m, from.reception, null));
  return vs;
}

function codesOf(vs: Violation[]): RuleCode[] {
  const out: RuleCode[] = [];
  for (const v of vs) out.push(v.code);
  return out;
}

/** Checks one move against the index as it stands; the placement, or the broken rules. */
function checkMove(index: CapacityIndex, ctx: ReplanContext, from: Booking, t: MoveTarget): PlanMove | Violation[] {
  const m = ctx.movables.get(from.id)!;
  if (t.reception.advisor === from.reception.advisor && t.reception.start === from.reception.start) {
    const ret = t.ret ?? from.ret;
    if (ret === null || sameSlot(ret, from.ret)) return describeMove(from, from, false, []);
    const vs = returnOnly(index, ctx, from, ret);
    return vs.length ? vs : describeMove(from, { ...from, ret }, false, []);
  }
  if (m.returnOnly) return [{ code: "in_the_past", message: "the car is already in: only its return can move" }];
  const req = staffRequest(index, from, m, t.reception.advisor, t.reception.start, ctx.now, false);
  let chk: StayCheck = checkStay(index, req, t.ret);
  let overridden: RuleCode[] = [];
  if (chk.violations.length && t.forced && chk.violations.every((v) => isCap(v.code))) {
    const f = checkStay(index, { ...req, force: true }, t.ret);
    if (f.stay) {
      overridden = codesOf(chk.violations);
      chk = f;
    }
  }
  if (chk.violations.length || !chk.stay) return chk.violations;
  if (t.ret && chk.stay.ret !== t.ret) {
    const vs = checkReturn(index, t.ret, chk.stay.plan.readyAt);
    return vs.length ? vs : [ruleViolation(index.dealer, "mobility_unavailable", t.ret, null)];
  }
  return describeMove(from, stayBooking(from, req, chk.stay), overridden.length > 0, overridden);
}

/**
 * `lifted`: appointments on the plan's contact list. They stay where they are, breaking a
 * reception rule until the customer is called (an absent advisor; a late reception may
 * now run over one), so their advisor slots are off the index while the moves are checked
 * and put back unchecked afterwards. Only those: the car and its job are still there, so
 * their labour on the technicians, courtesy car, runs and express counters stay on the
 * index, and no move is planned onto a technician's time they hold.
 */
export function applyMoves(
  index: CapacityIndex,
  ctx: ReplanContext,
  targets: MoveTarget[],
  lifted: string[] = [],
): ApplyResult {
  const froms: Booking[] = [];
  for (const t of targets) {
    const b = index.bookings.get(t.id);
    if (!b || !ctx.movables.has(t.id)) throw new Error(`appointment ${t.id} is not movable`);
    froms.push(b);
  }
  const aside: string[] = [];
  for (const id of lifted) {
    if (targets.some((t) => t.id === id)) continue;
    if (index.liftSlots(id)) aside.push(id);
  }
  for (const b of froms) index.remove(b.id);
  const moves: PlanMove[] = [];
  const failures: Array<{ id: string; violations: Violation[] }> = [];
  // Moves that keep the reception go first: their labour is not re-planned, so it must be
  // back on the index before any other stay's labour is.
  const order: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < targets.length; i++) {
      const keeps =
        targets[i].reception.advisor === froms[i].reception.advisor &&
        targets[i].reception.start === froms[i].reception.start;
      if (keeps === (pass === 0)) order.push(i);
    }
  }
  for (const i of order) {
    const r = checkMove(index, ctx, froms[i], targets[i]);
    if (Array.isArray(r)) {
      failures.push({ id: targets[i].id, violations: r });
      continue;
    }
    index.add(r.to);
    if (r.to !== froms[i]) moves.push(r);
  }
  if (failures.length) {
    for (const b of froms) if (index.bookings.has(b.id)) index.remove(b.id);
    for (const b of froms) index.add(b);
    for (const id of aside) index.restoreSlots(id);
    return { ok: false, failures, moves };
  }
  for (const id of aside) index.restoreSlots(id);
  return { ok: true, moves };
}

/** What applyMoves takes for a plan's moves: where each goes (labour and ready time are the checker's). */
export function moveTargets(moves: PlanMove[]): MoveTarget[] {
  const out: MoveTarget[] = [];
  for (const m of moves) out.push({ id: m.id, reception: m.to.reception, ret: m.to.ret, forced: m.forced });
  return out;
}

/** Takes applied moves back off the index (the index as before applyMoves). */
export function revertMoves(index: CapacityIndex, moves: PlanMove[]): void {
  for (const m of moves) index.remove(m.id);
  for (const m of moves) index.add(m.from);
}

/** Puts applied moves (back) on the index. */
export function replayMoves(index: CapacityIndex, moves: PlanMove[]): void {
  for (const m of moves) index.remove(m.id);
  for (const m of moves) index.add(m.to);
}
