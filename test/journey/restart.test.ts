import { describe, expect, it } from "vitest";
// helpers first: it loads the app, whose first import extends zod with .openapi().
import { bookAt, DAY, DEALER, jobsOf, journeyPerTest, MIN, outboxOf } from "../support/journey.js";
import { claimDueJobs, finishJob } from "../../src/db/repos/jobs.js";
import { JOB_LEASE_MS } from "../../src/scheduler/journey/runner.js";

// Timers survive restarts: what fell due while the process was down fires once on the
// next run; a run that died mid-way is taken over after its lease, and its effects
// still happen exactly once.

const t = journeyPerTest();

const START = "2026-11-25T11:00:00+01:00";
const startMs = Date.parse(START);

describe("durable timers across restarts", () => {
  it("catches up after a restart: everything due while down fires once", async () => {
    const b = await bookAt(t, START);
    t.crash();
    t.restart();
    // Back up two hours after the start: the overdue alert, reminder and the no-show all
    // fell due while we were down (the supervisor's notice went with the booking).
    const ran = t.run(startMs + 2 * 60 * MIN).ran.filter((r) => r.appointmentId === b.id);
    expect(ran.map((r) => [r.kind, r.outcome])).toEqual([
      ["confirm_overdue", "staff:service_desk"],
      // Late: the appointment had already started when we came back.
      ["reminder", "skipped:late"],
      ["no_show_check", "no_show"],
    ]);
    t.restart();
    expect(t.run(startMs + 3 * 60 * MIN).ran.filter((r) => r.appointmentId === b.id && r.kind !== "car_ready")).toEqual(
      [],
    );
    // The restarted runtime rebuilt its index from storage: the no-show holds nothing.
    expect(t.runtimes.get(DEALER)!.index.bookings.has(b.id)).toBe(false);
  });

  it("takes over a run that crashed mid-way after its lease, and its effects happen once", async () => {
    const b = await bookAt(t, START);
    const due = startMs - DAY;
    t.run(due - 1); // the overdue alert, not the reminder yet
    // A worker claims the reminder and dies before committing anything.
    const claimed = claimDueJobs(t.sqlite, due, JOB_LEASE_MS, 10);
    expect(claimed.map((j) => j.kind)).toEqual(["reminder"]);
    t.crash();
    t.restart();
    // While the dead worker's lease lasts, nobody else runs it.
    expect(t.run(due + JOB_LEASE_MS - 1).ran).toEqual([]);
    // After it, it runs; once.
    expect(t.run(due + JOB_LEASE_MS + 1).ran.map((r) => r.kind)).toEqual(["reminder"]);
    expect(t.run(due + JOB_LEASE_MS + 2).ran).toEqual([]);
    expect(outboxOf(t, b.id).filter((m) => m.kind === "reminder")).toHaveLength(1);
    expect(jobsOf(t, b.id).find((j) => j.kind === "reminder")).toMatchObject({ status: "done", outcome: "sent:sms" });
  });

  it("fences a worker whose lease expired: it can no longer mark the job done", async () => {
    await bookAt(t, START);
    const due = startMs - DAY;
    t.run(due - 1);
    const [stale] = claimDueJobs(t.sqlite, due, JOB_LEASE_MS, 10);
    const [fresh] = claimDueJobs(t.sqlite, due + JOB_LEASE_MS + 1, JOB_LEASE_MS, 10);
    expect(fresh.id).toBe(stale.id);
    expect(finishJob(t.sqlite, stale, "sent", new Date().toISOString())).toBe(false);
    expect(finishJob(t.sqlite, fresh, "sent", new Date().toISOString())).toBe(true);
  });

  it("retries a job whose run threw, later, and does not lose it", async () => {
    const b = await bookAt(t, START);
    t.run(startMs - DAY - 1);
    // Break the outbox for a moment: the reminder's run throws and rolls back.
    t.sqlite.exec("CREATE TRIGGER no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox offline'); END");
    const r1 = t.run(startMs - DAY);
    expect(r1.failed).toBe(1);
    expect(outboxOf(t, b.id).filter((m) => m.kind === "reminder")).toEqual([]);
    t.sqlite.exec("DROP TRIGGER no_outbox");
    expect(t.run(startMs - DAY + 30_000 - 1).ran.filter((r) => r.kind === "reminder")).toEqual([]);
    expect(
      t
        .run(startMs - DAY + 60_000)
        .ran.filter((r) => r.kind === "reminder")
        .map((r) => r.outcome),
    ).toEqual(["sent:sms"]);
    expect(t.logs.some((l) => l.msg === "job failed" && l.kind === "reminder")).toBe(true);
  });
});
