import type { ApiApp, AppDeps } from "../../api/deps.js";
import { registerCreateApiKey } from "./create.js";
import { registerListApiKeys } from "./list.js";
import { registerRevokeApiKey } from "./revoke.js";

export function registerKeyRoutes(app: ApiApp, deps: AppDeps): void {
  registerCreateApiKey(app, deps);
  registerListApiKeys(app, deps);
  registerRevokeApiKey(app, deps);
}
