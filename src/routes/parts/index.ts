import type { ApiApp } from "../../api/deps.js";
import { registerPartArrived } from "./arrive.js";
import { registerCancelPart } from "./cancel.js";
import { registerOrderPart } from "./create.js";
import { registerPayDeposit } from "./deposit.js";
import { registerListParts } from "./list.js";

// Parts ordered for an appointment (staff): order, list, deposit, arrival, cancel.
export function registerPartsRoutes(app: ApiApp): void {
  registerOrderPart(app);
  registerListParts(app);
  registerPayDeposit(app);
  registerPartArrived(app);
  registerCancelPart(app);
}
