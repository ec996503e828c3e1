import { describe, expect, it } from "vitest";
import { DealerPulse } from "../../src/db/dealer-pulse.js";
import { attempt, noShowTask, partsCallTask, type Task, taskDealer, tasksOf } from "../support/desk-tasks.js";
import { auth, DEALER, enqueueNotices, journeyPerTest, ok } from "../support/journey.js";

// The desk's tasks (GET …/tasks, POST …/tasks/{taskId}/attempts): a call task stays open
// until the desk records that it reached the customer (or that no call is needed), and
// the open list holds every such task of the dealer, however busy its outbox. The real
// app over a real SQLite file, with a clock the test moves.

describe("the open list", () => {
  const t = journeyPerTest({ dealer: taskDealer });

  it("shows the no-show call and the parts call oldest first, naming the customer and never their address", async () => {
    const parts = await partsCallTask(t); // Tuesday
    const noShow = await noShowTask(t); // Thursday
    const tasks = await tasksOf(t);
    expect(tasks.map((k) => [k.kind, k.id])).toEqual([
      ["parts_arrived_call", parts.taskId],
      ["no_show_task", noShow.taskId],
    ]);
    expect(tasks[0]).toMatchObject({
      appointmentId: parts.appointmentId,
      appointment: { receptionStart: "2026-11-26T11:00:00+01:00", customer: { name: "Sara Verdi" } },
      state: "open",
      attempts: [],
      doneAt: null,
    });
    expect(tasks[1].appointment?.customer).toEqual({ name: "Marco Bianchi" });
    expect(tasks.every((k) => k.subject.length > 0)).toBe(true);
    const text = JSON.stringify(tasks);
    expect(text).not.toMatch(/@example\.com|\+39/);
  });

  it("keeps an open task older than 150 newer staff messages (not the outbox's newest page)", async () => {
    const { taskId } = await noShowTask(t);
    enqueueNotices(t, 150, t.clock.ms + 60_000);
    const newest = await ok<{ messages: { id: string }[] }>(
      await t.api("GET", `/v1/dealers/${DEALER}/messages?limit=100`, undefined, auth),
    );
    expect(newest.messages.map((m) => m.id)).not.toContain(taskId); // what the board read before
    expect((await tasksOf(t)).map((k) => k.id)).toEqual([taskId]);
  });
});

describe("recording an attempt", () => {
  const t = journeyPerTest({ dealer: taskDealer });

  it.each([
    { outcome: "reached", closes: true },
    { outcome: "not_needed", closes: true },
    { outcome: "no_answer", closes: false },
    { outcome: "left_message", closes: false },
  ])("$outcome: closes the task: $closes", async ({ outcome, closes }) => {
    const { taskId, appointmentId } = await noShowTask(t);
    const res = await attempt(t, taskId, { outcome, note: "  spoke to the wife  " });
    const { task } = await ok<{ task: Task }>(res, 201);
    const at = new Date(t.clock.ms).toISOString();
    expect(task).toMatchObject({ id: taskId, state: closes ? "done" : "open", doneAt: closes ? at : null });
    expect(task.attempts).toEqual([{ outcome, note: "spoke to the wife", at, by: "admin" }]);
    expect((await tasksOf(t)).map((k) => k.id)).toEqual(closes ? [] : [taskId]);
    expect(await tasksOf(t, "?state=done")).toEqual(closes ? [task] : []);
    const audit = t.rows("SELECT action, appointment_id AS a FROM audit_log WHERE action = 'task_attempt'");
    expect(audit).toEqual([{ action: "task_attempt", a: appointmentId }]);
  });

  it("lists the tries oldest first, and done tasks the last closed first", async () => {
    const parts = await partsCallTask(t);
    const noShow = await noShowTask(t);
    await ok(await attempt(t, noShow.taskId, { outcome: "no_answer" }), 201);
    t.at(t.clock.ms + 60_000);
    await ok(await attempt(t, noShow.taskId, { outcome: "reached" }), 201);
    t.at(t.clock.ms + 60_000);
    await ok(await attempt(t, parts.taskId, { outcome: "reached" }), 201);
    const done = await tasksOf(t, "?state=done");
    expect(done.map((k) => k.id)).toEqual([parts.taskId, noShow.taskId]);
    expect(done[1].attempts.map((a) => a.outcome)).toEqual(["no_answer", "reached"]);
    expect(await tasksOf(t, "?state=done&limit=1")).toHaveLength(1);
  });

  it("names who made the call by their key's label", async () => {
    const { taskId } = await noShowTask(t);
    const key = await ok<{ secret: string }>(
      await t.api("POST", `/v1/dealers/${DEALER}/api-keys`, { role: "advisor", label: "Desk Giulia" }, auth),
      201,
    );
    const { task } = await ok<{ task: Task }>(
      await attempt(t, taskId, { outcome: "left_message" }, { Authorization: `Bearer ${key.secret}` }),
      201,
    );
    expect(task.attempts.map((a) => a.by)).toEqual(["Desk Giulia"]);
  });

  it("records a retried attempt with its Idempotency-Key once", async () => {
    const { taskId } = await noShowTask(t);
    const headers = { ...auth, "Idempotency-Key": "desk-7" };
    const first = await ok(await attempt(t, taskId, { outcome: "no_answer" }, headers), 201);
    const retry = await attempt(t, taskId, { outcome: "no_answer" }, headers);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await ok(retry, 201)).toEqual(first);
    expect(t.rows("SELECT outcome FROM task_attempts")).toEqual([{ outcome: "no_answer" }]);
  });

  it("wakes the board's live stream: an attempt adds no message, yet the fingerprint moves", async () => {
    const { taskId } = await noShowTask(t);
    const pulse = new DealerPulse(t.sqlite, 60_000);
    let heard = 0;
    const stop = pulse.subscribe(DEALER, () => heard++);
    pulse.tick();
    await ok(await attempt(t, taskId, { outcome: "no_answer" }), 201);
    pulse.tick();
    stop();
    expect(heard).toBe(1);
  });
});
