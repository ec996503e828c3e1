import type { ApiApp, AppDeps } from "../../api/deps.js";
import { registerWebAsset } from "./asset.js";
import { registerBookPage } from "./book-page.js";
import { registerManagePage } from "./manage-page.js";

// The customer-facing pages: the widget script dealer sites embed (any origin may load
// it; its API calls are still held to the dealer's widgetOrigins by CORS), the manage
// page's script, and the two hosted pages.
export function registerWebRoutes(app: ApiApp, deps: AppDeps): void {
  registerWebAsset(app, deps, "/widget.js", "widget", { crossOrigin: true });
  registerWebAsset(app, deps, "/manage.js", "manage");
  registerBookPage(app, deps);
  registerManagePage(app, deps);
}
