import type { ApiApp, AppDeps } from "../api/deps.js";
import type { Runtimes } from "../scheduler/runtime.js";
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
import { registerCancelOwnAppointment } from "./manage/cancel.js";
import { registerViewOwnAppointment } from "./manage/get.js";
import { registerReshuffleRoutes } from "./reshuffle/index.js";

// The scheduling routes, grouped by resource.
export function registerSchedulingRoutes(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  // availability
  registerSearchAvailability(app, deps, runtimes);
  registerAvailabilityCalendar(app, deps, runtimes);
  registerAvailabilityDay(app, deps, runtimes);
  // holds (the widget keeps an option while the customer types)
  registerCreateHold(app, deps, runtimes);
  registerReleaseHold(app, deps, runtimes);
  // appointments
  registerBookAppointment(app, deps, runtimes);
  registerGetAppointment(app, deps, runtimes);
  registerMoveAppointment(app, deps, runtimes);
  // Before the lifecycle actions: their /{action} segment would otherwise take "progress".
  registerAppointmentProgress(app, deps, runtimes);
  registerAppointmentAction(app, deps, runtimes);
  registerApplyMatch(app, deps, runtimes);
  // the advisors' day
  registerDayBoard(app, deps, runtimes);
  registerReshuffleRoutes(app, deps, runtimes);
  // the customer's own appointment (manage token)
  registerViewOwnAppointment(app, deps, runtimes);
  registerCancelOwnAppointment(app, deps, runtimes);
}
