import type { ApiApp } from "../../api/deps.js";
import { registerGetVehicle } from "./get.js";
import { registerPutVehicle } from "./put.js";

// The vehicle registry: staff and client keys only (what anonymous priority rests on).
export function registerVehicleRoutes(app: ApiApp): void {
  registerPutVehicle(app);
  registerGetVehicle(app);
}
