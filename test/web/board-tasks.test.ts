import { describe, expect, it } from "vitest";
import { DESK_TASK_KINDS } from "../../src/core/message-kinds.js";
import { STAFF_TEMPLATES } from "../../src/scheduler/journey/templates.js";
import { CLOSING_OUTCOMES, TASK_OUTCOMES } from "../../src/scheduler/tasks/contracts.js";
import { closes, NOTE_MAX, OUTCOMES, PARTS_TASKS } from "../../src/web/board/tasks.js";

// The board's Tasks panel offers the outcomes the server takes, in its order, and words a
// recorded call as the server decides it: a call that closes a task says "done", the
// others "stays open". The page keeps its own copy (no zod in the bundle): pinned here.

describe("the Tasks panel's outcomes", () => {
  it("are the server's, in its order", () => {
    expect([...OUTCOMES]).toEqual([...TASK_OUTCOMES]);
  });

  it.each(TASK_OUTCOMES.map((o) => [o, CLOSING_OUTCOMES.has(o)] as const))("%s closes the task: %s", (o, closing) => {
    expect(closes(o)).toBe(closing);
  });

  it("cut a note where the server does", () => {
    expect(NOTE_MAX).toBe(500);
  });

  it("name only kinds the server writes to staff", () => {
    for (const k of DESK_TASK_KINDS) expect(STAFF_TEMPLATES).toContain(k);
  });

  it("open an appointment's parts from the desk's tasks about parts, every one of them", () => {
    expect([...PARTS_TASKS].sort()).toEqual(DESK_TASK_KINDS.filter((k) => k.startsWith("parts_")).sort());
  });
});
