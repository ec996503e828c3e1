import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMoves, type ApplyResult, type Booking, type ReplanContext, revertMoves } from "../../src/core/index.js";
import { movedExpress } from "../../src/core/cap-override.js";
import { FRI0, MON, THU, TUE, WED } from "../support/calendar.js";
import { at, job, NO_LABOUR, setup } from "../support/core.js";

// An existing appointment's express flag where it is moved to (core/cap-override.ts
// movedExpress), one rule for the advisor's move, the customer's reschedule and every
// reshuffle: express only when booked express AND the new reception is inside the express
// window (today or the next working day). Moved further out it is an ordinary appointment,
// checked against the express reserve like any other; moved in, an appointment booked as
// ordinary stays ordinary. Then the reshuffle's apply (applyMoves), which used to keep the
// stored flag wherever it placed the appointment.
//
// The dealer: one advisor, 09:00–12:00 Monday to Friday (closed at the weekend), no
// labour, no minimum notice, the default express reserve (one reception per half-day,
// held until 16:00 on the previous working day). Calendar: support/calendar.ts.

const NEXT_MON = "2027-03-08";
const hours: Array<[string, string]> = [["09:00", "12:00"]];
const { dealer, config } = setup({
  advisors: [{ id: "anna", name: "Anna" }],
  openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
  interventions: NO_LABOUR,
  receptionRules: { minNoticeMinutes: 0 },
});

describe("movedExpress: the express flag at the reception an appointment is moved to", () => {
  it.each([
    // booked, now, moved to, express there
    [true, `${MON}T09:00`, `${MON}T11:00`, true],
    [true, `${MON}T09:00`, `${TUE}T09:00`, true],
    [true, `${MON}T09:00`, `${WED}T09:00`, false],
    [true, `${MON}T09:00`, `${NEXT_MON}T09:00`, false],
    [false, `${MON}T09:00`, `${MON}T11:00`, false],
    [false, `${MON}T09:00`, `${TUE}T09:00`, false],
    [false, `${MON}T09:00`, `${WED}T09:00`, false],
    // From a Friday the next working day is Monday: the weekend does not count.
    [true, `${FRI0}T10:00`, `${MON}T09:00`, true],
    [true, `${FRI0}T10:00`, `${TUE}T09:00`, false],
  ])("booked express %s, now %s, moved to %s: %s", (booked, now, to, expected) => {
    const { index } = setup(config);
    expect(movedExpress(index, booked, at(dealer, to), at(dealer, now))).toBe(expected);
  });
});

// ------------------------------------------------------------------ the reshuffle's apply

const NOW = `${MON}T09:00`; // the window: Monday and Tuesday
const DAYS = [MON, TUE, WED, THU, NEXT_MON];
const SLOTS = 12; // 09:00 … 11:45
const q15 = job(dealer, ["q15"]);

const slotAt = (day: number, slot: number) => at(dealer, `${DAYS[day]}T09:00`) + slot * 15;

function booking(id: string, start: number, express: boolean): Booking {
  return {
    id,
    reception: { advisor: 0, start, minutes: 15 },
    ret: null,
    labour: [],
    readyAt: start + 15,
    express,
    mobility: "none",
  };
}

/** The MC20 (booked express or not) on an index with `others`, moved alone to `to` by applyMoves. */
function moved(others: Booking[], mc: Booking, to: number): ApplyResult {
  const { index } = setup(config);
  for (const b of others) index.add(b);
  index.add(mc);
  const ctx: ReplanContext = { now: at(dealer, NOW), movables: new Map([[mc.id, { job: q15, priority: true }]]) };
  const r = applyMoves(index, ctx, [
    { id: mc.id, reception: { advisor: 0, start: to, minutes: 15 }, ret: null, forced: false },
  ]);
  if (r.ok) revertMoves(index, r.moves);
  return r;
}

const verdict = (r: ApplyResult) =>
  r.ok
    ? { ok: true, to: r.moves.map((m) => ({ reception: m.to.reception, ret: m.to.ret, readyAt: m.to.readyAt })) }
    : { ok: false, codes: r.failures.flatMap((f) => f.violations.map((v) => v.code)).sort() };

const dayAndSlot = fc.tuple(fc.nat({ max: DAYS.length - 1 }), fc.nat({ max: SLOTS - 1 }));

describe("applyMoves decides express by movedExpress", () => {
  it("an express appointment moved out of the window is placed, or refused, exactly as the same appointment booked ordinary; inside the window it stays express (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(dayAndSlot, { maxLength: 30, selector: ([d, s]) => d * SLOTS + s }),
        fc.nat({ max: 2 * SLOTS - 1 }),
        dayAndSlot,
        (taken, from, [day, slot]) => {
          const start = slotAt(Math.floor(from / SLOTS), from % SLOTS); // Monday or Tuesday
          const others = taken
            .map(([d, s], i) => booking(`o${i}`, slotAt(d, s), false))
            .filter((b) => b.reception.start !== start);
          const to = slotAt(day, slot);
          const asExpress = moved(others, booking("mc", start, true), to);
          const asOrdinary = moved(others, booking("mc", start, false), to);
          const inWindow = day <= 1;
          const flag = (r: ApplyResult) => (r.ok ? r.moves.map((m) => m.to.express) : null);
          if (!inWindow) {
            expect(verdict(asExpress)).toEqual(verdict(asOrdinary));
            expect(flag(asExpress)).toEqual(asExpress.ok ? [false] : null);
          } else if (asExpress.ok && to !== start) {
            expect(flag(asExpress)).toEqual([true]);
          }
          // Moved into (or inside) the window, a booking made as ordinary stays ordinary.
          if (asOrdinary.ok && to !== start) expect(flag(asOrdinary)).toEqual([false]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a week out, the express reserve is closed to it: refused as an ordinary appointment is", () => {
    // Thursday: 09:00–09:45 and 10:15–11:00 taken. At 11:30 an ordinary reception would
    // take the room the reserve holds for one priority reception (up to 30 minutes).
    const thursday = [0, 1, 2, 5, 6, 7].map((s, i) => booking(`t${i}`, slotAt(3, s), false));
    const mc = booking("mc", slotAt(0, 4), true);
    const r = moved(thursday, mc, slotAt(3, 10));
    expect(verdict(r)).toEqual({ ok: false, codes: ["express_reserve"] });
    expect(verdict(moved(thursday, { ...mc, express: false }, slotAt(3, 10)))).toEqual(verdict(r));
  });
});
