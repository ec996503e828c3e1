import { CapacityIndex } from "../capacity-index.js";
import type { Dealer } from "../dealer.js";
import { mobilityViolation } from "../mobility.js";
import { evaluateReception, evaluateReturn } from "../rules.js";
import type { Booking, Job, RuleCode } from "../types.js";
import type { ConfigCheck, ConfigConflict } from "./types.js";

// Each appointment's own rules re-checked under the new configuration, by THE checker
// (rules.ts, mobility.ts), each with itself off the index: its advisor on duty and present
// at its reception and return (working hours, absences), its reception within the desk's
// caps, and the mobility it reserved (offered at all; the pickup & delivery runs and
// shuttle seats of its half-days). Only what breaks after and held before is reported:
// a booking forced past the caps, or one already short of runs, is not this change's
// doing. Without this check a new absence, fewer working hours, lower caps or fewer runs
// were stored over the appointments they stranded (the board still showed them).
//
// Shared limits (the caps, runs, seats) name only the appointments that cannot stay: the
// latest receptions give way first, as the workshop check's do. Each is asked latest
// first, and one reported leaves the index, so the earlier ones are asked without it.
//
// Not here (other checks say it more precisely): a removed advisor, closures and opening
// hours, courtesy cars, the workshop. Holds are nobody's appointment: they lapse.

type Part = "reception" | "return" | "mobility";

/** The rules this check re-asks; the others are the request's (notice, horizon) or another check's. */
const DESK: ReadonlySet<RuleCode> = new Set<RuleCode>([
  "advisor_off_duty",
  "advisor_absent",
  "hourly_cap",
  "two_hour_cap",
]);

/** The broken rules of `b` on `index` (itself off it), as "part:code"; `kept` says which advisors to ask about. */
function brokenRules(index: CapacityIndex, b: Booking, now: number, kept: (advisor: number) => boolean): Set<string> {
  const out = new Set<string>();
  const desk = (part: Part, codes: RuleCode[]) => {
    for (const c of codes) if (DESK.has(c)) out.add(`${part}:${c}`);
  };
  index.without(b.id, () => {
    const r = b.reception;
    if (r.start >= now && kept(r.advisor)) {
      // The workshop is another check's: a job without labour plans at once. `now` its own
      // start: no notice or horizon to meet. express: the reserve is not re-asked (it
      // lapses by itself), and its half-day scan is the check's costliest step.
      const job: Job = { receptionMinutes: r.minutes as 15 | 30, returnMinutes: 0, labour: [], mobility: b.mobility };
      const codes: RuleCode[] = [];
      evaluateReception(index, { ...r, job, now: r.start, notice: 0, express: true }, codes);
      desk("reception", codes);
    }
    if (b.ret && b.ret.start >= now && kept(b.ret.advisor)) {
      const codes: RuleCode[] = [];
      evaluateReturn(index, b.ret, b.readyAt, codes);
      desk("return", codes);
    }
    const end = b.ret ? b.ret.start : b.readyAt;
    if (b.mobility !== "none" && b.mobility !== "courtesy_car" && end >= now) {
      const code = mobilityViolation(index, b.mobility, { reception: r, ret: b.ret, readyAt: b.readyAt }, b.express);
      if (code) out.add(`mobility:${code}`);
    }
  });
  return out;
}

const MOBILITY: Record<string, string> = {
  pickup_delivery: "pickup & delivery",
  shuttle: "shuttle",
  rental: "rental car",
  taxi: "taxi",
};

function say(after: Dealer, b: Booking, part: Part, code: string): string {
  const rules = after.config.receptionRules;
  const slot = part === "return" && b.ret ? b.ret : b.reception;
  const who = after.advisors[slot.advisor]?.name ?? "its advisor";
  const at = `the ${part} at ${after.format(slot.start)}`;
  switch (code) {
    case "advisor_off_duty":
      return `${at} is with ${who}, who does not work then under the new hours`;
    case "advisor_absent":
      return `${at} is with ${who}, whom the new configuration marks absent then`;
    case "hourly_cap":
      return `${at} would give ${who} more than ${rules.maxPerHour} receptions within one hour under the new limits`;
    case "two_hour_cap":
      return `${at} would give ${who} more than ${rules.maxMinutesPer2h} reception minutes within two hours under the new limits`;
    case "mobility_not_offered":
      return `its ${MOBILITY[b.mobility] ?? b.mobility} is no longer offered`;
    default:
      return `its ${MOBILITY[b.mobility] ?? b.mobility} from ${after.format(b.reception.start)} no longer fits the new numbers of runs or seats`;
  }
}

export const rulesKept: ConfigCheck = {
  name: "rules_kept",
  run(input) {
    const { before, after, now } = input;
    const kept = new Set(input.afterConfig.advisors.map((a) => a.id));
    const ahead = [...input.afterBookings.values()].filter(
      (b) => !b.hold && (b.reception.start >= now || (b.ret ?? { start: b.readyAt }).start >= now),
    );
    if (ahead.length === 0) return [];
    const was = CapacityIndex.build(before, input.beforeBookings.values());
    const is = CapacityIndex.build(after, input.afterBookings.values());
    const out: ConfigConflict[] = [];
    ahead.sort((x, y) => y.reception.start - x.reception.start || (x.id < y.id ? 1 : -1));
    for (const b of ahead) {
      const broken = brokenRules(is, b, now, (a) => kept.has(after.advisors[a].id));
      if (broken.size === 0) continue;
      const held = brokenRules(was, input.beforeBookings.get(b.id)!, now, () => true);
      const found = out.length;
      for (const key of broken) {
        if (held.has(key)) continue;
        const [part, code] = key.split(":") as [Part, string];
        out.push({ id: b.id, code, message: say(after, b, part, code) });
      }
      // Reported: it gives way, so the earlier ones are asked without it.
      if (out.length > found) is.remove(b.id);
    }
    // In the order of the other checks' reports: earliest first.
    return out.reverse();
  },
};
