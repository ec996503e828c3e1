import type { ApiApp, AppDeps } from "../../api/deps.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { registerGetVehicle } from "./get.js";
import { registerPutVehicle } from "./put.js";

// The vehicle registry: staff and client keys only (what anonymous priority rests on).
export function registerVehicleRoutes(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  registerPutVehicle(app, deps, runtimes);
  registerGetVehicle(app, deps, runtimes);
}
