import type { ApiApp } from "../api/deps.js";
import { registerAppointmentAction } from "./appointments/action.js";
import { registerApplyMatch } from "./appointments/apply-match.js";
import { registerGetAppointment } from "./appointments/get.js";
import { registerMoveAppointment } from "./appointments/patch.js";
import { registerAppointmentProgress } from "./appointments/progress.js";
import { registerBookAppointment } from "./appointments/post.js";
import { registerAvailabilityCalendar } from "./availability/calendar.js";
import { registerAvailabilityDay } from "./availability/day.js";
import { registerSearchAvailability } from "./availability/post.js";
import { registerDayBoard } from "./days/get.js";
import { registerCreateHold } from "./holds/create.js";
import { registerReleaseHold } from "./holds/release.js";
import { registerOwnAvailabilityCalendar } from "./manage/availability-calendar.js";
import { registerOwnAvailabilityDay } from "./manage/availability-day.js";
import { registerCancelOwnAppointment } from "./manage/cancel.js";
import { registerViewOwnAppointment } from "./manage/get.js";
import { registerReshuffleRoutes } from "./reshuffle/index.js";

// The scheduling routes, grouped by resource.
export function registerSchedulingRoutes(app: ApiApp): void {
  // availability
  registerSearchAvailability(app);
  registerAvailabilityCalendar(app);
  registerAvailabilityDay(app);
  // holds (the widget keeps an option while the customer types)
  registerCreateHold(app);
  registerReleaseHold(app);
  // appointments
  registerBookAppointment(app);
  registerGetAppointment(app);
  registerMoveAppointment(app);
  registerAppointmentProgress(app);
  registerAppointmentAction(app);
  registerApplyMatch(app);
  // the advisors' day
  registerDayBoard(app);
  registerReshuffleRoutes(app);
  // the customer's own appointment (manage token)
  registerViewOwnAppointment(app);
  registerCancelOwnAppointment(app);
  registerOwnAvailabilityCalendar(app);
  registerOwnAvailabilityDay(app);
}
