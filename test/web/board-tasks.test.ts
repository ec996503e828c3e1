import { describe, expect, it } from "vitest";
import { DESK_TASK_KINDS } from "../../src/core/message-kinds.js";
import { STAFF_TEMPLATES } from "../../src/scheduler/journey/templates.js";
import { openTasks } from "../../src/web/board/tasks.js";
import type { Message } from "../../src/web/board/types.js";

// The board's Tasks panel: the desk's calls of every day, by kind, not by a name's ending
// (only the no-show's ends in "_task": the calls replacing messages were never listed).

const message = (kind: string, over: Partial<Message> = {}): Message => ({
  id: kind,
  kind,
  audience: "staff",
  appointmentId: "a1",
  recipient: "service_desk",
  subject: kind,
  status: "pending",
  transport: "webhook",
  delivery: "queued",
  reason: null,
  createdAt: "2026-11-23T09:00:00.000Z",
  ...over,
});

describe("the desk's open tasks", () => {
  it.each([
    ["no_show_task", true],
    ["car_ready_call", true],
    ["follow_up_call", true],
    ["parts_arrived_call", true],
    ["parts_notice_overdue", true],
    ["parts_on_cancelled", true],
    ["supervisor_notice", false],
    ["customer_moved", false],
    ["progress_check", false],
  ])("%s is a task: %s", (kind, listed) => {
    expect(openTasks([message(kind)]).length).toBe(listed ? 1 : 0);
  });

  it("leaves out a task taken back, and customer messages", () => {
    expect(openTasks([message("no_show_task", { delivery: "withdrawn", status: "withdrawn" })])).toEqual([]);
    expect(openTasks([message("car_ready_call", { audience: "customer" })])).toEqual([]);
  });

  it("names only kinds the server writes to staff", () => {
    for (const k of DESK_TASK_KINDS) expect(STAFF_TEMPLATES).toContain(k);
  });
});
