import type { ApiApp, AppDeps } from "../../api/deps.js";
import { registerGetDealer } from "./get.js";
import { registerPutDealer } from "./put.js";

export function registerDealerRoutes(app: ApiApp, deps: AppDeps): void {
  registerPutDealer(app, deps);
  registerGetDealer(app, deps);
}
