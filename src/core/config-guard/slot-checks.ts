import type { Dealer } from "../dealer.js";
import type { AdvisorSlot, Booking } from "../types.js";
import type { ConfigCheck, ConfigConflict, GuardInput } from "./types.js";

// Checks on each appointment's own slots (reception, return) that are still ahead: is its
// advisor still configured, is the day still open, are the minutes inside opening hours.

function slotsAhead(b: Booking, now: number): Array<{ slot: AdvisorSlot; what: "reception" | "return" }> {
  const out: Array<{ slot: AdvisorSlot; what: "reception" | "return" }> = [];
  if (b.reception.start >= now) out.push({ slot: b.reception, what: "reception" });
  if (b.ret && b.ret.start >= now) out.push({ slot: b.ret, what: "return" });
  return out;
}

function withinOpening(dealer: Dealer, slot: AdvisorSlot): boolean {
  const day = dealer.day(dealer.dayOf(slot.start));
  const s = slot.start - day.zone.start;
  const e = s + slot.minutes;
  for (let i = 0; i < day.open.length; i += 2) if (day.open[i] <= s && e <= day.open[i + 1]) return true;
  return false;
}

const closed = (dealer: Dealer, slot: AdvisorSlot) => dealer.day(dealer.dayOf(slot.start)).closure;

/** Runs `test` on each slot ahead of every booking, before and after: a conflict when it fails only after. */
function perSlot(
  code: string,
  input: GuardInput,
  test: (dealer: Dealer, slot: AdvisorSlot) => boolean,
  say: (what: string, when: string) => string,
): ConfigConflict[] {
  const out: ConfigConflict[] = [];
  for (const [id, b] of input.afterBookings) {
    const old = input.beforeBookings.get(id)!;
    const was = slotsAhead(old, input.now);
    slotsAhead(b, input.now).forEach(({ slot, what }, i) => {
      if (test(input.after, slot) || !test(input.before, was[i].slot)) return;
      out.push({ id, code, message: say(what, input.after.format(slot.start)) });
    });
  }
  return out;
}

export const advisorKept: ConfigCheck = {
  name: "advisor_removed",
  run(input) {
    const kept = new Set(input.afterConfig.advisors.map((a) => a.id));
    const out: ConfigConflict[] = [];
    for (const [id, b] of input.beforeBookings) {
      for (const { slot, what } of slotsAhead(b, input.now)) {
        const advisorId = input.before.advisors[slot.advisor].id;
        if (!kept.has(advisorId))
          out.push({
            id,
            code: "advisor_removed",
            message: `the ${what} at ${input.before.format(slot.start)} is with advisor ${advisorId}, whom the new configuration removes`,
          });
      }
    }
    return out;
  },
};

export const notOnClosure: ConfigCheck = {
  name: "closure",
  run: (input) =>
    perSlot(
      "closure",
      input,
      (d, s) => !closed(d, s),
      (what, when) => `the ${what} at ${when} falls on a day the new configuration closes`,
    ),
};

export const withinOpeningHours: ConfigCheck = {
  name: "outside_opening_hours",
  // A closed day is the closure check's to report.
  run: (input) =>
    perSlot(
      "outside_opening_hours",
      input,
      (d, s) => closed(d, s) || withinOpening(d, s),
      (what, when) => `the ${what} at ${when} is outside the new opening hours`,
    ),
};
