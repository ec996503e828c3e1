import { isDeskTask } from "../../core/message-kinds.js";
import type { Message } from "./types.js";

// The desk's open tasks, of every day (core/message-kinds.ts DESK_TASK_KINDS): the calls
// to make. A task taken back (a late customer checked in after the no-show call was
// raised: withdrawn) is no longer the desk's to do.

export function openTasks(messages: readonly Message[]): Message[] {
  return messages.filter((m) => m.audience === "staff" && isDeskTask(m.kind) && m.delivery !== "withdrawn");
}
