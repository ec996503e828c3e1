import type { ApiApp } from "../../api/deps.js";
import { registerWebAsset } from "../web/asset.js";
import { registerDealerEvents } from "./events.js";
import { registerBoardPage } from "./page.js";
import { registerBoardSession } from "./session.js";

// The advisors' page: the HTML shell and its bundle, the session, the live feed.
export function registerBoardRoutes(app: ApiApp): void {
  registerBoardPage(app);
  registerWebAsset(app, "/board.js", "board");
  registerBoardSession(app);
  registerDealerEvents(app);
}
