import type { CapacityIndex } from "../capacity-index.js";
import type { AdvisorSlot, Booking, RuleCode } from "../types.js";
import type { CorePlan, PlanContact, PlanMove, ReplanContext } from "./types.js";

// Records a plan while the planner tries placements on the live index, and puts the
// index back exactly as it found it: planning is a dry run. The dry run keeps the index
// as applyMoves will have it when it re-seats the same moves (settle.ts then proves it):
// moves in seating order, a stay at its own reception with its own labour, and the
// customers on the contact list where they are with only their advisor slots lifted
// (their labour, courtesy car and runs stay on the index: the car and the job are there).

function sameSlot(a: AdvisorSlot | null, b: AdvisorSlot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.advisor === b.advisor && a.start === b.start && a.minutes === b.minutes;
}

export function samePlacement(a: Booking, b: Booking): boolean {
  return sameSlot(a.reception, b.reception) && sameSlot(a.ret, b.ret);
}

export function describeMove(from: Booking, to: Booking, forced: boolean, overridden: RuleCode[]): PlanMove {
  const timeChanged = from.reception.start !== to.reception.start;
  const returnTimeChanged = (from.ret?.start ?? null) !== (to.ret?.start ?? null);
  const advisorChanged =
    from.reception.advisor !== to.reception.advisor ||
    (from.ret !== null && to.ret !== null && from.ret.advisor !== to.ret.advisor);
  return {
    id: from.id,
    from,
    to,
    timeChanged,
    returnTimeChanged,
    advisorChanged,
    notifyCustomer: timeChanged || returnTimeChanged,
    forced,
    overridden,
  };
}

export class PlanBuilder {
  private readonly moves = new Map<string, PlanMove>();
  private readonly contact: PlanContact[] = [];
  /** Placement of every booking taken off the index, before the plan touched it. */
  private readonly origin = new Map<string, Booking>();

  /**
   * `ownLabour`: the plan is applied by applyMoves, where a stay at its own reception
   * keeps the labour it has; false for a plan written as planned (a configuration change).
   */
  constructor(
    readonly index: CapacityIndex,
    readonly ctx: ReplanContext,
    readonly ownLabour = true,
  ) {}

  /** Takes a booking off the index so it can be placed again (remembering where it was). */
  take(id: string): Booking | undefined {
    const b = this.index.remove(id);
    if (b && !this.origin.has(id)) this.origin.set(id, b);
    return b;
  }

  /** Where a booking taken off the index was before the plan touched it. */
  originOf(id: string): Booking | undefined {
    return this.origin.get(id);
  }

  /** Puts `to` on the index and records the move from the booking's original placement. */
  place(to: Booking, forced = false, overridden: RuleCode[] = []): void {
    this.index.add(to);
    const from = this.origin.get(to.id);
    if (!from) throw new Error(`booking ${to.id} was placed without being taken`);
    // The moves are listed in seating order, which is the order applyMoves re-seats them
    // in: labour is planned first come, first served on each technician, so a different
    // order can hand one job's hours to another and refuse a valid plan. A stay put back
    // with the labour it already had (a new return only) keeps its seat in that order.
    const had = this.moves.get(to.id);
    if (!had || had.to.labour !== to.labour) this.moves.delete(to.id);
    if (!samePlacement(from, to) || forced) this.moves.set(to.id, describeMove(from, to, forced, overridden));
    else this.moves.delete(to.id);
  }

  /** Takes whatever the index holds of a booking off it: the whole booking, or what a lift left. */
  private clear(id: string): void {
    if (this.index.lifted(id)) this.index.restoreSlots(id);
    if (this.index.bookings.has(id)) this.index.remove(id);
  }

  /** Puts a booking back where it was, unchanged. */
  keep(id: string): void {
    const from = this.origin.get(id);
    if (!from) throw new Error(`booking ${id} was kept without being taken`);
    this.clear(id);
    this.index.add(from);
    this.moves.delete(id);
  }

  /**
   * Puts a booking where it was before the plan touched it, with only its advisor slots
   * off the index (CapacityIndex.liftSlots), as applyMoves has a contact appointment.
   */
  lift(id: string): void {
    if (this.index.lifted(id)) return;
    const current = this.index.bookings.get(id);
    if (current && !this.origin.has(id)) this.origin.set(id, current);
    const from = this.origin.get(id);
    if (!from) throw new Error(`booking ${id} was lifted without being indexed`);
    if (current !== from) {
      this.clear(id);
      this.index.add(from);
    }
    this.index.liftSlots(id);
  }

  /**
   * Lists a customer to call. The appointment stays where it was, and applyMoves lifts its
   * advisor slots while it re-seats the moves, its labour and mobility still on the index:
   * so here too. A booking taken off to be re-seated has its labour back from now on.
   */
  addContact(c: PlanContact): void {
    this.lift(c.id);
    this.moves.delete(c.id);
    this.contact.push(c);
  }

  /** The contact list so far, emptied (a later pass may still place them; they are off the index). */
  takeContacts(): PlanContact[] {
    const out = this.contact.splice(0);
    for (const c of out) this.clear(c.id);
    return out;
  }

  result(): CorePlan {
    return { moves: [...this.moves.values()], contact: this.contact.slice() };
  }

  /** Undoes every placement: the index holds exactly what it held before planning. */
  restore(): void {
    // All off first, then all back: busy minutes are bits, not counts.
    for (const id of this.origin.keys()) this.clear(id);
    for (const b of this.origin.values()) this.index.add(b);
  }
}
