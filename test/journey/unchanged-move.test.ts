import { describe, expect, it } from "vitest";
import { auth, bookAt, bookingBody, DEALER, journeyPerTest, ok, type JourneyApp } from "../support/journey.js";
import { expectProblem } from "../support/http.js";
import type { AppointmentView } from "../support/contracts.js";

// A move that moves nothing (the stored reception and return, after the move's own
// defaulting) is answered with the appointment as it is and writes nothing: no new
// version (a colleague's If-Match stays good), no audit row, no "appointment moved"
// message, no timer, no change-feed row. Its If-Match and its input are checked first.

const t = journeyPerTest();
const START = "2026-12-02T11:00:00+01:00";
const A = `/v1/dealers/${DEALER}/appointments`;

/** Every row a move could write, for the appointment and around it. */
function stored(app: JourneyApp, id: string) {
  return {
    appointment: app.rows("SELECT * FROM appointments WHERE id = ?", id),
    audit: app.rows("SELECT * FROM audit_log ORDER BY rowid"),
    outbox: app.rows("SELECT * FROM outbox ORDER BY rowid"),
    jobs: app.rows("SELECT * FROM jobs ORDER BY rowid"),
    feed: app.rows("SELECT count(*) AS n FROM index_changes"),
  };
}

const patch = (id: string, body: unknown, version = 1) =>
  t.api("PATCH", `${A}/${id}`, body, { ...auth, "If-Match": String(version) });

describe("a move to where the appointment already is", () => {
  it("keeps holding its slot in memory: another booking of that very slot is still refused", async () => {
    const b = await bookAt(t, START);
    await ok(await patch(b.id, {}));
    await ok(await patch(b.id, { reception: { start: "2026-12-02T11:00" } }));
    // The move took the appointment off the in-memory index to re-check it; a move that
    // moves nothing must put it back, or the desk's slot looks free to the next booking.
    const other = await t.api("POST", A, {
      ...bookingBody(START),
      vehicle: { model: "Levante", vin: "ZN6XXXXXXXX000777" },
      customer: { known: true, name: "Altra Cliente", email: "altra@example.com" },
    });
    await expectProblem(other, 409, "slot_unavailable");
  });

  it.each<[string, (b: AppointmentView) => Promise<Response>]>([
    ["an empty PATCH", (b) => patch(b.id, {})],
    ["the same reception start", (b) => patch(b.id, { reception: { start: "2026-12-02T11:00" } })],
    [
      "the same reception and return, spelled out",
      (b) =>
        patch(b.id, {
          reception: { start: b.reception.start, advisorId: b.reception.advisorId },
          return: { start: b.return!.start, advisorId: b.return!.advisorId, minutes: b.return!.minutes },
        }),
    ],
    ["force and a reason alone", (b) => patch(b.id, { force: true, reason: "just checking" })],
    [
      "the customer's reschedule to the time they have",
      (b) => t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, { start: START }),
    ],
  ])("%s: 200 with the appointment unchanged, nothing written", async (_, send) => {
    const b = await bookAt(t, START);
    expect(b.return).not.toBeNull();
    const before = stored(t, b.id);
    const same = await ok<AppointmentView>(await send(b));
    expect(same.version).toBe(1);
    expect({ reception: same.reception, return: same.return, readyAt: same.readyAt }).toEqual({
      reception: b.reception,
      return: b.return,
      readyAt: b.readyAt,
    });
    expect(stored(t, b.id)).toEqual(before);
    // Twice over: the second is as empty as the first (If-Match 1 still names the version).
    await ok(await send(b));
    expect(stored(t, b.id)).toEqual(before);
  });

  it("the customer's reschedule to the time they have keeps the return an advisor agreed, not the first free one", async () => {
    const b = await bookAt(t, START);
    const later = { start: "2026-12-02T17:00:00+01:00", advisorId: "bruno", minutes: 15 };
    const agreed = await ok<AppointmentView>(await patch(b.id, { return: later }));
    expect(agreed.return).toMatchObject({ advisorId: "bruno", minutes: 15 });
    const before = stored(t, b.id);
    const same = await ok<AppointmentView>(
      await t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, { start: START, advisorId: "anna" }),
    );
    expect({ version: same.version, return: same.return }).toEqual({ version: 2, return: agreed.return });
    expect(stored(t, b.id)).toEqual(before);
  });

  it("is still refused at a stale version (412), and still validates its input (400)", async () => {
    const b = await bookAt(t, START);
    await ok(await patch(b.id, { reception: { start: "2026-12-02T14:00" } })); // now version 2
    const before = stored(t, b.id);
    await expectProblem(await patch(b.id, {}, 1), 412, "version_conflict");
    await expectProblem(await patch(b.id, { colour: "red" }, 2), 400, "validation_failed");
    await expectProblem(await patch(b.id, { reception: { start: "2026-12-02T14:0" } }, 2), 400, "validation_failed");
    await expectProblem(await patch(b.id, { reception: { advisorId: "nobody" } }, 2), 400, "validation_failed");
    expect(stored(t, b.id)).toEqual(before);
  });

  it("a real move still writes: a new version and one 'appointment moved' message", async () => {
    const b = await bookAt(t, START);
    const moved = await ok<AppointmentView>(await patch(b.id, { reception: { start: "2026-12-02T14:00" } }));
    expect(moved.version).toBe(2);
    const kinds = t.rows<{ kind: string }>("SELECT kind FROM outbox WHERE appointment_id = ?", b.id).map((m) => m.kind);
    expect(kinds.filter((k) => k === "appointment_moved")).toHaveLength(1);
    // And moving it back where it is now moves nothing.
    await ok(await patch(b.id, { reception: { start: "2026-12-02T14:00" } }, 2));
    expect((await ok<AppointmentView>(await t.api("GET", `${A}/${b.id}`, undefined, auth))).version).toBe(2);
  });
});

describe("a reshuffle that moves nothing", () => {
  const other = (vin: string) => ({ vehicle: { model: "Grecale", vin } });
  const R = `/v1/dealers/${DEALER}/reshuffle`;

  it.each<[string, (a: AppointmentView, b: AppointmentView) => unknown[]]>([
    // Same time, two advisors: exchanging their times changes nothing.
    [
      "a swap of the times of two receptions at the same time",
      (a, b) => ["swap", { appointmentIds: [a.id, b.id], exchange: "time" }],
    ],
    [
      "an advisor's own moves to where the appointments are",
      (a, b) => [
        "late",
        {
          appointmentId: a.id,
          minutes: 15,
          plan: {
            moves: [a, b].map((x) => ({
              appointmentId: x.id,
              version: x.version,
              to: { reception: { start: x.reception.start, advisorId: x.reception.advisorId } },
            })),
          },
        },
      ],
    ],
  ])("%s: applied with no move, nothing written", async (_, request) => {
    const a = await bookAt(t, START, { advisorId: "anna" });
    const b = await bookAt(t, START, { advisorId: "bruno", ...other("ZN6XXXXXXXX000002") });
    const [kind, body] = request(a, b) as [string, Record<string, unknown>];
    const before = [stored(t, a.id), stored(t, b.id)];
    const applied = await ok<{ moves: unknown[] }>(
      await t.api(
        "POST",
        `${R}/${kind}`,
        { ...body, mode: "apply", ...(body.plan ? {} : { expectedVersions: { [a.id]: 1, [b.id]: 1 } }) },
        auth,
      ),
    );
    expect(applied.moves).toEqual([]);
    expect([stored(t, a.id), stored(t, b.id)]).toEqual(before);
  });
});
