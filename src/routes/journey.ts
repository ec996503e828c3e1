import type { ApiApp, AppDeps } from "../api/deps.js";
import type { Journey } from "../scheduler/journey/service.js";
import type { Runtimes } from "../scheduler/runtime.js";
import { registerTick } from "./admin/tick.js";
import { registerPutCampaigns } from "./campaigns/put.js";
import { registerOwnCalendar } from "./manage/calendar.js";
import { registerRescheduleOwnAppointment } from "./manage/reschedule.js";
import { registerListMessages } from "./messages/list.js";
import { registerPreviewMessage } from "./messages/preview.js";
import { registerSmsStop } from "./sms/stop.js";
import { registerOverdueRequests } from "./overdue/list.js";
import { registerReport } from "./reports/get.js";

// The customer's journey: the customer's calendar and reschedule (manage token), the
// outbox and overdue requests for staff, campaigns (admin), reports, and the tick.

export function registerJourneyRoutes(app: ApiApp, deps: AppDeps, runtimes: Runtimes, journey: Journey): void {
  registerOwnCalendar(app, deps, runtimes);
  registerRescheduleOwnAppointment(app, deps, runtimes);
  registerPreviewMessage(app, deps, runtimes);
  registerListMessages(app, deps, runtimes);
  registerSmsStop(app, deps, runtimes);
  registerOverdueRequests(app, deps, runtimes);
  registerPutCampaigns(app, deps, runtimes);
  registerReport(app, deps, runtimes);
  registerTick(app, deps, journey);
}
