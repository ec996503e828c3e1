import { describe, expect, it } from "vitest";
import { auth, bookAt, CONSENTING, DEALER, journeyPerTest, ok } from "../support/journey.js";
import { leaves } from "../support/mime.js";
import { mailVia, startSmtp } from "../support/smtp.js";
import { perTest } from "../support/fixture.js";
import type { ReshufflePlan } from "../support/contracts.js";

// An applied re-plan tells every customer whose time changed, once, by email: the new
// time and the manage link. Customers whose time stayed (another advisor) are not
// disturbed, and a replayed apply sends nothing more.

const TUE = "2026-11-24";

const smtp = perTest(startSmtp, (s) => s.close());
const t = journeyPerTest({
  deps: () => mailVia(smtp),
  dealer: () => ({ advisors: [{ id: "anna", name: "Anna Rossi" }] }),
});

const byEmail = () => ({ ...CONSENTING(), reminders: { consent: true, channel: "email" } });
let vin = 0;
/** Three different customers with three different cars. */
const own = () => ({ customer: byEmail(), vehicle: { model: "Grecale", vin: `ZN6XXXXXXXX00010${++vin}` } });
const emailOf = (id: string) =>
  t.rows<{ email: string }>(
    "SELECT c.email FROM appointments a JOIN customers c ON c.id = a.customer_id WHERE a.id = ?",
    id,
  )[0].email;

describe("re-plan messages", () => {
  it("an applied absence re-plan sends exactly one appointment_moved email per moved customer, with the new time and the manage link", async () => {
    const booked = [
      await bookAt(t, `${TUE}T09:00`, own()),
      await bookAt(t, `${TUE}T09:30`, own()),
      await bookAt(t, `${TUE}T15:00`, own()),
    ];
    const body = { advisorId: "anna", start: `${TUE}T08:00`, end: `${TUE}T10:00`, reason: "sick" };
    const plan = await ok<ReshufflePlan>(await t.api("POST", `/v1/dealers/${DEALER}/reshuffle/absence`, body, auth));
    expect(plan.notify.sort()).toEqual([booked[0].id, booked[1].id].sort());
    const applied = await ok<ReshufflePlan>(
      await t.api(
        "POST",
        `/v1/dealers/${DEALER}/reshuffle/absence`,
        { ...body, mode: "apply", planToken: plan.planToken },
        auth,
      ),
    );
    await t.journey.tick(t.clock.ms);
    // Replaying the apply changes nothing and sends nothing more.
    expect(
      (
        await t.api(
          "POST",
          `/v1/dealers/${DEALER}/reshuffle/absence`,
          { ...body, mode: "apply", planToken: plan.planToken },
          auth,
        )
      ).status,
    ).toBe(412);
    await t.journey.tick(t.clock.ms + 60_000);

    const moved = smtp.received.filter((m) => /^Appointment moved/.test(m.mail.headers.subject ?? ""));
    expect(moved.map((m) => m.to[0]).sort()).toEqual([emailOf(booked[0].id), emailOf(booked[1].id)].sort());
    for (const mv of applied.moves) {
      const mail = moved.find((m) => m.to[0] === emailOf(mv.appointmentId))!;
      const text = leaves(mail.mail).find((p) => p.headers["content-type"]?.startsWith("text/plain"))!.body;
      const local = mv.to.reception.start.slice(11, 16); // the new local time
      expect(text).toContain(local);
      expect(text).toMatch(/https:\/\/pitlane\.test\/m\/\S+/);
      // Each customer gets only their own appointment, with an invitation update.
      expect(leaves(mail.mail).some((p) => /method=REQUEST/i.test(p.headers["content-type"] ?? ""))).toBe(true);
    }
    expect(smtp.received.some((m) => m.to[0] === emailOf(booked[2].id))).toBe(false);
  });
});
