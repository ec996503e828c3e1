import { carWindow } from "../capacity-index.js";
import type { Booking } from "../types.js";
import { type ConfigCheck, type ConfigConflict, SKILL_REMOVED } from "./types.js";

// Checks on shared capacity: the courtesy-car fleet and the workshop's labour minutes per
// day and skill. When the new numbers cannot hold what is booked, the appointments that
// no longer fit are named — the latest first, as the earliest were promised first.

/** Ids of courtesy-car bookings that find no car when `cars` cars serve them in time order. */
export function carOverflow(bookings: Booking[], cars: number): Set<string> {
  const out = new Set<string>();
  const ends: number[] = [];
  for (const b of bookings) {
    const [start, end] = carWindow(b);
    for (let i = ends.length - 1; i >= 0; i--) if (ends[i] <= start) ends.splice(i, 1);
    if (ends.length < cars) ends.push(end);
    else out.add(b.id);
  }
  return out;
}

export const fleetSuffices: ConfigCheck = {
  name: "courtesy_cars_exceeded",
  run(input) {
    const cars = [...input.beforeBookings.values()]
      .filter((b) => b.mobility === "courtesy_car" && carWindow(b)[1] > input.now)
      .sort((a, b) => carWindow(a)[0] - carWindow(b)[0] || (a.id < b.id ? -1 : 1));
    const before = carOverflow(cars, input.before.config.mobility.courtesyCars);
    const after = carOverflow(cars, input.afterConfig.mobility.courtesyCars);
    const out: ConfigConflict[] = [];
    for (const id of after) {
      if (before.has(id)) continue;
      const b = input.afterBookings.get(id)!;
      out.push({
        id,
        code: "courtesy_cars_exceeded",
        message: `its courtesy car from ${input.after.format(carWindow(b)[0])} has no car left in a fleet of ${input.afterConfig.mobility.courtesyCars}`,
      });
    }
    return out;
  },
};

export const workshopSuffices: ConfigCheck = {
  name: "workshop_exceeded",
  run(input) {
    const { before, after } = input;
    const today = after.dayOf(input.now);
    const out: ConfigConflict[] = [];
    // Labour of a skill the new workshop no longer has: its own code, since no move
    // resolves it (core/reshuffle/config.ts puts it on the plan's contact list).
    for (const [id, b] of input.beforeBookings) {
      for (const l of b.labour) {
        if (l.day >= today && l.minutes > 0 && !after.skillIndex.has(before.skills[l.skill]))
          out.push({
            id,
            code: SKILL_REMOVED,
            message: `it has ${before.skills[l.skill]} work on ${after.format(after.day(l.day).zone.start).slice(0, 10)}, a skill the new workshop removes`,
          });
      }
    }
    // Per day and skill: booked minutes against the new capacity.
    const load = new Map<string, Array<{ b: Booking; minutes: number }>>();
    for (const b of input.afterBookings.values()) {
      for (const l of b.labour) {
        if (l.day < today || l.minutes <= 0) continue;
        const key = `${l.day}:${l.skill}`;
        const list = load.get(key) ?? [];
        list.push({ b, minutes: l.minutes });
        load.set(key, list);
      }
    }
    for (const [key, list] of load) {
      const [n, skill] = key.split(":").map(Number);
      const cap = after.day(n).capacity[skill];
      const oldSkill = before.skillIndex.get(after.skills[skill]);
      const oldCap = oldSkill === undefined ? 0 : before.day(n).capacity[oldSkill];
      let total = list.reduce((s, x) => s + x.minutes, 0);
      // Fits, or the capacity did not shrink (as full as it already was: not this change's doing).
      if (total <= cap || cap >= oldCap) continue;
      // Latest receptions give way first; those already started cannot move, so last.
      list.sort(
        (x, y) =>
          Number(x.b.reception.start < input.now) - Number(y.b.reception.start < input.now) ||
          y.b.reception.start - x.b.reception.start,
      );
      const date = after.format(after.day(n).zone.start).slice(0, 10);
      for (const { b, minutes } of list) {
        if (total <= cap) break;
        total -= minutes;
        out.push({
          id: b.id,
          code: "workshop_exceeded",
          message: `its ${after.skills[skill]} work on ${date} no longer fits: ${after.skills[skill]} capacity that day becomes ${Math.round(cap / 6) / 10} h`,
        });
      }
    }
    return out;
  },
};
