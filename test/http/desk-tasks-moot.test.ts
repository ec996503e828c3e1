import { describe, expect, it } from "vitest";
import { enqueue } from "../../src/db/repos/outbox.js";
import { DESK_TASK_WHERE } from "../../src/db/schema.js";
import { attempt, noShowTask, raiseCall, taskDealer, taskListOf, tasksOf } from "../support/desk-tasks.js";
import { auth, bookAt, DEALER, type JourneyApp, journeyPerTest, ok } from "../support/journey.js";

// Tasks whose reason went away close themselves ("not_needed", by "Pitlane"), in the
// transaction that took the reason away; a closed task leaves the outbox's index of open
// tasks (the open list never walks the closed ones); the list says when it is cut; each
// task carries its message's text (what to do, naming the customer, never an address).

const t = journeyPerTest({ dealer: taskDealer });

/** Open desk tasks in the outbox's partial index (what the open list walks). */
const indexed = (app: JourneyApp) =>
  app.rows<{ n: number }>(
    `SELECT COUNT(*) AS n FROM outbox INDEXED BY outbox_desk_tasks_idx WHERE dealer_id = ? AND ${DESK_TASK_WHERE}`,
    DEALER,
  )[0].n;

describe("a task whose reason went away", () => {
  it("a no-show call already sent closes when the late customer is checked in", async () => {
    const { appointmentId, taskId } = await noShowTask(t);
    t.sqlite.prepare("UPDATE outbox SET status = 'delivered' WHERE id = ?").run(taskId); // sent: not withdrawable
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${appointmentId}/check-in`, {}, auth));
    expect((await tasksOf(t)).map((k) => k.id)).not.toContain(taskId);
    const [done] = await tasksOf(t, "?state=done");
    expect(done).toMatchObject({ id: taskId, state: "done" });
    expect(done.attempts).toEqual([expect.objectContaining({ outcome: "not_needed", by: "Pitlane", note: null })]);
  });

  it("a car-ready call still open closes when the car is handed back; another appointment's stays", async () => {
    const a = await bookAt(t, "2026-11-26T10:00:00+01:00");
    const other = await bookAt(t, "2026-11-26T11:00:00+01:00", { advisorId: "bruno" });
    const call = (appointmentId: string, i: number) =>
      enqueue(
        t.sqlite,
        {
          dealerId: DEALER,
          appointmentId,
          kind: "car_ready_call",
          audience: "staff",
          channel: "staff",
          locale: "en",
          recipientRef: "service_desk",
          body: { subject: "Call", text: "Call them: car ready" },
          dedupeId: `car_ready_call:${appointmentId}:${i}`,
        },
        t.clock.ms,
      );
    call(a.id, 1);
    call(other.id, 2);
    t.at("2026-11-26T09:00:00Z");
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${a.id}/check-in`, {}, auth));
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${a.id}/complete`, {}, auth));
    expect((await tasksOf(t)).map((k) => k.appointmentId)).toEqual([other.id]);
    expect((await tasksOf(t, "?state=done")).map((k) => [k.appointmentId, k.attempts[0].by])).toEqual([
      [a.id, "Pitlane"],
    ]);
  });
});

describe("the open list", () => {
  it("walks only open tasks: a closed task leaves the outbox's index of them", async () => {
    const { taskId } = await noShowTask(t);
    expect(indexed(t)).toBe(1);
    await ok(await attempt(t, taskId, { outcome: "no_answer" }), 201);
    expect(indexed(t)).toBe(1); // a try leaves it open
    await ok(await attempt(t, taskId, { outcome: "reached" }), 201);
    expect(indexed(t)).toBe(0);
    expect(t.rows("SELECT task_closed_at FROM outbox WHERE id = ?", taskId)).toEqual([
      { task_closed_at: expect.any(String) },
    ]);
  });

  it("says when it is cut at its limit, and each task says what to do without an address", async () => {
    const { taskId } = await noShowTask(t);
    const list = await taskListOf(t);
    expect(list.truncated).toBe(false);
    const [task] = list.tasks;
    expect(task.id).toBe(taskId);
    expect(task.text).toMatch(/did not arrive/);
    expect(task.text).not.toMatch(/@|\+39/);
    expect(task.appointment?.status).toBe("no_show");
    raiseCall(t, "x", t.clock.ms);
    expect((await taskListOf(t, "?limit=1")).truncated).toBe(true);
    expect((await taskListOf(t, "?limit=2")).truncated).toBe(false);
  });
});
