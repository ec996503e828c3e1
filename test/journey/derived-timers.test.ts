import { describe, expect, it } from "vitest";
import { ONLINE_CHANNELS } from "../../src/core/status.js";
import { scheduleJobs } from "../../src/db/repos/jobs.js";
import { REQUESTED_ONLINE } from "../../src/db/schema.js";
import { confirmOverdueTimer, noShowTimer } from "../../src/scheduler/journey/timers.js";
import { nextWakeAt } from "../../src/worker/alarms.js";
import type { AppointmentView } from "../support/contracts.js";
import {
  auth,
  bookAt,
  bookingBody,
  DAY,
  DEALER,
  HOUR,
  jobsOf,
  journeyDealer,
  journeyPerTest,
  MIN,
  ok,
} from "../support/journey.js";

// The no-show check and an online request's confirm-overdue alert are derived from the
// appointment until they fall due (src/scheduler/journey/derived-timers.ts): the runner
// writes their rows then, from the appointment as it is, and runs them as any timer.
// These tests hold the watermark's rule to what the rows used to promise.

const t = journeyPerTest(); // Monday 2026-11-23 09:00Z
const A = `/v1/dealers/${DEALER}/appointments`;
const START = "2026-11-25T11:00:00+01:00";
const startMs = Date.parse(START);
const CREATED = Date.parse("2026-11-23T09:00:00Z");

const ranFor = (r: { ran: Array<{ kind: string; appointmentId: string | null; outcome: string }> }, id: string) =>
  r.ran.filter((x) => x.appointmentId === id).map((x) => [x.kind, x.outcome]);
const sweptTo = (kind: string) =>
  t.rows<{ swept_to: number }>("SELECT swept_to FROM timer_sweeps WHERE kind = ?", kind)[0]?.swept_to;

