import { afterEach, describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { type Api, auth, expectProblem, inProcess, type InProcess, ms } from "../support/http.js";
import { MON, priorityWorld, WED } from "../support/priority-world.js";

// A refused reshuffle apply (409 rule_violation) offers, per failing appointment, the
// alternatives the same reshuffle accepts when the advisor sends it again with only that
// appointment's target replaced by one (everything else the same), each placed as shown
// (return, ready time, express flag), never where the appointment stands now. A priority
// car's refusal used to offer the search's express option, which the reshuffle refuses for
// an appointment stored as ordinary, and the appointment's own current slot.
//
// The world: support/priority-world.ts. The reshuffle is explicit moves (plan.moves) sent
// with mode "apply"; each alternative is tried on a world built afresh, so each is checked
// against the same bookings the refusal saw.

const THU = "2026-11-26";
const SUN = "2026-11-29";

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

type Mc20 = { express: true } | { start: string };
type World = { api: Api; mc: AppointmentView; filled: AppointmentView[] };

async function world(mc20: Mc20): Promise<World> {
  t?.close();
  t = inProcess();
  return { api: t.api, ...(await priorityWorld(t.api, mc20)) };
}

interface To {
  reception: { start: string; advisorId: string };
  return?: { start: string; advisorId: string; minutes: number } | null;
}
const moveTo = (a: AppointmentView, to: To) => ({ appointmentId: a.id, version: a.version, to });
const at = (start: string): To => ({ reception: { start, advisorId: "anna" } });

/** The explicit moves, applied (the "late" frame names the MC20; the moves are all that is applied). */
const apply = (w: World, moves: unknown[]) =>
  w.api(
    "POST",
    "/v1/dealers/roma/reshuffle/late",
    { appointmentId: w.mc.id, minutes: 15, mode: "apply", plan: { moves } },
    auth,
  );

/**
 * The refusal of the MC20 moved to `target` (with `others`' moves), then the same reshuffle
 * with the MC20's target replaced by each of its alternatives, on a fresh world: accepted,
 * and the MC20 lands as offered.
 */
async function everyAlternativeAccepted(mc20: Mc20, target: string, others: (w: World) => unknown[] = () => []) {
  const first = await world(mc20);
  const refused = await expectProblem(
    await apply(first, [moveTo(first.mc, at(target)), ...others(first)]),
    409,
    "rule_violation",
  );
  expect(new Set(refused.violations.map((v) => v.appointmentId))).toEqual(new Set([first.mc.id]));
  const alternatives = refused.alternatives.filter((o) => o.appointmentId === first.mc.id);
  expect(alternatives).toHaveLength(2); // the week has room after the full days
  for (const alt of alternatives) {
    const w = await world(mc20);
    const to: To = {
      reception: { start: alt.start, advisorId: alt.advisorId },
      return: alt.return && { start: alt.return.start, advisorId: alt.return.advisorId, minutes: alt.return.minutes },
    };
    const res = await apply(w, [moveTo(w.mc, to), ...others(w)]);
    const text = await res.clone().text();
    expect({ alternative: alt.start, express: alt.express, status: res.status, text }).toMatchObject({ status: 200 });
    // Placed as offered: the time, the return, the ready time and whether it is express.
    const moved = await json<AppointmentView>(
      await w.api("GET", `/v1/dealers/roma/appointments/${w.mc.id}`, undefined, auth),
    );
    expect({ start: ms(moved.reception.start), advisorId: moved.reception.advisorId }).toEqual({
      start: ms(alt.start),
      advisorId: alt.advisorId,
    });
    expect({ express: moved.express, readyAt: moved.readyAt, return: moved.return }).toEqual({
      express: alt.express,
      readyAt: alt.readyAt,
      return: alt.return,
    });
  }
  return { mc: first.mc, alternatives };
}

describe("a refused reshuffle's alternatives", () => {
  it.each([
    ["to a taken time today", `${MON}T11:00`],
    ["to a closed Sunday", `${SUN}T10:00`],
  ])(
    "a priority car stored as ordinary, moved %s: every alternative is accepted, none express, none where it stands",
    async (_, target) => {
      const { mc, alternatives } = await everyAlternativeAccepted({ start: `${WED}T10:00` }, target);
      expect(mc.express).toBe(false);
      expect(alternatives.filter((o) => o.express || o.overridesCaps)).toEqual([]);
      expect(alternatives.map((o) => ms(o.start))).not.toContain(ms(mc.reception.start));
    },
  );

  it("a priority car booked at its express option: every alternative is accepted, none where it stands now", async () => {
    const { mc, alternatives } = await everyAlternativeAccepted({ express: true }, `${SUN}T10:00`);
    expect(mc.express).toBe(true);
    expect(alternatives.map((o) => ms(o.start))).not.toContain(ms(mc.reception.start));
  });

  it("with another move in the same reshuffle: no alternative takes the slot that move is given", async () => {
    // A Tuesday customer goes to Thursday 10:00 (its return the first free one after), a
    // time the search offers the MC20 too: the MC20 there would make that move fail.
    const other = (w: World) => [moveTo(w.filled.at(-1)!, { ...at(`${THU}T10:00`), return: null })];
    const alone = await world({ start: `${WED}T10:00` });
    const res = await apply(alone, [moveTo(alone.mc, at(`${MON}T11:00`))]);
    const offered = (await expectProblem(res, 409, "rule_violation")).alternatives.map((o) => ms(o.start));
    expect(offered).toContain(ms(`${THU}T10:00+01:00`));
    const { alternatives } = await everyAlternativeAccepted({ start: `${WED}T10:00` }, `${MON}T11:00`, other);
    expect(alternatives.map((o) => ms(o.start))).not.toContain(ms(`${THU}T10:00+01:00`));
  });
});
