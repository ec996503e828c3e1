import { describe, expect, it } from "vitest";
import { json, type RuleProblem } from "../support/contracts.js";
import { auth, bookAt, DEALER, jobsOf, journeyPerTest, MIN, ok, outboxOf } from "../support/journey.js";
import type { AppointmentView } from "../support/contracts.js";

// A late customer after the automatic no-show: staff check them in (audited), the
// capacity the no-show released is taken back, and the no-show's consequences are
// withdrawn (the desk's task, or a "ignore it" note when it already left; the car-ready
// timer comes back).

const t = journeyPerTest();

const A = `/v1/dealers/${DEALER}/appointments`;
const START = "2026-11-25T11:00:00+01:00";
const startMs = Date.parse(START);

async function noShow() {
  const b = await bookAt(t, START);
  expect(t.run(startMs + 30 * MIN).ran.find((r) => r.kind === "no_show_check")?.outcome).toBe("no_show");
  expect(t.runtimes.get(DEALER)!.index.bookings.has(b.id)).toBe(false);
  return b;
}
const checkIn = (id: string, headers: Record<string, string> = auth) =>
  t.api("POST", `${A}/${id}/check-in`, {}, headers);

describe("checking in a late customer after the automatic no-show", () => {
  it("is allowed to staff: checked_in, audited as a late arrival, capacity taken back, the pending task withdrawn, car-ready back", async () => {
    const b = await noShow();
    expect(outboxOf(t, b.id).find((m) => m.kind === "no_show_task")).toMatchObject({ status: "pending" });
    t.at(startMs + 40 * MIN);
    const view = await ok<AppointmentView>(await checkIn(b.id));
    expect(view).toMatchObject({ status: "checked_in", version: 3 });
    const audit = t.rows<{ before_json: string }>(
      "SELECT * FROM audit_log WHERE appointment_id = ? AND action = 'check-in'",
      b.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "admin", reason: "late arrival after the automatic no-show" });
    expect(JSON.parse(audit[0].before_json)).toMatchObject({ status: "no_show" });
    expect(t.runtimes.get(DEALER)!.index.bookings.has(b.id)).toBe(true);
    const task = outboxOf(t, b.id).find((m) => m.kind === "no_show_task");
    expect(task).toMatchObject({ status: "withdrawn" });
    expect(outboxOf(t, b.id).find((m) => m.kind === "no_show_withdrawn")).toBeUndefined();
    expect(jobsOf(t, b.id).find((j) => j.kind === "car_ready")).toMatchObject({ status: "pending" });
    // The withdrawn task is never delivered, whatever runs next.
    t.run(startMs + 41 * MIN);
    expect(outboxOf(t, b.id).find((m) => m.kind === "no_show_task")).toMatchObject({ status: "withdrawn" });
  });

  it("is refused (409 rule_violation) when the courtesy car the no-show released was lent to others, and changes nothing", async () => {
    const b = await bookAt(t, START, { mobility: "courtesy_car" });
    expect(t.run(startMs + 30 * MIN).ran.find((r) => r.kind === "no_show_check")?.outcome).toBe("no_show");
    t.at(startMs + 40 * MIN);
    // The fleet of two goes to two customers whose loans overlap the late one's.
    await bookAt(t, "2026-11-25T14:00:00+01:00", {
      mobility: "courtesy_car",
      customer: { name: "Second", email: "second@example.com", known: true },
    });
    await bookAt(t, "2026-11-25T14:30:00+01:00", {
      mobility: "courtesy_car",
      customer: { name: "Third", email: "third@example.com", known: true },
    });
    const res = await checkIn(b.id);
    expect(res.status).toBe(409);
    const problem = await json<RuleProblem>(res);
    expect(problem.code).toBe("rule_violation");
    expect(problem.violations.map((v) => v.code)).toContain("mobility_unavailable");
    const row = t.rows("SELECT status, version FROM appointments WHERE id = ?", b.id)[0];
    expect(row).toMatchObject({ status: "no_show", version: 2 });
    expect(t.runtimes.get(DEALER)!.index.bookings.has(b.id)).toBe(false);
  });

  it("tells the advisor to ignore a task that already left", async () => {
    const b = await noShow();
    t.sqlite.prepare("UPDATE outbox SET status = 'delivered' WHERE dedupe_id = ?").run(`no_show_task:${b.id}`);
    await ok(await checkIn(b.id));
    const note = outboxOf(t, b.id).find((m) => m.kind === "no_show_withdrawn");
    expect(note).toMatchObject({ audience: "staff", recipient_ref: "advisor:anna", status: "pending" });
    expect(JSON.parse(note!.body_json).subject).toMatch(/arrived late/);
  });

  it("is refused to anyone without a staff credential (401), and changes nothing", async () => {
    const b = await noShow();
    expect((await checkIn(b.id, {})).status).toBe(401);
    expect((await ok<AppointmentView>(await t.api("GET", `${A}/${b.id}`, undefined, auth))).status).toBe("no_show");
  });

  it("never revives a cancelled appointment (409 invalid_transition)", async () => {
    const b = await bookAt(t, START);
    await ok(await t.api("POST", `${A}/${b.id}/cancel`, {}, auth));
    const res = await checkIn(b.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: unknown }).code).toBe("invalid_transition");
  });
});
