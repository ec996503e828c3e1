import type { ApiApp } from "../api/deps.js";
import { registerTick } from "./admin/tick.js";
import { registerPutCampaigns } from "./campaigns/put.js";
import { registerOwnCalendar } from "./manage/calendar.js";
import { registerRescheduleOwnAppointment } from "./manage/reschedule.js";
import { registerListMessages } from "./messages/list.js";
import { registerPreviewMessage } from "./messages/preview.js";
import { registerSmsInbound } from "./sms/inbound.js";
import { registerSmsStop } from "./sms/stop.js";
import { registerOverdueRequests } from "./overdue/list.js";
import { registerReport } from "./reports/get.js";

// The customer's journey: the customer's calendar and reschedule (manage token), the
// outbox and overdue requests for staff, campaigns (admin), reports, and the tick.

export function registerJourneyRoutes(app: ApiApp): void {
  registerOwnCalendar(app);
  registerRescheduleOwnAppointment(app);
  registerPreviewMessage(app);
  registerListMessages(app);
  registerSmsStop(app);
  registerSmsInbound(app);
  registerOverdueRequests(app);
  registerPutCampaigns(app);
  registerReport(app);
  registerTick(app);
}
