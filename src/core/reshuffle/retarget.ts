import type { CapacityIndex } from "../capacity-index.js";
import type { Option } from "../types.js";
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
}

/**
 * `candidate` for appointment `id` as the apply places it (its return, ready time, labour,
 * express flag; past the caps when its target is forced; `quiet` as the candidate says),
 * or null when the apply refuses it there or it makes a move the apply accepted fail.
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
