import { fleetSuffices, workshopSuffices } from "./load-checks.js";
import { rulesKept } from "./rule-checks.js";
import { advisorKept, notOnClosure, withinOpeningHours } from "./slot-checks.js";
import { techniciansKept } from "./technician-checks.js";
import type { ConfigCheck, ConfigConflict, GuardInput } from "./types.js";

export * from "./rebase.js";
export * from "./types.js";

// THE list of what a configuration change must not break. Independent entries, run in
// this order; then the technicians' roster (issue 13), and last each appointment's own
// rules re-asked of THE checker (rule-checks.ts: hours, absences, caps, runs and seats).
export const CONFIG_CHECKS: readonly ConfigCheck[] = [
  advisorKept,
  notOnClosure,
  withinOpeningHours,
  fleetSuffices,
  workshopSuffices,
  techniciansKept,
  rulesKept,
];

/** Every conflict of every check, in check order. */
export function findConflicts(input: GuardInput, checks: readonly ConfigCheck[] = CONFIG_CHECKS): ConfigConflict[] {
  return checks.flatMap((c) => c.run(input));
}
