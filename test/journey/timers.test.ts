import { describe, expect, it } from "vitest";
import { progressCheckAt } from "../../src/scheduler/journey/progress-check.js";
import {
  auth,
  bookAt,
  DAY,
  DEALER,
  HOUR,
  jobsOf,
  journeyPerTest,
  MIN,
  outboxOf,
  ok,
  SILENT,
} from "../support/journey.js";
import type { AppointmentView, OverdueList } from "../support/contracts.js";

// Each promise of the customer's journey, on a controlled clock: it fires once, at its
// instant (not a millisecond before), and never reaches a customer without consent.

const t = journeyPerTest(); // Monday

const A = `/v1/dealers/${DEALER}/appointments`;
const START = "2026-11-25T11:00:00+01:00"; // Wednesday
const startMs = Date.parse(START);

/** Runs at due-1ms (nothing of `kind` fires), at due (it fires once), and again (nothing). */
function firesExactlyAt(kind: string, due: number) {
  const before = t.run(due - 1).ran.filter((r) => r.kind === kind);
  expect(before, `${kind} before its instant`).toEqual([]);
  const at = t.run(due).ran.filter((r) => r.kind === kind);
  expect(at.length, `${kind} at its instant`).toBe(1);
  expect(t.run(due + 1).ran.filter((r) => r.kind === kind)).toEqual([]);
  return at[0];
}

