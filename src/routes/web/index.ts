import type { ApiApp } from "../../api/deps.js";
import { rateLimit } from "../../api/middleware/rate-limit.js";
import { registerWebAsset } from "./asset.js";
import { registerBookPage } from "./book-page.js";
import { registerManagePage } from "./manage-page.js";

// The customer-facing pages: the widget script dealer sites embed (any origin may load
// it; its API calls are still held to the dealer's widgetOrigins by CORS), the manage
// page's script, and the two hosted pages. The pages read the database (a dealer, a
// token's appointment), so they get the public per-address limits of a search, in their
// own buckets; they carry no widget CORS (HTML is navigated to or framed, not fetched).
export function registerWebRoutes(app: ApiApp): void {
  registerWebAsset(app, "/widget.js", "widget", { crossOrigin: true });
  registerWebAsset(app, "/manage.js", "manage");
  // The pages' own buckets (services.limiters.pages), apart from the API's.
  const guard = rateLimit("pages", "search");
  app.get("/book/:dealerId", guard);
  app.get("/m/:token", guard);
  registerBookPage(app);
  registerManagePage(app);
}

/** The pages and scripts above (hono paths): public, not JSON dealer data (test/trust/roles.test.ts). */
export const WEB_ROUTES = ["GET /widget.js", "GET /manage.js", "GET /book/:dealerId", "GET /m/:token"];
