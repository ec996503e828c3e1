import { afterEach, describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { type Api, auth, expectProblem, inProcess, type InProcess, ms } from "../support/http.js";
import { priorityWorld, TUE, WED } from "../support/priority-world.js";

// A refused move (PATCH …/appointments/{id}, 409 rule_violation) offers alternatives: each
// must be a time the same request accepts, placed as it shows (return, ready time, express
// flag). A priority vehicle's refusal used to offer the search's express option, which the
// move refuses when it does not treat the appointment as express (booked outside the
// express window, it stays an ordinary appointment) or when that option goes past the caps.
//
// The world: support/priority-world.ts. Each alternative is tried on a world built afresh,
// so each is checked against the same bookings the refusal saw.

let t: InProcess | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** The world (support/priority-world.ts) on a fresh app, with the MC20 booked first. */
async function world(mc20: { express: true } | { start: string }): Promise<{ api: Api; mc: AppointmentView }> {
  t?.close();
  t = inProcess();
  return { api: t.api, mc: (await priorityWorld(t.api, mc20)).mc };
}

const move = (api: Api, id: string, body: unknown) =>
  api("PATCH", `/v1/dealers/roma/appointments/${id}`, body, { ...auth, "If-Match": "1" });

/** The refusal of `body`, then each of its alternatives asked with the same body on a fresh world. */
async function everyAlternativeAccepted(
  mc20: { express: true } | { start: string },
  body: { reception: { start: string } } & Record<string, unknown>,
) {
  const first = await world(mc20);
  const refused = await expectProblem(await move(first.api, first.mc.id, body), 409, "rule_violation");
  expect(refused.alternatives).toHaveLength(2); // the week has room after the full days
  for (const alt of refused.alternatives) {
    const { api, mc } = await world(mc20);
    const res = await move(api, mc.id, { ...body, reception: { start: alt.start, advisorId: alt.advisorId } });
    const text = await res.clone().text();
    expect({ alternative: alt.start, express: alt.express, status: res.status, text }).toMatchObject({
      status: 200,
    });
    // Placed as offered: the time, the return, the ready time and whether it is express.
    const moved = await json<AppointmentView>(res);
    expect({ start: moved.reception.start, advisorId: moved.reception.advisorId }).toEqual({
      start: alt.start,
      advisorId: alt.advisorId,
    });
    expect({ express: moved.express, readyAt: moved.readyAt, return: moved.return?.start }).toEqual({
      express: alt.express,
      readyAt: alt.readyAt,
      return: alt.return?.start,
    });
  }
  return { mc: first.mc, refused };
}

describe("a refused priority move's alternatives", () => {
  it.each([
    ["to a closed Sunday", "2026-11-29T10:00"],
    ["to a taken time tomorrow", `${TUE}T10:00`],
  ])(
    "booked outside the express window (an ordinary appointment): moved %s, every alternative is accepted, none express",
    async (_, start) => {
      const { mc, refused } = await everyAlternativeAccepted({ start: `${WED}T10:00` }, { reception: { start } });
      expect(mc.express).toBe(false);
      expect(refused.alternatives.filter((o) => o.express || o.overridesCaps)).toEqual([]);
    },
  );

  it("booked at its express option: every alternative is accepted, and none is where it stands now", async () => {
    const { mc, refused } = await everyAlternativeAccepted(
      { express: true },
      { reception: { start: "2026-11-29T10:00" } },
    );
    expect(mc.express).toBe(true);
    expect(refused.alternatives.map((o) => ms(o.start))).not.toContain(ms(mc.reception.start));
  });
});

// The same rule for the refusal's shape: a malformed explicit return is bad input (400),
// whether or not the reception it comes with would fit.
describe("a move with a return that names nothing", () => {
  it.each([
    ["a local time the clocks skip (DST)", { start: "2027-03-28T02:30" }, "return.start"],
    ["an unknown advisor", { advisorId: "nobody" }, "return.advisorId"],
  ])("is refused with 400 for %s even when the reception is refused too, and stores nothing", async (_, ret, path) => {
    const { api, mc } = await world({ start: `${WED}T10:00` });
    const before = t!.snapshot();
    const problem = await expectProblem(
      await move(api, mc.id, { reception: { start: "2026-11-29T10:00" }, return: ret }),
      400,
      "validation_failed",
    );
    expect(problem.errors).toContainEqual(expect.objectContaining({ path }));
    expect(t!.snapshot()).toEqual(before);
  });
});
