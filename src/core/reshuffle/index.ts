// Reshuffling the day (staff): pure planners over the CapacityIndex, and the
// all-or-nothing application of a plan. No I/O, no clock: `now` is in the context.
export * from "./types.js";
export { planAbsence, type AbsenceQuery } from "./absence.js";
export { planLate, type LateQuery, type LatePlan } from "./late.js";
export { planSwap, type Exchange, type SwapQuery } from "./swap.js";
export { planWalkIn, type WalkInPlan, type WalkInQuery } from "./walk-in.js";
export { applyMoves, moveTargets, replayMoves, revertMoves, type ApplyResult } from "./apply.js";
export { nearestOptions } from "./alternatives.js";
export { ALTERNATIVE_CANDIDATES, ALTERNATIVES_WANTED, acceptedAlternatives, offeredSlots } from "./accepted.js";
export { retargetedOption, type RefusedApply } from "./retarget.js";
export { togetherOptions } from "./together.js";
export { describeMove, samePlacement } from "./plan-builder.js";
export { planConfigChange } from "./config.js";
