import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyMoves,
  CapacityIndex,
  moveTargets,
  isRefusal,
  planAbsence,
  planLate,
  planSwap,
  planWalkIn,
  readInstant,
  revertMoves,
} from "../../src/core/index.js";
import { job as jobOf } from "../support/core.js";
import {
  absenceOf,
  brokenRules,
  buildDay,
  contextOf,
  DAY,
  dayArb,
  fingerprint,
  fixedDay,
  withAbsence,
} from "./replan-world.js";

// The reshuffle planners on random days (replan-world.ts): whatever they propose, once
// applied through applyMoves (THE checker, all or nothing), breaks no rule; every
// affected appointment is placed or listed for a call; planning never changes the index.

const RUNS = { numRuns: Number(process.env.REPLAN_RUNS ?? 80) };

describe("sick advisor re-plan (planAbsence)", () => {
  it("applied, breaks no rule; every affected reception is moved or listed for contact with two options", () => {
    fc.assert(
      fc.property(dayArb, (spec) => {
        const w = buildDay(spec);
        const ctx = contextOf(w);
        expect(brokenRules(w.index, ctx, new Set())).toEqual([]);
        const { index } = withAbsence(w, spec);
        const ab = absenceOf(w, spec);
        const before = fingerprint(index);
        const plan = planAbsence(index, ctx, { advisor: ab.advisor, start: ab.startMin, end: ab.endMin });
        expect(fingerprint(index)).toBe(before); // a plan is a dry run

        const affected = [...index.bookings.values()].filter(
          (b) =>
            b.reception.advisor === ab.advisor &&
            b.reception.start < ab.endMin &&
            b.reception.start + b.reception.minutes > ab.startMin,
        );
        const moved = new Map(plan.moves.map((m) => [m.id, m]));
        const contact = new Set(plan.contact.map((c) => c.id));
        for (const b of affected) {
          expect(moved.has(b.id) !== contact.has(b.id), `${b.id} is moved xor listed`).toBe(true);
          const m = moved.get(b.id);
          if (m)
            expect(
              m.to.reception.advisor !== ab.advisor ||
                m.to.reception.start >= ab.endMin ||
                m.to.reception.start + m.to.reception.minutes <= ab.startMin,
            ).toBe(true);
        }
        for (const c of plan.contact) {
          expect(c.violations.length).toBeGreaterThan(0);
          // Where the appointment is now (the advisor calls the customer about it), not a
          // placement the planner tried and dropped.
          expect(c.from, `${c.id}'s from`).toEqual(index.bookings.get(c.id));
          // A reception gets two options to propose; a lone return is agreed on the phone.
          if (affected.some((b) => b.id === c.id)) expect(c.options.length).toBeGreaterThanOrEqual(2);
        }
        for (const m of plan.moves) expect(m.notifyCustomer).toBe(m.timeChanged || m.returnTimeChanged);

        const applied = applyMoves(index, ctx, moveTargets(plan.moves), [...contact]);
        expect(applied.ok, JSON.stringify(applied)).toBe(true);
        // Contact appointments stay where they were until the customer is called; without them, nothing breaks a rule.
        for (const id of contact) index.remove(id);
        expect(brokenRules(index, ctx, new Set(plan.moves.filter((m) => m.forced).map((m) => m.id)))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("changes no customer's time when another advisor is free at the same times", () => {
    fc.assert(
      fc.property(dayArb, (raw) => {
        const spec = { ...raw, spare: true, ample: true };
        const w = buildDay(spec);
        const ctx = contextOf(w);
        const { index } = withAbsence(w, spec);
        const ab = absenceOf(w, spec);
        const plan = planAbsence(index, ctx, { advisor: ab.advisor, start: ab.startMin, end: ab.endMin });
        expect(plan.contact).toEqual([]);
        for (const m of plan.moves) {
          expect(m.timeChanged).toBe(false);
          expect(m.returnTimeChanged).toBe(false);
          expect(m.notifyCustomer).toBe(false);
        }
        const hit = [...index.bookings.values()].filter(
          (b) =>
            b.reception.advisor === ab.advisor &&
            b.reception.start < ab.endMin &&
            b.reception.start + b.reception.minutes > ab.startMin,
        );
        expect(plan.moves.filter((m) => hit.some((b) => b.id === m.id)).length).toBe(hit.length);
      }),
      RUNS,
    );
  });

  it("moves to the nearest time and flags the customer when nobody is free then", () => {
    const spec = {
      advisors: 1,
      spare: false,
      ample: true,
      courtesyCars: 2,
      requests: [0, 1, 2].map((slot) => ({
        advisor: 0,
        slot: slot * 8,
        code: "maintenance",
        known: true,
        mobility: "none" as const,
      })),
      absent: 0,
      from: 0,
      to: 4,
    };
    // Two advisors, so that the second one can take the 08:00 reception...
    const w = buildDay({ ...spec, advisors: 2 });
    const ctx = contextOf(w);
    const { index } = withAbsence(w, { ...spec, advisors: 2 });
    const plan = planAbsence(index, ctx, {
      advisor: 0,
      start: readInstant(w.dealer.tz, `${DAY}T08:00`),
      end: readInstant(w.dealer.tz, `${DAY}T09:00`),
    });
    expect(plan.moves).toHaveLength(1);
    expect(plan.moves[0]).toMatchObject({ timeChanged: false, advisorChanged: true, notifyCustomer: false });
    // ...and with one advisor only, the same customer moves to 09:00 (the nearest time) and is told.
    const solo = buildDay(spec);
    const { index: soloIndex } = withAbsence(solo, spec);
    const p2 = planAbsence(soloIndex, contextOf(solo), {
      advisor: 0,
      start: readInstant(w.dealer.tz, `${DAY}T08:00`),
      end: readInstant(w.dealer.tz, `${DAY}T09:00`),
    });
    expect(p2.moves).toHaveLength(1);
    expect(p2.moves[0]).toMatchObject({ timeChanged: true, advisorChanged: false, notifyCustomer: true });
    expect(p2.moves[0].to.reception.start).toBe(readInstant(w.dealer.tz, `${DAY}T09:00`));
  });

  it("lists a customer for contact with two options when the whole day is gone", () => {
    const spec = {
      advisors: 1,
      spare: false,
      ample: true,
      courtesyCars: 2,
      requests: [{ advisor: 0, slot: 8, code: "maintenance", known: true, mobility: "none" as const }],
      absent: 0,
      from: 0,
      to: 0,
    };
    const w = buildDay(spec);
    const { index } = withAbsence(w, spec);
    const ab = absenceOf(w, spec);
    const plan = planAbsence(index, contextOf(w), { advisor: 0, start: ab.startMin, end: ab.endMin });
    expect(plan.moves).toEqual([]);
    expect(plan.contact).toHaveLength(1);
    expect(plan.contact[0].violations.map((v) => v.code)).toContain("advisor_absent");
    expect(plan.contact[0].options.length).toBeGreaterThanOrEqual(2);
    for (const o of plan.contact[0].options) expect(o.reception.start).toBeGreaterThanOrEqual(ab.endMin);
  });
});

describe("running late (planLate)", () => {
  it("applied, breaks no rule past the recorded override; the late reception shifts by the rounded delay", () => {
    fc.assert(
      fc.property(dayArb, fc.nat(), fc.integer({ min: 1, max: 90 }), (spec, pick, minutes) => {
        const w = buildDay(spec);
        const ctx = contextOf(w);
        const ids = [...w.index.bookings.keys()];
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length];
        const before = fingerprint(w.index);
        const plan = planLate(w.index, ctx, { id, minutes });
        expect(fingerprint(w.index)).toBe(before);
        if (isRefusal(plan)) {
          expect(plan.failures[0].violations.length).toBeGreaterThan(0);
          return;
        }
        expect(plan.shiftMinutes).toBeGreaterThanOrEqual(minutes);
        expect(plan.shiftMinutes % 15).toBe(0);
        const late = plan.moves.find((m) => m.id === id)!;
        expect(late.to.reception.start - late.from.reception.start).toBe(plan.shiftMinutes);
        expect(late.to.reception.advisor).toBe(late.from.reception.advisor);
        const contact = new Set(plan.contact.map((c) => c.id));
        const applied = applyMoves(w.index, ctx, moveTargets(plan.moves), [...contact]);
        expect(applied.ok, JSON.stringify(applied)).toBe(true);
        const forced = new Set(plan.moves.filter((m) => m.forced).map((m) => m.id));
        for (const id of contact) w.index.remove(id);
        expect(brokenRules(w.index, ctx, forced)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("swap (planSwap, applyMoves)", () => {
  it("either both move or nothing does: a failed apply leaves the index exactly as it was", () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom("slot" as const, "time" as const, "advisor" as const),
        (spec, i, j, exchange) => {
          const w = buildDay(spec);
          const ctx = contextOf(w);
          const ids = [...w.index.bookings.keys()];
          fc.pre(ids.length >= 2 && ids[i % ids.length] !== ids[j % ids.length]);
          const a = w.index.bookings.get(ids[i % ids.length])!;
          const b = w.index.bookings.get(ids[j % ids.length])!;
          const before = fingerprint(w.index);
          const plan = planSwap(w.index, ctx, { a: a.id, b: b.id, exchange });
          expect(fingerprint(w.index)).toBe(before);
          if (isRefusal(plan)) {
            for (const f of plan.failures) {
              expect(f.violations.length).toBeGreaterThan(0);
              expect(f.violations.every((v) => v.message.length > 0)).toBe(true);
            }
            return;
          }
          // The same moves with the second one broken (off the grid): all or nothing.
          const broken = moveTargets(plan.moves).map((t, k) =>
            k === plan.moves.length - 1 ? { ...t, reception: { ...t.reception, start: t.reception.start + 5 } } : t,
          );
          const failed = applyMoves(w.index, ctx, broken);
          expect(failed.ok).toBe(plan.moves.length === 0); // same advisor and "advisor" exchange: nothing to do
          expect(fingerprint(w.index)).toBe(before);
          const r = applyMoves(w.index, ctx, moveTargets(plan.moves));
          expect(r.ok, JSON.stringify({ r, moves: plan.moves })).toBe(true);
          expect(brokenRules(w.index, ctx, new Set())).toEqual([]);
          if (r.ok) revertMoves(w.index, r.moves);
          expect(fingerprint(w.index)).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it("a move that breaks a rule takes the other move back with it", () => {
    const w = fixedDay(2, [
      [0, 4],
      [1, 8],
    ]);
    const ctx = contextOf(w);
    const before = fingerprint(w.index);
    const [a, b] = [...w.index.bookings.values()];
    const r = applyMoves(w.index, ctx, [
      { id: a.id, reception: { ...a.reception, start: a.reception.start + 60 }, ret: null, forced: false },
      { id: b.id, reception: { ...b.reception, start: b.reception.start + 7 }, ret: null, forced: false }, // off the grid
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failures).toMatchObject([{ id: b.id, violations: [{ code: "off_grid" }] }]);
    expect(fingerprint(w.index)).toBe(before);
  });
});

describe("walk-in (planWalkIn)", () => {
  it("takes now when an advisor is free, and the buffer (forced) rather than a later time", () => {
    const w = fixedDay(
      1,
      [5, 6, 7].map((slot) => [0, slot]),
    );
    const j = jobOf(w.dealer, ["maintenance"]);
    const at = (hm: string) => readInstant(w.dealer.tz, `${DAY}T${hm}`);
    const free = planWalkIn(w.index, { job: j, now: at("08:05"), priority: false, express: false });
    expect(isRefusal(free)).toBe(false);
    if (!isRefusal(free)) expect(free).toMatchObject({ forced: false, reception: { start: at("08:15") } });
    // 09:00 is free but a fourth reception in the hour 09:00–10:00 (09:15, 09:30, 09:45 booked).
    const busy = planWalkIn(w.index, { job: j, now: at("09:00"), priority: false, express: false });
    expect(isRefusal(busy)).toBe(false);
    if (!isRefusal(busy)) {
      expect(busy.reception.start).toBe(at("09:00"));
      expect(busy.forced).toBe(true);
      expect(busy.overridden).toContain("hourly_cap");
    }
  });

  it("refuses after closing, with the broken rule and two options", () => {
    const w = fixedDay(1);
    const r = planWalkIn(w.index, {
      job: jobOf(w.dealer, ["maintenance"]),
      now: readInstant(w.dealer.tz, `${DAY}T18:30`),
      priority: false,
      express: false,
    });
    expect(isRefusal(r)).toBe(true);
    if (isRefusal(r)) {
      expect(r.failures[0].violations.map((v) => v.code)).toContain("outside_opening_hours");
      expect(r.failures[0].options.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("capacity index with a contact appointment left overlapping", () => {
  it("taking one of two overlapping slots off keeps the other's minutes taken (receptions and returns)", () => {
    const w = fixedDay(1);
    const at = (hm: string) => readInstant(w.dealer.tz, `${DAY}T${hm}`);
    const slot = (hm: string, minutes: number) => ({ advisor: 0, start: at(hm), minutes });
    const base = { labour: [], readyAt: at("09:00"), express: false, mobility: "none" as const };
    // A late reception (09:15–09:45) over a knocked-on customer kept for a call (09:30–09:45),
    // whose car comes back where another car's return runs.
    const late = { ...base, id: "late", reception: slot("09:15", 30), ret: slot("16:00", 15) };
    const kept = { ...base, id: "kept", reception: slot("09:30", 15), ret: slot("16:05", 10) };
    w.index.add(late);
    w.index.add(kept);
    w.index.remove("late");
    expect(fingerprint(w.index)).toBe(fingerprint(CapacityIndex.build(w.dealer, [kept])));
    w.index.add(late);
    w.index.remove("kept");
    expect(fingerprint(w.index)).toBe(fingerprint(CapacityIndex.build(w.dealer, [late])));
  });
});
