import { afterEach, describe, expect, it } from "vitest";
import { type AppointmentView, json, type ReshufflePlan } from "../support/contracts.js";
import { applyMoves, getAppointment, moveTo } from "../support/explicit-move.js";
import { type Api, auth, expectProblem, inProcess, type InProcess } from "../support/http.js";
import { fillWithOrdinary, priorityWorld, TUE, WED } from "../support/priority-world.js";

// An express appointment (a priority car within one working day) stays express only inside
// the express window: moved further out, by anyone, it is an ordinary appointment, checked
// against the express reserve and the slack like any other. And no move makes one express:
// a priority car booked as ordinary stays ordinary when moved into the window. The advisor's
// move (PATCH) decides it so; a reshuffle used to keep the stored flag wherever it moved the
// appointment, so an express car moved a week out kept its claim on the reserve there.
//
// Each case moves the MC20 with a reshuffle's explicit move (mode "apply") and, on a twin
// world, with PATCH: the same answer (status, broken rules), the same stored appointment.
//
// The world: support/priority-world.ts (today Monday 23 November; the window is Monday and
// Tuesday, both full but for the reserve), and Wednesday 2 December, a week out, filled with
// ordinary customers until only the reserve is left there (11:15–12:00; their returns are
// on Thursday 3rd); Friday 4 December is free.

const DEC2 = "2026-12-02";
const DEC4 = "2026-12-04";

let open: InProcess[] = [];
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

type Mc20 = { express: true } | { start: string };

async function world(mc20: Mc20): Promise<{ t: InProcess; api: Api; mc: AppointmentView }> {
  const t = inProcess();
  open.push(t);
  const { mc } = await priorityWorld(t.api, mc20);
  await fillWithOrdinary(t.api, DEC2, 1, "d");
  return { t, api: t.api, mc };
}

/** The MC20 moved by a reshuffle's explicit move, applied; its return the first free one after, as PATCH has it. */
const reshuffleTo = (api: Api, mc: AppointmentView, start: string) =>
  applyMoves(api, [moveTo(mc, { reception: { start, advisorId: "anna" }, return: null })]);

const patchTo = (api: Api, mc: AppointmentView, start: string) =>
  api(
    "PATCH",
    `/v1/dealers/roma/appointments/${mc.id}`,
    { reception: { start, advisorId: "anna" } },
    { ...auth, "If-Match": String(mc.version) },
  );

const placed = (a: AppointmentView) => ({
  reception: a.reception,
  return: a.return,
  readyAt: a.readyAt,
  express: a.express,
});

describe("a reshuffle decides express as the advisor's move does", () => {
  it.each([
    [
      "booked express, moved inside the window (Tuesday, the reserve): stays express",
      { express: true },
      `${TUE}T11:30`,
      { express: true },
    ],
    [
      "booked express, moved a week out: an ordinary appointment",
      { express: true },
      `${DEC4}T10:00`,
      { express: false },
    ],
  ] as const)("%s", async (_, mc20, start, expected) => {
    const viaReshuffle = await world(mc20);
    const res = await reshuffleTo(viaReshuffle.api, viaReshuffle.mc, start);
    expect({ status: res.status, body: await res.clone().text() }).toMatchObject({ status: 200 });
    const moved = await getAppointment(viaReshuffle.api, viaReshuffle.mc.id);
    expect(moved.express).toBe(expected.express);

    const viaPatch = await world(mc20);
    expect((await patchTo(viaPatch.api, viaPatch.mc, start)).status).toBe(200);
    expect(placed(moved)).toEqual(placed(await getAppointment(viaPatch.api, viaPatch.mc.id)));

    // The plan applied, the stored row and the audit say so too.
    const plan = await json<ReshufflePlan>(res);
    expect(plan.moves.map((m) => [m.from.express, m.to.express])).toEqual([[true, expected.express]]);
    const row = viaReshuffle.t.sqlite.prepare("SELECT express FROM appointments WHERE id = ?").get(moved.id) as {
      express: number;
    };
    expect(row.express === 1).toBe(expected.express);
    const audit = viaReshuffle.t.sqlite
      .prepare("SELECT after_json FROM audit_log WHERE dealer_id = 'roma' AND action = 'reshuffle:late'")
      .all() as Array<{ after_json: string }>;
    expect(audit).toHaveLength(1);
    const [m] = JSON.parse(audit[0].after_json).moves;
    expect({ from: m.from.express, to: m.to.express }).toEqual({ from: true, to: expected.express });
  });

  it.each([
    ["booked express, moved a week out into the express reserve", { express: true }, `${DEC2}T11:15`],
    [
      "booked ordinary (Wednesday), moved into the window (Tuesday, the reserve)",
      { start: `${WED}T10:00` },
      `${TUE}T11:30`,
    ],
  ] as const)("%s: refused as an ordinary appointment, as PATCH refuses it; nothing stored", async (_, mc20, start) => {
    const viaReshuffle = await world(mc20);
    const before = viaReshuffle.t.snapshot();
    const refused = await expectProblem(
      await reshuffleTo(viaReshuffle.api, viaReshuffle.mc, start),
      409,
      "rule_violation",
    );
    expect(viaReshuffle.t.snapshot()).toEqual(before);

    const viaPatch = await world(mc20);
    const patched = await expectProblem(await patchTo(viaPatch.api, viaPatch.mc, start), 409, "rule_violation");
    const codes = (vs: Array<{ code: string }>) => vs.map((v) => v.code).sort();
    expect(codes(refused.violations)).toEqual(codes(patched.violations));
    expect(codes(refused.violations)).toContain("express_reserve");
    expect((await getAppointment(viaReshuffle.api, viaReshuffle.mc.id)).reception).toEqual(viaReshuffle.mc.reception);
  });
});
