import { describe, expect, it } from "vitest";
import type { Booking } from "../../src/core/types.js";
import type { PlanMove } from "../../src/core/reshuffle/types.js";
import { type Planned, planToken } from "../../src/scheduler/reshuffle/plan-view.js";

// The plan token pins what the dry run showed: apply refuses as stale when anything the
// advisor read would commit differently (scheduler/reshuffle/guard.ts compares tokens).

const booking = (over: Partial<Booking> = {}): Booking => ({
  id: "a1",
  reception: { advisor: 0, start: 29_000_000, minutes: 15 },
  ret: { advisor: 0, start: 29_000_300, minutes: 15 },
  labour: [],
  readyAt: 29_000_290,
  express: false,
  mobility: "none",
  ...over,
});

function planned(to: Partial<Booking>, overridden: PlanMove["overridden"] = []): Planned {
  const move: PlanMove = {
    id: "a1",
    from: booking(),
    to: booking({ reception: { advisor: 0, start: 29_000_015, minutes: 15 }, ...to }),
    timeChanged: true,
    returnTimeChanged: false,
    advisorChanged: false,
    notifyCustomer: true,
    forced: false,
    overridden,
  } as PlanMove;
  return {
    kind: "late",
    core: { moves: [move], contact: [] },
    rows: new Map(),
    configVersion: 3,
    extra: {},
  } as unknown as Planned;
}

describe("the reshuffle plan token", () => {
  it.each([
    ["the move stays express or not", { express: true }],
    ["the ready time the customer is told", { readyAt: 29_000_350 }],
    ["the reception's advisor", { reception: { advisor: 1, start: 29_000_015, minutes: 15 } }],
    ["the return's time", { ret: { advisor: 0, start: 29_000_330, minutes: 15 } }],
  ])("changes when %s changes", (_what, change) => {
    expect(planToken(planned(change))).not.toBe(planToken(planned({})));
  });

  it("changes when the caps the move goes past change", () => {
    expect(planToken(planned({}, ["hourly_cap"]))).not.toBe(planToken(planned({})));
  });

  it("is the same for the same plan", () => {
    expect(planToken(planned({ express: true }))).toBe(planToken(planned({ express: true })));
  });
});
