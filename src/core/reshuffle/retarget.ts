import type { CapacityIndex } from "../capacity-index.js";
import type { Booking, Option } from "../types.js";
import { applyMoves, revertMoves } from "./apply.js";
import type { MoveTarget, ReplanContext } from "./types.js";

// A refused apply's appointment tried at another reception: the same apply (every other
// target, their order, `forced`, the contact list's lifted slots), with only that target
// replaced, its return left to the checker (the first free one after the new ready time).
// What the advisor re-sends with the alternative, the checker then decides the same way.
// alone.ts asks it of a one-move apply: an appointment a plan could not place, moved alone.

/** The apply that was refused: what it was asked, and which appointments it refused. */
export interface RefusedApply {
  targets: MoveTarget[];
  lifted: string[];
  refused: ReadonlySet<string>;
  /**
   * Refused appointments held at an offer (together.ts: an earlier failure's first one):
   * their targets in `targets` are that offer, they are not in `refused`, and a candidate
   * is accepted only when each of them is still placed as its offer shows.
   */
  held?: ReadonlyMap<string, Option>;
}

/** `to` placed as offer `o` shows it: reception, return, ready time, express flag. */
const asOffered = (to: Booking | undefined, o: Option) =>
  to !== undefined &&
  to.reception.advisor === o.reception.advisor &&
  to.reception.start === o.reception.start &&
  to.readyAt === o.readyAt &&
  to.express === o.express &&
  (to.ret === null
    ? o.ret === null
    : o.ret !== null && to.ret.advisor === o.ret.advisor && to.ret.start === o.ret.start);

/**
 * `candidate` for appointment `id` as the apply places it (its return, ready time, labour,
 * express flag; past the caps when its target is forced; `quiet` as the candidate says),
 * or null when the apply refuses it there, it makes a move the apply accepted fail, or it
 * moves a held appointment off its offer.
 * Costs one applyMoves of every target; the index is as before afterwards.
 */
export function retargetedOption(
  index: CapacityIndex,
  ctx: ReplanContext,
  apply: RefusedApply,
  id: string,
  candidate: Option,
): Option | null {
  const targets = apply.targets.map((t) =>
    t.id === id ? { ...t, reception: { ...candidate.reception, minutes: t.reception.minutes }, ret: null } : t,
  );
  const r = applyMoves(index, ctx, targets, apply.lifted);
  if (r.ok) revertMoves(index, r.moves);
  else if (r.failures.some((f) => f.id === id || !apply.refused.has(f.id))) return null;
  const move = r.moves.find((m) => m.id === id);
  if (!move) return null;
  for (const [h, o] of apply.held ?? []) if (!asOffered(r.moves.find((m) => m.id === h)?.to, o)) return null;
  const to = move.to;
  return {
    reception: to.reception,
    ret: to.ret,
    readyAt: to.readyAt,
    labour: to.labour,
    quiet: candidate.quiet,
    express: to.express,
    overridesCaps: move.forced || undefined,
    mobility: to.mobility,
  };
}
