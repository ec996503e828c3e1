import { afterEach, describe, expect, it } from "vitest";
import { type AppointmentView, json, type ReshufflePlan } from "../support/contracts.js";
import { expectTakenAsOffered } from "../support/explicit-move.js";
import { type Api, auth, expectProblem, inProcess, type InProcess, ms } from "../support/http.js";
import { fillWithOrdinary, priorityWorld, WED } from "../support/priority-world.js";

// What a re-plan offers for an appointment it cannot place — a refused dry run's
// alternatives, a contact list's options — is what the advisor then sends: that
// appointment's move alone (an explicit move, mode "apply"), after the plan is applied for
// a contact. Each must be accepted as offered (time, return, ready time, express flag).
// They used to be the search's raw nearest options: for a priority car booked as ordinary
// the search's express option (Tuesday's reserve), which its move refuses, and for a late
// customer times found while everyone after them was off the day (the reserve looked free).
//
// The world: support/priority-world.ts, the MC20 booked as an ordinary appointment on
// Wednesday 25 November at 10:00 (outside the express window). Each option is tried on a
// world built afresh, so each is checked against the same bookings the offer saw.

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

type World = { api: Api; mc: AppointmentView };

/** The world; `fullWednesday`: Wednesday filled with ordinary customers but for the reserve. */
async function world(fullWednesday: boolean): Promise<World> {
  t?.close();
  t = inProcess();
  const { mc } = await priorityWorld(t.api, { start: `${WED}T10:00` });
  if (fullWednesday) await fillWithOrdinary(t.api, WED, 1, "w");
  return { api: t.api, mc };
}

const reshuffle = (w: World, kind: string, body: Record<string, unknown>) =>
  w.api("POST", `/v1/dealers/roma/reshuffle/${kind}`, body, auth);

/** Anna away all Wednesday: nobody can receive the MC20 that day. */
const ABSENCE = { advisorId: "anna", start: `${WED}T00:00`, end: "2026-11-26T00:00" };

describe("a refused dry run's alternatives", () => {
  it("running late past closing on a full day: each is a time the late car's move alone is accepted at, as offered", async () => {
    const late = { minutes: 120 }; // 10:00 → 12:00, the closing time
    const first = await world(true);
    const refused = await expectProblem(
      await reshuffle(first, "late", { appointmentId: first.mc.id, ...late }),
      409,
      "rule_violation",
    );
    expect(refused.violations.map((v) => v.code)).toContain("outside_opening_hours");
    const alternatives = refused.alternatives.filter((o) => o.appointmentId === first.mc.id);
    expect(alternatives).toHaveLength(2);
    for (const o of alternatives) {
      const w = await world(true);
      await expectTakenAsOffered(w.api, w.mc, o);
    }
    expect(alternatives.map((o) => ms(o.start))).not.toContain(ms(first.mc.reception.start));
    expect(alternatives.filter((o) => o.express || o.overridesCaps)).toEqual([]);
  });
});

describe("a contact list's options", () => {
  it("an absent advisor's priority car booked as ordinary: each is a time its move alone is accepted at once the plan is applied, as offered", async () => {
    const first = await world(false);
    const plan = await json<ReshufflePlan>(await reshuffle(first, "absence", ABSENCE));
    expect(plan.contact.map((c) => c.appointmentId)).toEqual([first.mc.id]);
    const options = plan.contact[0].options;
    expect(options).toHaveLength(2);
    for (const o of options) {
      const w = await world(false);
      // The plan applied first (its token from this world's own dry run), then the call.
      const dry = await json<ReshufflePlan>(await reshuffle(w, "absence", ABSENCE));
      const applied = await reshuffle(w, "absence", { ...ABSENCE, mode: "apply", planToken: dry.planToken });
      expect(applied.status).toBe(200);
      await expectTakenAsOffered(w.api, w.mc, o);
    }
    expect(options.filter((o) => o.express || o.overridesCaps)).toEqual([]);
  });
});
