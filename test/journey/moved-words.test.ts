import { describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, journeyPerTest, ok, outboxOf } from "../support/journey.js";

// What the customer is told when staff move the appointment: the time it moved from and
// to, and when the car comes back. When only the return moved, the message leads with the
// new time to collect the car: it used to say "moved, now on <the unchanged reception>"
// and leave the new hand-back unsaid (a messages review).

const t = journeyPerTest();
const A = `/v1/dealers/${DEALER}/appointments`;
const patch = (id: string, body: unknown, version = 1) =>
  t.api("PATCH", `${A}/${id}`, body, { ...auth, "If-Match": String(version) });
const moved = (id: string) =>
  outboxOf(t, id)
    .filter((m) => m.kind === "appointment_moved")
    .map((m) => {
      const body = JSON.parse(m.body_json) as { subject: string; text: string };
      return { subject: body.subject, text: body.text.split("\n\n")[0] };
    });

describe("the customer's appointment_moved", () => {
  it("a reception moved: from when to when, and when the car comes back", async () => {
    const b = await bookAt(t, "2026-12-02T11:00");
    await ok(await patch(b.id, { reception: { start: "2026-12-03T10:00" } }));
    const [m] = moved(b.id);
    expect(m.subject).toBe("Appointment moved: Thursday 3 December at 10:00");
    expect(m.text).toContain("has moved from Wednesday 2 December at 11:00 to Thursday 3 December at 10:00");
    expect(m.text).toMatch(/will hand your Grecale .*back to you at .+ on Thursday 3 December at \d\d:\d\d\./);
  });

  it("only the return moved: the new time to collect the car, the reception said unchanged", async () => {
    const b = await bookAt(t, "2026-12-02T11:00");
    await ok(await patch(b.id, { return: { start: "2026-12-02T17:00" } }));
    const [m] = moved(b.id);
    expect(m.subject).toMatch(/^New time to collect your Grecale .*: Wednesday 2 December at 17:00$/);
    expect(m.text).toContain("on Wednesday 2 December at 11:00");
    expect(m.text).toContain("stays as it is; the time to collect your car has changed.");
    expect(m.text).toContain("back to you at");
    expect(m.text).not.toContain("is now on");
  });

  it("only the advisor changed: the time is said to stand, and who will welcome them", async () => {
    const b = await bookAt(t, "2026-12-02T11:00");
    const other = b.reception.advisorId === "anna" ? "bruno" : "anna";
    await ok(await patch(b.id, { reception: { start: "2026-12-02T11:00", advisorId: other } }));
    const [m] = moved(b.id);
    expect(m.subject).toMatch(/^Your appointment on Wednesday 2 December at 11:00: .+ will welcome you$/);
    expect(m.text).toContain("keeps its time;");
    expect(m.text).not.toMatch(/moved|is now on/);
  });

  it("only the return's advisor changed: who hands the car back, the times said to stand", async () => {
    const b = await bookAt(t, "2026-12-02T11:00");
    const ret = b.return!;
    const other = ret.advisorId === "anna" ? "bruno" : "anna";
    await ok(await patch(b.id, { return: { start: ret.start, advisorId: other, minutes: ret.minutes } }));
    const [m] = moved(b.id);
    expect(m.subject).toMatch(/^Your Grecale .*: handed back by .+$/);
    expect(m.text).toContain("keeps its times.");
    expect(m.text).toContain("will hand your Grecale");
    expect(m.text).not.toMatch(/will welcome you|moved|is now on/);
  });
});
