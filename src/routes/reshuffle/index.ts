import type { ApiApp, AppDeps } from "../../api/deps.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { registerAbsence } from "./absence.js";
import { registerLate } from "./late.js";
import { registerSwap } from "./swap.js";
import { registerWalkIn } from "./walk-in.js";

/** Reshuffling the day (staff): swap, absence, walk-in, running late. */
export function registerReshuffleRoutes(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  registerSwap(app, deps, runtimes);
  registerAbsence(app, deps, runtimes);
  registerWalkIn(app, deps, runtimes);
  registerLate(app, deps, runtimes);
}
