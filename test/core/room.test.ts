import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hourlyCapOk, twoHourCapOk } from "../../src/core/caps.js";
import { GRID } from "../../src/core/dealer.js";
import { advisorFreeAt } from "../../src/core/free.js";
import { reserveUnit, roomTable, roomWith } from "../../src/core/room.js";
import { buildWorld, scenarioArb } from "./random-dealer.js";

// The express reserve's room table (one backward pass per day state) must equal the
// greedy scan it replaces, from every earliest start, on random calendars: the scan is
// written out here the slow way, straight from its definition.

function scan(
  w: ReturnType<typeof buildWorld>,
  n: number,
  half: number,
  earliest: number,
  a: number,
  unit: number,
  extra: number[] = [],
): number {
  const { index, dealer } = w;
  const day = dealer.day(n);
  const rules = dealer.config.receptionRules;
  const pairs: Array<[number, number]> = [];
  const own = index.peek(n)?.receptions[a] ?? [];
  for (const l of [own, extra]) for (let i = 0; i < l.length; i += 2) pairs.push([l[i], l[i + 1]]);
  const list = pairs.sort((x, y) => x[0] - y[0]).flat();
  const takenByExtra = (s: number) => pairs.some(([xs, xe]) => extra.includes(xs) && xs < s + unit && s < xe);
  const [hs, he] = half === 0 ? [0, day.noon] : [day.noon, day.zone.length];
  const duty = day.duty[a];
  let count = 0;
  for (let r = 0; r < duty.length; r += 2) {
    let s = Math.ceil((Math.max(duty[r], hs, earliest) + day.gridPhase) / GRID) * GRID - day.gridPhase;
    while (s + unit <= Math.min(duty[r + 1], he)) {
      const ok =
        advisorFreeAt(index, day, a, s, s + unit) &&
        !takenByExtra(s) &&
        hourlyCapOk(list, s, rules.maxPerHour) &&
        twoHourCapOk(list, s, s + unit, rules.maxMinutesPer2h);
      if (ok) count++;
      s += ok ? unit + GRID : GRID;
    }
  }
  return count;
}

describe("express reserve room table", () => {
  it("equals the greedy scan from every earliest start (property)", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const w = buildWorld(sc);
        const unit = reserveUnit(w.config);
        for (let n = w.fromDay; n < w.fromDay + 3; n++) {
          const day = w.dealer.day(n);
          for (let half = 0; half < 2; half++)
            for (let a = 0; a < w.dealer.advisors.length; a++)
              for (let earliest = -30; earliest < day.zone.length; earliest += 5)
                expect(
                  roomWith(w.index, roomTable(w.index, day), day, half, earliest, a, 99, []),
                  `day ${n} half ${half} advisor ${a} from ${earliest}`,
                ).toBe(scan(w, n, half, earliest, a, unit));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("with one or two more receptions of the advisor, equals the greedy scan over the merged list (property)", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.record({ at: fc.nat(95), len: fc.constantFrom(15, 30) }), { minLength: 1, maxLength: 2 }),
        (sc, picks) => {
          const w = buildWorld(sc);
          const unit = reserveUnit(w.config);
          for (let n = w.fromDay; n < w.fromDay + 2; n++) {
            const day = w.dealer.day(n);
            const extra = picks
              .map((p) => p.at * GRID - day.gridPhase)
              .sort((x, y) => x - y)
              .flatMap((s, i, all) => (i > 0 && s < all[i - 1] + 30 ? [] : [s, s + picks[i].len]));
            for (let half = 0; half < 2; half++)
              for (let a = 0; a < w.dealer.advisors.length; a++)
                for (let earliest = 0; earliest < day.zone.length; earliest += 15)
                  expect(
                    roomWith(w.index, roomTable(w.index, day), day, half, earliest, a, 99, extra),
                    `day ${n} half ${half} advisor ${a} from ${earliest} extra ${extra}`,
                  ).toBe(scan(w, n, half, earliest, a, unit, extra));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
