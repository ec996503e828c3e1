import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CarTimeline, carWindow } from "../../src/core/car-timeline.js";
import type { Booking } from "../../src/core/types.js";

// The courtesy-car timeline is updated in place on every add and remove (issue 17), never
// rebuilt. It must answer exactly what counting the windows of the bookings still held
// answers, after any sequence of adds and removes (a move is a remove and an add).

type Car = Pick<Booking, "reception" | "ret" | "readyAt" | "express">;

/** The definition: most cars unavailable to an ordinary customer at any minute of [s, e). */
function bruteDemand(cars: Car[], s: number, e: number, held: number): number {
  if (s >= e) return 0;
  let max = held;
  for (let m = s; m < e; m++) {
    let out = 0;
    let express = 0;
    for (const c of cars) {
      const [a, b] = carWindow(c);
      if (a <= m && m < b) {
        out++;
        if (c.express) express++;
      }
    }
    max = Math.max(max, out + Math.max(0, held - express));
  }
  return max;
}

const car = fc
  .record({
    start: fc.integer({ min: 0, max: 120 }),
    minutes: fc.constantFrom(15, 30),
    stay: fc.integer({ min: -5, max: 90 }),
    ret: fc.boolean(),
    express: fc.boolean(),
  })
  .map(
    ({ start, minutes, stay, ret, express }): Car => ({
      reception: { advisor: 0, start, minutes },
      ret: ret ? { advisor: 0, start: start + minutes + Math.max(0, stay), minutes: 15 } : null,
      readyAt: start + stay,
      express,
    }),
  );

describe("courtesy-car timeline, updated incrementally", () => {
  it("answers the brute-force count after any sequence of adds and removes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ car, removeLater: fc.boolean() }), { maxLength: 25 }),
        fc.array(
          fc.record({
            s: fc.integer({ min: -10, max: 260 }),
            len: fc.integer({ min: 0, max: 120 }),
            held: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (ops, queries) => {
          const t = new CarTimeline();
          const held: Car[] = [];
          for (const { car: c } of ops) {
            t.change(c, 1);
            held.push(c);
          }
          // Take back the marked ones (identical windows included), in another order.
          for (const { car: c, removeLater } of [...ops].reverse()) {
            if (!removeLater) continue;
            t.change(c, -1);
            held.splice(held.indexOf(c), 1);
          }
          for (const q of queries)
            expect(t.demand(q.s, q.s + q.len, q.held)).toBe(bruteDemand(held, q.s, q.s + q.len, q.held));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("leaves no breakpoint behind once every car is back", () => {
    const t = new CarTimeline();
    const cars: Car[] = [0, 10, 10, 40].map((start, i) => ({
      reception: { advisor: 0, start, minutes: 30 },
      ret: null,
      readyAt: start + 60,
      express: i % 2 === 0,
    }));
    for (const c of cars) t.change(c, 1);
    expect(t.demand(0, 200, 0)).toBe(4);
    for (const c of cars) t.change(c, -1);
    expect(t.demand(0, 200, 0)).toBe(0);
    expect(t.breakpoints).toBe(0);
  });

  it("refuses to take back a window it never held, and stays as it was", () => {
    const t = new CarTimeline();
    const held: Car = { reception: { advisor: 0, start: 0, minutes: 30 }, ret: null, readyAt: 60, express: false };
    t.change(held, 1);
    expect(() =>
      t.change({ reception: { advisor: 0, start: 10, minutes: 30 }, ret: null, readyAt: 60, express: false }, -1),
    ).toThrow(/not on the timeline/);
    expect(t.breakpoints).toBe(2);
    expect(t.demand(0, 100, 0)).toBe(1);
    t.change(held, -1);
    expect(t.breakpoints).toBe(0);
  });

  it("answers the same through its chunks' maxima, with questions between the changes (any chunk size, property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 16),
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.record({ kind: fc.constant("add" as const), car }) },
            { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }) },
            {
              weight: 2,
              arbitrary: fc.record({
                kind: fc.constant("ask" as const),
                s: fc.integer({ min: -10, max: 260 }),
                len: fc.integer({ min: 0, max: 270 }),
                held: fc.integer({ min: 0, max: 3 }),
              }),
            },
          ),
          { minLength: 10, maxLength: 150, size: "max" },
        ),
        (chunkSize, steps) => {
          const t = new CarTimeline(chunkSize);
          const held: Car[] = [];
          for (const step of steps) {
            if (step.kind === "add") {
              t.change(step.car, 1);
              held.push(step.car);
            } else if (step.kind === "remove") {
              if (!held.length) continue;
              const [c] = held.splice(step.pick % held.length, 1);
              t.change(c, -1);
            } else {
              const e = step.s + step.len;
              expect(t.demand(step.s, e, step.held)).toBe(bruteDemand(held, step.s, e, step.held));
              // Asked twice: the second answer may come from the chunk maxima the first one refreshed.
              expect(t.demand(step.s, e, step.held)).toBe(bruteDemand(held, step.s, e, step.held));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