describe("a booking's timers", () => {
  it("schedules the booking's promises in its transaction, and the car's own at check-in", async () => {
    const b = await bookAt(t, START);
    const readyMs = Date.parse(b.readyAt);
    const byDue = (rows: (string | number | null)[][]) =>
      rows.sort((x, y) => (x[1] as number) - (y[1] as number) || String(x[0]).localeCompare(String(y[0])));
    // The reminder only: the confirm-overdue alert and the no-show check are written when
    // they fall due (journey/derived-timers.ts; they fire at their instants, below). Nothing
    // about a car that is not in yet: its car-ready call and progress check could only be
    // skipped (issue 17: two rows and two random index leaves per booking).
    const booked = [["reminder", startMs - DAY]];
    expect(jobsOf(t, b.id).map((j) => [j.kind, j.due_at])).toEqual(byDue([...booked]));
    t.at(startMs);
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    // The progress check: 80 % of the planned labour (journey/progress-check.ts), from the stored plan.
    const { labour_json } = t.sqlite.prepare("SELECT labour_json FROM appointments WHERE id = ?").get(b.id) as {
      labour_json: string;
    };
    expect(jobsOf(t, b.id).map((j) => [j.kind, j.due_at])).toEqual(
      byDue([...booked, ["car_ready", readyMs - HOUR], ["progress_check", progressCheckAt(labour_json)]]),
    );
  });

  it("checks in after the car-ready instant: no late 'ready within the hour' to a customer just arrived", async () => {
    const b = await bookAt(t, START);
    const readyMs = Date.parse(b.readyAt);
    t.at(readyMs - 30 * MIN);
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    // Settled as skipped at once (car-ready-check-in.test.ts: nothing timed later revives it).
    expect(jobsOf(t, b.id).filter((j) => j.kind === "car_ready")).toEqual([
      expect.objectContaining({ status: "done", outcome: "skipped:not_in" }),
    ]);
    expect(t.run(readyMs).ran.filter((r) => r.appointmentId === b.id && r.kind === "car_ready")).toEqual([]);
  });

  it("runs a supervisor-notice job written before the booking sent the notice itself, and never sends it twice", async () => {
    const legacyJob = (appointmentId: string) =>
      t.sqlite
        .prepare(
          "INSERT INTO jobs (id, dealer_id, kind, appointment_id, due_at, payload_json, status, attempts, dedupe_key, created_at) VALUES (?, ?, 'supervisor_notice', ?, ?, '{}', 'pending', 0, ?, ?)",
        )
        .run(`legacy-${appointmentId}`, DEALER, appointmentId, t.clock.ms, `supervisor_notice:${appointmentId}`, "x");
    const notices = (id: string) =>
      outboxOf(t, id)
        .filter((m) => m.kind === "supervisor_notice")
        .map((m) => m.dedupe_id);
    // Booked by the old code: no notice yet, its job writes it.
    const old = await bookAt(t, START);
    t.sqlite.prepare("DELETE FROM outbox WHERE appointment_id = ?").run(old.id);
    legacyJob(old.id);
    // Booked by this code, with a job left over all the same: the notice went with the booking.
    const now = await bookAt(t, "2026-11-26T11:00:00+01:00");
    legacyJob(now.id);
    const ran = t.run(t.clock.ms).ran.filter((r) => r.kind === "supervisor_notice");
    expect(ran.map((r) => r.outcome)).toEqual(["staff:supervisor", "staff:supervisor"]);
    expect(notices(old.id)).toEqual([`job:supervisor_notice:${old.id}`]);
    expect(notices(now.id)).toEqual([`job:supervisor_notice:${now.id}`]);
  });

  it("fires each timer exactly once at its instant through the whole visit", async () => {
    const b = await bookAt(t, START);
    const id = b.id;
    const readyMs = Date.parse(b.readyAt);
    // The supervisor hears at once: the booking wrote the notice itself, no timer to wait for.
    expect(outboxOf(t, id).map((m) => `${m.audience}:${m.kind}`)).toEqual(["staff:supervisor_notice"]);
    expect(JSON.parse(outboxOf(t, id)[0].body_json).data.labourHours).toMatchObject({ mechanical: 2 });
    expect(t.run(Date.parse("2026-11-23T09:00:00Z")).ran.filter((r) => r.appointmentId === id)).toEqual([]);
    // Not confirmed within 24 h: an alert, and the request is on the overdue list.
    expect(firesExactlyAt("confirm_overdue", Date.parse("2026-11-24T09:00:00Z")).outcome).toBe("staff:service_desk");
    const overdue = await ok<OverdueList>(await t.api("GET", `/v1/dealers/${DEALER}/overdue`, undefined, auth));
    expect(overdue.appointments.map((a) => a.id)).toEqual([id]);
    expect(firesExactlyAt("reminder", startMs - DAY).outcome).toBe("sent:sms");
    // The customer arrives and checks in; the no-show check finds them there.
    t.at(startMs);
    await ok(await t.api("POST", `${A}/${id}/check-in`, {}, auth));
    expect(firesExactlyAt("no_show_check", startMs + 30 * MIN).outcome).toBe("skipped:status:checked_in");
    expect(firesExactlyAt("car_ready", readyMs - HOUR).outcome).toBe("sent:sms");
    t.at(readyMs + 10 * MIN);
    await ok(await t.api("POST", `${A}/${id}/complete`, {}, auth));
    expect(firesExactlyAt("follow_up", readyMs + 10 * MIN + 2 * DAY).outcome).toBe("sent:sms");
    // Every job done, once; the outbox holds one message per promise.
    expect(jobsOf(t, id).every((j) => j.status === "done")).toBe(true);
    expect(
      outboxOf(t, id)
        .map((m) => `${m.audience}:${m.kind}`)
        .sort(),
    ).toEqual(
      [
        "customer:car_ready",
        "customer:follow_up",
        "customer:reminder",
        "staff:confirm_overdue",
        "staff:next_visit",
        "staff:supervisor_notice",
      ].sort(),
    );
    const nextVisit = outboxOf(t, id).find((m) => m.kind === "next_visit");
    expect(JSON.parse(nextVisit!.body_json).data.options).toHaveLength(2);
  });

  it("marks a no-show 30 minutes after the start, releases the capacity and tasks the desk with two options", async () => {
    const b = await bookAt(t, START);
    t.run("2026-11-25T08:00:00Z");
    expect(t.runtimes.get(DEALER)!.index.bookings.has(b.id)).toBe(true);
    expect(firesExactlyAt("no_show_check", startMs + 30 * MIN).outcome).toBe("no_show");
    const view = await ok<AppointmentView>(await t.api("GET", `${A}/${b.id}`, undefined, auth));
    expect(view).toMatchObject({ status: "no_show", version: 2 });
    expect(t.runtimes.get(DEALER)!.index.bookings.has(b.id)).toBe(false);
    const task = outboxOf(t, b.id).find((m) => m.kind === "no_show_task");
    expect(task).toMatchObject({ audience: "staff", recipient_ref: "advisor:anna" });
    const data = JSON.parse(task!.body_json).data;
    expect(data.task).toBe("contact_and_reschedule");
    expect(data.options).toHaveLength(2);
    for (const o of data.options) expect(Date.parse(o.start)).toBeGreaterThan(t.clock.ms);
    // The car-ready notice of a car that never came is not sent: it was never timed.
    expect(jobsOf(t, b.id).map((j) => j.kind)).not.toContain("car_ready");
    expect(t.run(Date.parse(b.readyAt)).ran.filter((r) => r.kind === "car_ready")).toEqual([]);
  });

  it("never messages a customer who did not consent: no reminder, staff calls instead", async () => {
    const b = await bookAt(t, START, { customer: SILENT() });
    expect(jobsOf(t, b.id).map((j) => j.kind)).not.toContain("reminder");
    t.run(startMs - 10 * MIN);
    t.at(startMs);
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    const readyMs = Date.parse(b.readyAt);
    expect(t.run(readyMs - HOUR).ran.find((r) => r.kind === "car_ready")?.outcome).toBe("staff:advisor:anna");
    t.at(readyMs);
    await ok(await t.api("POST", `${A}/${b.id}/complete`, {}, auth));
    expect(t.run(readyMs + 2 * DAY).ran.find((r) => r.kind === "follow_up")?.outcome).toBe("staff:service_desk");
    // The confirmation is recorded for staff as suppressed by consent, and never sent.
    const toCustomer = outboxOf(t).filter((m) => m.audience === "customer");
    expect(toCustomer.map((m) => [m.kind, m.status, m.state_reason])).toEqual([["confirmed", "suppressed", "consent"]]);
  });

  it("obeys consent withdrawn after booking: the reminder is skipped", async () => {
    const first = await bookAt(t, START);
    // The same customer (same email) books again through the desk and now declines reminders.
    // (An anonymous booking could not: it never changes a stored customer.)
    const email = (
      JSON.parse(
        t.rows<{ customer_json: string }>("SELECT customer_json FROM appointments WHERE id = ?", first.id)[0]
          .customer_json,
      ) as { email: string }
    ).email;
    await bookAt(t, "2026-11-26T11:00:00+01:00", { customer: { ...SILENT(), name: "Marco Bianchi", email } }, auth);
    expect(t.run(startMs - DAY).ran.find((r) => r.appointmentId === first.id && r.kind === "reminder")?.outcome).toBe(
      "skipped:no_consent",
    );
    expect(outboxOf(t, first.id).filter((m) => m.audience === "customer")).toEqual([]);
  });

  it("cancels the pending timers of a cancelled appointment", async () => {
    const b = await bookAt(t, START);
    t.run();
    await ok(await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {}));
    const jobs = jobsOf(t, b.id);
    expect(jobs.filter((j) => j.status === "pending")).toEqual([]);
    expect(t.run(startMs + DAY).ran.filter((r) => r.appointmentId === b.id)).toEqual([]);
  });

  it("moves the placement timers with the appointment, and tells the customer when staff moved it", async () => {
    const b = await bookAt(t, START);
    const later = "2026-11-27T15:00:00+01:00";
    await ok(await t.api("PATCH", `${A}/${b.id}`, { reception: { start: later } }, { ...auth, "If-Match": "1" }));
    const pending = jobsOf(t, b.id).filter((j) => j.status === "pending");
    expect(pending.find((j) => j.kind === "reminder")!.due_at).toBe(Date.parse(later) - DAY);
    // The old instant passes silently.
    expect(t.run(startMs + HOUR).ran.filter((r) => r.kind === "reminder" || r.kind === "no_show_check")).toEqual([]);
    expect(outboxOf(t, b.id).map((m) => m.kind)).toContain("appointment_moved");
    expect(firesExactlyAt("reminder", Date.parse(later) - DAY).outcome).toBe("sent:sms");
    // The no-show check follows the reception to its new time (derived from it when due).
    expect(firesExactlyAt("no_show_check", Date.parse(later) + 30 * MIN).outcome).toBe("no_show");
  });

  it("sends the confirmation to the customer when staff confirm, once", async () => {
    const b = await bookAt(t, START);
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await t.api("POST", `${A}/${b.id}/confirm`, {}, auth); // 409: already confirmed
    expect(outboxOf(t, b.id).filter((m) => m.kind === "confirmed")).toHaveLength(1);
    // Confirmed in time: no overdue alert (no longer a request when it would fall due: derived-timers.ts).
    expect(t.run("2026-11-24T09:00:00Z").ran.filter((r) => r.kind === "confirm_overdue")).toEqual([]);
    expect(outboxOf(t).filter((m) => m.kind === "confirm_overdue")).toEqual([]);
  });
});
