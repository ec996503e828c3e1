import type { Problem } from "../shared/problem.js";
import { problemFields, refusedForMobility } from "../shared/problem-sentence.js";

// Which earlier step a refusal belongs to: the one whose answer the API refused, where the
// customer can change it. Pure, apart from the steps' markup, so it is checked without a
// browser (test/web).

/** The steps whose answers shape the options: a refusal of one of them sends the customer back to it. */
export type VisitStep = "service" | "vehicle" | "mobility";

/** The visit's field each of those steps asks for. */
const STEP_FIELDS: Record<VisitStep, string> = { service: "interventions", vehicle: "vehicle", mobility: "mobility" };
const STEPS: VisitStep[] = ["service", "vehicle", "mobility"];

/** The step whose field a validation_failed names (the first step, if it names several); null for none. */
export function fieldStep(p: Problem): VisitStep | null {
  const top = problemFields(p).map((f) => f.split(".")[0]);
  return STEPS.find((s) => top.includes(STEP_FIELDS[s])) ?? null;
}

/**
 * Where a refused booking is put right: the step a field it names belongs to, or the
 * mobility step for a time refused for its mobility alone (the last courtesy car taken
 * since the time was held). Null: the time's own problem, or the details'.
 */
export function stepOfRefusal(p: Problem): VisitStep | null {
  return fieldStep(p) ?? (refusedForMobility(p) ? "mobility" : null);
}