describe("the timers derived from an appointment", () => {
  it("are not rows at booking, start the watermark there, and each fires once at its instant", async () => {
    const b = await bookAt(t, START);
    expect(jobsOf(t, b.id).map((j) => j.kind)).toEqual(["reminder"]);
    expect([sweptTo("no_show_check"), sweptTo("confirm_overdue")]).toEqual([CREATED, CREATED]);
    expect(ranFor(t.run(CREATED + DAY - 1), b.id)).toEqual([]);
    expect(ranFor(t.run(CREATED + DAY), b.id)).toEqual([["confirm_overdue", "staff:service_desk"]]);
    expect(ranFor(t.run(CREATED + DAY + 1), b.id)).toEqual([]);
    expect(ranFor(t.run(startMs - DAY), b.id)).toEqual([["reminder", "sent:sms"]]);
    expect(ranFor(t.run(startMs + 30 * MIN - 1), b.id)).toEqual([]);
    expect(ranFor(t.run(startMs + 30 * MIN), b.id)).toEqual([["no_show_check", "no_show"]]);
    expect(ranFor(t.run(startMs + DAY), b.id)).toEqual([]);
  });

  it("fire after a downtime, once, when the runner comes back", async () => {
    const b = await bookAt(t, START);
    t.restart();
    const r = t.run(startMs + DAY);
    expect(ranFor(r, b.id).map(([k]) => k)).toEqual(["confirm_overdue", "reminder", "no_show_check"]);
    t.restart();
    expect(ranFor(t.run(startMs + 2 * DAY), b.id)).toEqual([]);
  });

  it("follow a cancellation and a confirmation: nothing fires for a cancelled visit, no alert for a confirmed one", async () => {
    const gone = await bookAt(t, START);
    const kept = await bookAt(t, "2026-11-25T12:00:00+01:00");
    await ok(await t.api("POST", `/v1/manage/${gone.manageToken}/cancel`, {}));
    await ok(await t.api("POST", `${A}/${kept.id}/confirm`, {}, auth));
    const r = t.run(startMs + DAY);
    expect(ranFor(r, gone.id)).toEqual([]);
    expect(ranFor(r, kept.id).map(([k]) => k)).toEqual(["reminder", "no_show_check"]);
  });

  it("follow a move away and back: one check, at the time it ends at", async () => {
    const b = await bookAt(t, START);
    const move = async (start: string, version: number) =>
      ok(await t.api("PATCH", `${A}/${b.id}`, { reception: { start } }, { ...auth, "If-Match": String(version) }));
    await move("2026-11-26T11:00:00+01:00", 1);
    await move(START, 2);
    const r = t.run(startMs + DAY);
    expect(ranFor(r, b.id).filter(([k]) => k === "no_show_check")).toEqual([["no_show_check", "no_show"]]);
    expect(r.ran.find((x) => x.kind === "no_show_check")!.dueAt).toBe(startMs + 30 * MIN);
  });

  it("are written at once when their instant is already swept (a clock set back)", async () => {
    t.run("2026-11-26T09:00:00Z"); // nothing booked yet: no watermark is started by an empty sweep
    expect(sweptTo("no_show_check")).toBeUndefined();
    await bookAt(t, "2026-11-27T11:00:00+01:00"); // starts the watermark at the 26th
    t.run("2026-11-27T12:00:00Z"); // and the sweep moves it to the 27th, 12:00
    expect(sweptTo("no_show_check")).toBe(Date.parse("2026-11-27T12:00:00Z"));
    t.at(CREATED); // the clock is set back to Monday: a booking for Wednesday is due before the watermark
    const b = await bookAt(t, START);
    expect(jobsOf(t, b.id).map((j) => [j.kind, j.due_at])).toEqual([
      ["confirm_overdue", CREATED + DAY],
      ["reminder", startMs - DAY],
      ["no_show_check", startMs + 30 * MIN],
    ]);
  });

  it("run once beside the rows an older build wrote for its bookings (an upgraded store)", async () => {
    const old = await bookAt(t, START);
    // As before migration 0017: the booking's rows written with it, and no watermark.
    t.sqlite.exec("DELETE FROM timer_sweeps");
    const rows = [noShowTimer(old.id, startMs / MIN), confirmOverdueTimer(old.id, CREATED)];
    scheduleJobs(
      t.sqlite,
      rows.map((r) => ({
        dealerId: DEALER,
        kind: r.kind,
        appointmentId: old.id,
        dueAt: r.dueAt,
        dedupeKey: r.dedupeKey,
      })),
      new Date(CREATED).toISOString(),
    );
    const fresh = await bookAt(t, "2026-11-25T11:30:00+01:00");
    const r = t.run(startMs + DAY);
    for (const id of [old.id, fresh.id])
      expect(ranFor(r, id).map(([k]) => k)).toEqual(["confirm_overdue", "reminder", "no_show_check"]);
    expect(ranFor(t.run(startMs + 2 * DAY), old.id)).toEqual([]);
  });

  it("follow a staff no-show and a late check-in before the check is due: it runs and finds the car in", async () => {
    const b = await bookAt(t, START);
    t.at(startMs + 10 * MIN);
    await ok(await t.api("POST", `${A}/${b.id}/no-show`, {}, auth));
    t.at(startMs + 20 * MIN);
    await ok(await t.api("POST", `${A}/${b.id}/check-in`, {}, auth));
    expect(ranFor(t.run(startMs + 30 * MIN), b.id)).toEqual([["no_show_check", "skipped:status:checked_in"]]);
  });

  it("are swept for every dealer in the store", async () => {
    await ok(await t.api("PUT", "/v1/dealers/other", journeyDealer(), auth), 201);
    const here = await bookAt(t, START);
    const there = await ok<AppointmentView>(
      await t.api("POST", "/v1/dealers/other/appointments", bookingBody(START)),
      201,
    );
    expect(nextWakeAt(t.sqlite as never)).toBeLessThanOrEqual(CREATED + DAY);
    const r = t.run(startMs + DAY);
    for (const id of [here.id, there.id])
      expect(ranFor(r, id).map(([k]) => k)).toEqual(["confirm_overdue", "reminder", "no_show_check"]);
  });

  it("move the watermark when they find nothing only once an hour (one small write, not one a tick)", async () => {
    await bookAt(t, START);
    t.run(CREATED + 30 * MIN);
    expect(sweptTo("no_show_check")).toBe(CREATED);
    t.run(CREATED + HOUR);
    expect(sweptTo("no_show_check")).toBe(CREATED + HOUR);
  });

  it("leave the other timers running when a sweep fails, and say so in the log", async () => {
    const b = await bookAt(t, START);
    // A request whose creation instant cannot be read: its alert's row cannot be written.
    t.sqlite.prepare("UPDATE appointments SET created_at = '2026-11-23T09:00:00.000Zx' WHERE id = ?").run(b.id);
    const r = t.run(startMs - DAY);
    expect(ranFor(r, b.id)).toEqual([["reminder", "sent:sms"]]);
    expect(t.logs.filter((l) => l.msg === "timer sweep failed")).toHaveLength(1);
  });

  it("are found through their indexes: the partial index names exactly the online channels", () => {
    const index = t.rows<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE name = 'appointments_requested_online_idx'",
    )[0].sql;
    expect(index).toContain(`IN (${ONLINE_CHANNELS.map((c) => `'${c}'`).join(", ")})`);
    const plan = (sql: string) =>
      t
        .rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, "a", "b")
        .map((r) => r.detail)
        .join("; ");
    expect(
      plan(`SELECT id FROM appointments WHERE ${REQUESTED_ONLINE} AND created_at > ? AND created_at <= ?`),
    ).toContain("USING INDEX appointments_requested_online_idx");
  });

  it("wake a Worker's dealer at the first of them (worker/alarms.ts)", async () => {
    const b = await bookAt(t, START, { customer: { known: true, name: "Sara Verdi", email: "s@example.com" } });
    expect(jobsOf(t, b.id)).toEqual([]); // no consent: no reminder row; the two timers are derived
    const wake = () => nextWakeAt(t.sqlite as never);
    await t.journey.tick(CREATED); // the supervisor's notice leaves
    expect(wake()).toBe(CREATED + DAY); // the confirm-overdue alert, from the request
    await t.journey.tick(CREATED + DAY); // it fires, and its message leaves
    expect(wake()).toBe(startMs + 30 * MIN); // the no-show check, from the reception
  });
});
