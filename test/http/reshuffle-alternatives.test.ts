import { afterEach, describe, expect, it } from "vitest";
import type { AppointmentView } from "../support/contracts.js";
import {
  applyMoves,
  expectTakenAsOffered,
  getAppointment,
  moveTo,
  type To,
  toOption,
} from "../support/explicit-move.js";
import { type Api, expectProblem, inProcess, type InProcess, ms } from "../support/http.js";
import { MON, priorityWorld, WED } from "../support/priority-world.js";

// A refused reshuffle apply (409 rule_violation) offers, per failing appointment, the
// alternatives the same reshuffle accepts when the advisor sends it again with only that
// appointment's target replaced by one (everything else the same), each placed as shown
// (return, ready time, express flag), never where the appointment stands now. A priority
// car's refusal used to offer the search's express option, which the reshuffle refuses for
// an appointment stored as ordinary, and the appointment's own current slot.
//
// The world: support/priority-world.ts. The reshuffle is explicit moves (plan.moves) sent
// with mode "apply" (support/explicit-move.ts); each alternative is tried on a world built afresh, so each is checked
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

const at = (start: string): To => ({ reception: { start, advisorId: "anna" } });

/**
 * The refusal of the MC20 moved to `target` (with `others`' moves), then the same reshuffle
 * with the MC20's target replaced by each of its alternatives, on a fresh world: accepted,
 * and the MC20 lands as offered.
 */
async function everyAlternativeAccepted(
  mc20: Mc20,
  target: string,
  others: (w: World) => Array<ReturnType<typeof moveTo>> = () => [],
) {
  const first = await world(mc20);
  const refused = await expectProblem(
    await applyMoves(first.api, [moveTo(first.mc, at(target)), ...others(first)]),
    409,
    "rule_violation",
  );
  expect(new Set(refused.violations.map((v) => v.appointmentId))).toEqual(new Set([first.mc.id]));
  const alternatives = refused.alternatives.filter((o) => o.appointmentId === first.mc.id);
  expect(alternatives).toHaveLength(2); // the week has room after the full days
  for (const alt of alternatives) {
    const w = await world(mc20);
    await expectTakenAsOffered(w.api, w.mc, alt, others(w));
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
    const res = await applyMoves(alone.api, [moveTo(alone.mc, at(`${MON}T11:00`))]);
    const offered = (await expectProblem(res, 409, "rule_violation")).alternatives.map((o) => ms(o.start));
    expect(offered).toContain(ms(`${THU}T10:00+01:00`));
    const { alternatives } = await everyAlternativeAccepted({ start: `${WED}T10:00` }, `${MON}T11:00`, other);
    expect(alternatives.map((o) => ms(o.start))).not.toContain(ms(`${THU}T10:00+01:00`));
  });

  it("two appointments refused at once: no slot offered to both, and each one's first offer sent together is accepted", async () => {
    // The reviewer's case: the MC20 and an ordinary customer both moved to the closed
    // Sunday. Each used to be checked alone, so both were offered Monday 30 and Tuesday 1
    // at 10:00 with Anna, and taking both first offers was refused (advisor_busy).
    const both = (w: World) => [moveTo(w.mc, at(`${SUN}T10:00`)), moveTo(w.filled[0], at(`${SUN}T10:00`))];
    const first = await world({ start: `${WED}T10:00` });
    const refused = await expectProblem(await applyMoves(first.api, both(first)), 409, "rule_violation");
    const ids = [first.mc.id, first.filled[0].id];
    expect(new Set(refused.violations.map((v) => v.appointmentId))).toEqual(new Set(ids));
    const offers = ids.map((id) => refused.alternatives.filter((o) => o.appointmentId === id));
    for (const o of offers) expect(o.length).toBeGreaterThan(0);
    const slots = (o: (typeof offers)[number][number]) => [
      `${o.advisorId} ${ms(o.start)}`,
      ...(o.return ? [`${o.return.advisorId} ${ms(o.return.start)}`] : []),
    ];
    const [mcSlots, otherSlots] = offers.map((o) => new Set(o.flatMap(slots)));
    expect([...mcSlots].filter((s) => otherSlots.has(s))).toEqual([]);
    // Every appointment's first offer, sent together: accepted, each placed as offered.
    const w = await world({ start: `${WED}T10:00` });
    const res = await applyMoves(w.api, [
      moveTo(w.mc, toOption(offers[0][0])),
      moveTo(w.filled[0], toOption(offers[1][0])),
    ]);
    expect({ status: res.status, text: await res.clone().text() }).toMatchObject({ status: 200 });
    for (const [a, o] of [
      [w.mc, offers[0][0]],
      [w.filled[0], offers[1][0]],
    ] as const) {
      const moved = await getAppointment(w.api, a.id);
      expect({
        start: ms(moved.reception.start),
        advisorId: moved.reception.advisorId,
        readyAt: moved.readyAt,
      }).toEqual({
        start: ms(o.start),
        advisorId: o.advisorId,
        readyAt: o.readyAt,
      });
    }
  });
});
