import type { ApiApp, AppDeps } from "../../api/deps.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { registerGetDealer } from "./get.js";
import { registerPutDealer } from "./put.js";

export function registerDealerRoutes(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  registerPutDealer(app, deps, runtimes);
  registerGetDealer(app, deps);
}
