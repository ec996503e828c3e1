import { dayNumberFromIso, epochMinute } from "../../core/civil.js";
import { type Action, actionsFrom } from "../../core/status.js";
import { todayIn } from "../shared/dates.js";
import type { Slot } from "./types.js";

// The lifecycle buttons of a slot's dialog, from the server's own transition table and
// timing rule (core/status.ts), so the page offers exactly the steps the verb accepts at
// that moment: a requested appointment can be checked in too (from its day on), a late
// customer checked in after the automatic no-show, and a no-show only once the reception
// has started.

/** The steps `slot`'s dialog offers when the server's clock reads `nowMs`; `timeZone`: the dealer's (days are its days). */
export function stepsOf(slot: Pick<Slot, "kind" | "status" | "start">, nowMs: number, timeZone: string): Action[] {
  // A return's dialog hands the car back; arriving (or not) is the reception's.
  if (slot.kind === "return") return actionsFrom(slot.status).filter((a) => a === "complete");
  const receptionStart = Date.parse(slot.start);
  return actionsFrom(slot.status, {
    receptionStart: epochMinute(receptionStart),
    now: epochMinute(nowMs),
    receptionDay: dayNumberFromIso(todayIn(timeZone, new Date(receptionStart))),
    today: dayNumberFromIso(todayIn(timeZone, new Date(nowMs))),
  });
}
