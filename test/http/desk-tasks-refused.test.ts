import { describe, expect, it } from "vitest";
import { enqueue } from "../../src/db/repos/outbox.js";
import { attempt, messageId, noShowTask, partsCallTask, stored, taskDealer, tasksOf } from "../support/desk-tasks.js";
import { auth, DEALER, journeyDealer, journeyPerTest, ok } from "../support/journey.js";

// What an attempt at a desk task refuses, storing nothing: a task already done or
// withdrawn (409), what is not this dealer's task (404), a body off the contract (400),
// a caller who is not staff. And the parts guard: a call that reached the customer told
// them, so the deadline's timer raises no parts_notice_overdue.

describe("refused attempts store nothing", () => {
  const t = journeyPerTest({ dealer: taskDealer });

  it("a task already done or withdrawn: 409 invalid_transition", async () => {
    const gone = await partsCallTask(t);
    const done = await noShowTask(t);
    await ok(await attempt(t, done.taskId, { outcome: "reached" }), 201);
    t.rows("UPDATE outbox SET status = 'withdrawn' WHERE id = ? RETURNING id", gone.taskId);
    const before = stored(t);
    for (const [id, state] of [
      [done.taskId, "done"],
      [gone.taskId, "withdrawn"],
    ] as const)
      for (const outcome of ["reached", "no_answer"])
        expect(await ok(await attempt(t, id, { outcome }), 409)).toMatchObject({ code: "invalid_transition", state });
    expect(stored(t)).toEqual(before);
    expect(await tasksOf(t)).toEqual([]);
  });

  it("not this dealer's task: unknown id, another dealer's task, a message that is no task: 404", async () => {
    await ok(await t.api("PUT", "/v1/dealers/milano", journeyDealer(), auth), 201);
    const message = (dealerId: string, kind: string, dedupeId: string) =>
      enqueue(
        t.sqlite,
        {
          dealerId,
          appointmentId: null,
          kind,
          audience: "staff",
          channel: "staff",
          locale: "en",
          recipientRef: "service_desk",
          body: { subject: "Call", text: "call" },
          dedupeId,
        },
        t.clock.ms,
      );
    message("milano", "no_show_task", "milano-task");
    message(DEALER, "supervisor_notice", "a-notice");
    const before = stored(t);
    for (const id of ["no-such-task", messageId(t, "no_show_task"), messageId(t, "supervisor_notice")])
      expect(await ok(await attempt(t, id, { outcome: "reached" }), 404)).toMatchObject({ code: "not_found" });
    expect(stored(t)).toEqual(before);
  });

  it("a body off the contract (400), anonymous (401), a client key (403)", async () => {
    const { taskId } = await noShowTask(t);
    const client = await ok<{ secret: string }>(
      await t.api("POST", `/v1/dealers/${DEALER}/api-keys`, { role: "client", label: "app" }, auth),
      201,
    );
    const before = stored(t);
    for (const body of [
      { outcome: "reached", calledBy: "me" },
      { outcome: "busy" },
      {},
      { outcome: "reached", note: "" },
      { outcome: "reached", note: "   " },
      { outcome: "reached", note: "x".repeat(501) },
    ])
      expect((await attempt(t, taskId, body)).status, JSON.stringify(body).slice(0, 60)).toBe(400);
    expect((await attempt(t, taskId, { outcome: "reached" }, {})).status).toBe(401);
    expect(
      (await attempt(t, taskId, { outcome: "reached" }, { Authorization: `Bearer ${client.secret}` })).status,
    ).toBe(403);
    expect((await t.api("GET", `/v1/dealers/${DEALER}/tasks`)).status).toBe(401);
    expect(stored(t)).toEqual(before);
    expect(await ok(await attempt(t, taskId, { outcome: "reached", note: "x".repeat(500) }), 201)).toBeTruthy();
  });
});

describe("two desks at once", () => {
  const t = journeyPerTest({ dealer: taskDealer });

  it("closing one task together: one 201, one 409, one closing row", async () => {
    const { taskId } = await noShowTask(t);
    const answers = await Promise.all([
      attempt(t, taskId, { outcome: "reached" }),
      attempt(t, taskId, { outcome: "not_needed" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(t.rows("SELECT outcome FROM task_attempts WHERE message_id = ?", taskId)).toHaveLength(1);
  });

  it("one retry sent twice in parallel with one Idempotency-Key: recorded once, the same answer", async () => {
    const { taskId } = await noShowTask(t);
    const h = { ...auth, "Idempotency-Key": "same-call" };
    const [a, b] = await Promise.all([
      attempt(t, taskId, { outcome: "no_answer" }, h),
      attempt(t, taskId, { outcome: "no_answer" }, h),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await a.json()).toEqual(await b.json());
    expect(t.rows("SELECT outcome FROM task_attempts WHERE message_id = ?", taskId)).toHaveLength(1);
  });
});

describe("the parts guard hears of the desk's call", () => {
  const t = journeyPerTest({ dealer: taskDealer });
  const guard = () => t.rows<{ outcome: string }>("SELECT outcome FROM jobs WHERE kind = 'parts_notice'");
  const overdue = () => t.rows("SELECT id FROM outbox WHERE kind = 'parts_notice_overdue'");
  const OPENS = "2026-11-25T08:00:00+01:00"; // Tuesday's arrival → Wednesday's opening

  it("a customer reached by the desk is told: no parts_notice_overdue at the deadline day's opening", async () => {
    const { taskId } = await partsCallTask(t);
    await ok(await attempt(t, taskId, { outcome: "reached" }), 201);
    t.run(OPENS);
    expect(overdue()).toEqual([]);
    expect(guard()).toEqual([{ outcome: "skipped:told" }]);
  });

  it("a call not yet answered is not telling: the guard sees the desk's own task, not a customer told", async () => {
    const { taskId } = await partsCallTask(t);
    await ok(await attempt(t, taskId, { outcome: "no_answer" }), 201);
    t.run(OPENS);
    expect(overdue()).toEqual([]); // the open call task already carries the deadline (parts-notice.ts)
    expect(guard()).toEqual([{ outcome: "skipped:desk_task_given" }]);
  });
});
