import { fleetSuffices, workshopSuffices } from "./load-checks.js";
import { advisorKept, notOnClosure, withinOpeningHours } from "./slot-checks.js";
import { techniciansKept } from "./technician-checks.js";
import type { ConfigCheck, ConfigConflict, GuardInput } from "./types.js";

export * from "./rebase.js";
export * from "./types.js";

// THE list of what a configuration change must not break. Independent entries, run in
// this order; the technicians' roster (issue 13) is the last.
export const CONFIG_CHECKS: readonly ConfigCheck[] = [
  advisorKept,
  notOnClosure,
  withinOpeningHours,
  fleetSuffices,
  workshopSuffices,
  techniciansKept,
];

/** Every conflict of every check, in check order. */
export function findConflicts(input: GuardInput, checks: readonly ConfigCheck[] = CONFIG_CHECKS): ConfigConflict[] {
  return checks.flatMap((c) => c.run(input));
}
