import { describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, journeyPerTest, ok, outboxOf } from "../support/journey.js";
import type { AppointmentView, AvailabilityResponse } from "../support/contracts.js";

// A customer who moves or cancels on their own page reaches the dealer only through
// Pitlane: the advisor(s) and the supervisor get a staff message in the same transaction.
// Staff changes tell the customer instead, never the staff themselves.

const t = journeyPerTest();
const START = "2026-11-25T11:00:00+01:00";
const A = `/v1/dealers/${DEALER}/appointments`;

const staffOf = (id: string) =>
  outboxOf(t, id)
    .filter((m) => m.audience === "staff" && m.kind !== "supervisor_notice")
    .map((m) => ({ kind: m.kind, to: m.recipient_ref, text: JSON.parse(m.body_json).text as string }));

async function anotherOption(advisorNot?: string) {
  const avail = await ok<AvailabilityResponse>(
    await t.api("POST", `/v1/dealers/${DEALER}/availability`, { interventions: ["maintenance"], from: "2026-11-27" }),
  );
  return avail.options.find((o) => o.advisorId !== advisorNot) ?? avail.options[0];
}

describe("a customer's own change", () => {
  it("a move tells the advisors (before and after) and the supervisor, with the old and the new time", async () => {
    const b = await bookAt(t, START, { advisorId: "bruno" });
    const option = await anotherOption(b.reception.advisorId);
    const moved = await ok<AppointmentView>(
      await t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, { optionId: option.optionId }),
    );
    expect(moved.reception.advisorId).not.toBe(b.reception.advisorId); // so both advisors are told
    const notes = staffOf(b.id);
    // Reception and return advisors, before and after.
    const advisors = [b, moved].flatMap((a) => [a.reception.advisorId, a.return?.advisorId]).filter(Boolean);
    const roles = new Set([...advisors.map((a) => `advisor:${a}`), "supervisor"]);
    expect(notes.map((n) => n.to).sort()).toEqual([...roles].sort());
    expect(notes.every((n) => n.kind === "customer_moved")).toBe(true);
    // From where it was to where it is now, in the desk's short words (the dealer's locale, en).
    expect(option.start.slice(0, 16)).toBe("2026-11-27T09:00");
    for (const n of notes)
      expect(n.text).toContain("moved their appointment online from Wed 25/11 at 11:00 to Fri 27/11 at 9:00 (");
    // The customer who moved it is not told of their own move.
    expect(outboxOf(t, b.id).map((m) => m.kind)).not.toContain("appointment_moved");
  });

  it("a cancellation tells the advisor and the supervisor; the customer gets no 'cancelled' message", async () => {
    const b = await bookAt(t, START);
    await ok(await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {}));
    const notes = staffOf(b.id);
    const advisors = new Set([b.reception.advisorId, b.return?.advisorId].filter(Boolean));
    expect(notes.map((n) => [n.kind, n.to]).sort()).toEqual(
      [...[...advisors].map((a) => `advisor:${a}`), "supervisor"].map((to) => ["customer_cancelled", to]).sort(),
    );
    expect(notes[0].text).toMatch(/cancelled online the appointment on Wed 25\/11 at 11:00 \(/);
    expect(outboxOf(t, b.id).map((m) => m.kind)).not.toContain("cancelled");
  });

  it.each([
    [
      "move",
      (id: string) =>
        t.api(
          "PATCH",
          `${A}/${id}`,
          { reception: { start: "2026-11-27T15:00:00+01:00" } },
          { ...auth, "If-Match": "1" },
        ),
    ],
    ["cancellation", (id: string) => t.api("POST", `${A}/${id}/cancel`, {}, auth)],
  ] as const)("a staff %s tells the customer, not the staff", async (_, change) => {
    const b = await bookAt(t, START);
    await ok(await change(b.id));
    expect(staffOf(b.id)).toEqual([]);
    expect(outboxOf(t, b.id).some((m) => m.audience === "customer" && /moved|cancelled/.test(m.kind))).toBe(true);
  });
});
