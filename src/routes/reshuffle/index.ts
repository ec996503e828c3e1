import type { ApiApp } from "../../api/deps.js";
import { registerAbsence } from "./absence.js";
import { registerLate } from "./late.js";
import { registerSwap } from "./swap.js";
import { registerWalkIn } from "./walk-in.js";

/** Reshuffling the day (staff): swap, absence, walk-in, running late. */
export function registerReshuffleRoutes(app: ApiApp): void {
  registerSwap(app);
  registerAbsence(app);
  registerWalkIn(app);
  registerLate(app);
}
