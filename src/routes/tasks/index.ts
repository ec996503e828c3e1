import type { ApiApp } from "../../api/deps.js";
import { registerRecordTaskAttempt } from "./attempt.js";
import { registerListTasks } from "./list.js";

// The service desk's tasks (staff): the open and done lists, and the attempts recorded at them.
export function registerTaskRoutes(app: ApiApp): void {
  registerListTasks(app);
  registerRecordTaskAttempt(app);
}
