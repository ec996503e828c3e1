import type { ApiApp } from "../../api/deps.js";
import { registerCreateApiKey } from "./create.js";
import { registerListApiKeys } from "./list.js";
import { registerRevokeApiKey } from "./revoke.js";

export function registerKeyRoutes(app: ApiApp): void {
  registerCreateApiKey(app);
  registerListApiKeys(app);
  registerRevokeApiKey(app);
}
