import type { ApiApp } from "../../api/deps.js";
import { registerGetDealer } from "./get.js";
import { registerPutDealer } from "./put.js";

export function registerDealerRoutes(app: ApiApp): void {
  registerPutDealer(app);
  registerGetDealer(app);
}
