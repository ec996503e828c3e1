import { WEEKDAYS } from "./dealer-config/hours.js";
import type { Dealer } from "./dealer.js";
import { describeViolationIt } from "./rule-messages-it.js";
import { returnReachDays } from "./return-slot.js";
import type { RuleCode, RuleSubject, Violation } from "./types.js";

// Human-readable text for each rule code, built only when someone will read it
// (collect-all checks), never on the search's hot path. English is the API's `message`;
// the Italian (rule-messages-it.ts) travels beside it for the advisors' Italian page.

/** A broken rule for people: its code, the English sentence and the Italian one (same facts). */
export function ruleViolation(dealer: Dealer, code: RuleCode, x: RuleSubject, readyAt: number | null): Violation {
  return {
    code,
    message: describeViolation(dealer, code, x, readyAt),
    texts: { it: describeViolationIt(dealer, code, x, readyAt) },
  };
}

/** "2026-11-24 at 09:45": how a sentence says an instant (the dealer's wall clock), not ISO with its offset. */
const on = (dealer: Dealer, m: number) => {
  const s = dealer.format(m);
  return `${s.slice(0, 10)} at ${s.slice(11, 16)}`;
};

export function describeViolation(dealer: Dealer, code: RuleCode, x: RuleSubject, readyAt: number | null): string {
  const rules = dealer.config.receptionRules;
  const when = dealer.format(x.start);
  const hm = when.slice(11, 16);
  const date = when.slice(0, 10);
  const who = dealer.advisors[x.advisor]?.name ?? "the advisor";
  const day = dealer.day(dealer.dayOf(x.start));
  switch (code) {
    case "invalid_length":
      return `a reception lasts 15 or 30 minutes, not ${x.minutes}`;
    case "invalid_return_length":
      return `a return lasts 10 to 15 minutes, not ${x.minutes}`;
    case "in_the_past":
      return x.now === undefined
        ? `${on(dealer, x.start)} has already passed`
        : `${on(dealer, x.start)} is before the earliest bookable time, ${on(dealer, x.now + (x.notice ?? rules.minNoticeMinutes))}`;
    case "beyond_horizon":
      return readyAt === null
        ? `bookings open at most ${rules.maxHorizonDays} days ahead`
        : `a return is at most ${returnReachDays(dealer.config)} days after the car is ready (${on(dealer, readyAt)})`;
    case "off_grid":
      return readyAt === null
        ? `receptions start on the quarter hour; ${hm} does not`
        : `returns start on a 5-minute mark; ${hm} does not`;
    case "closed":
      return `the dealer is closed on ${date}`;
    case "outside_opening_hours": {
      const hours = dealer.config.openingHours[WEEKDAYS[day.weekday]].map(([a, b]) => `${a}-${b}`).join(", ");
      return `${hm} for ${x.minutes} min is outside opening hours on ${date} (${hours})`;
    }
    case "unknown_advisor":
      return "no such advisor at this dealer";
    case "advisor_off_duty":
      return `${who} does not work at ${hm} on ${date}`;
    case "advisor_absent":
      return `${who} is absent at ${hm} on ${date}`;
    case "advisor_busy":
      return `${who} already has an appointment at ${hm} on ${date}`;
    case "hourly_cap":
      return `${who} would have more than ${rules.maxPerHour} receptions within one hour (buffer rule)`;
    case "two_hour_cap":
      return `${who} would have more than ${rules.maxMinutesPer2h} reception minutes within two hours (buffer rule)`;
    case "workshop_full": {
      const need = (x.job?.labour ?? [])
        .map((l) => `${(l.minutes / 60).toFixed(1)} h of ${dealer.skills[l.skill]}`)
        .join(" and ");
      return `the workshop has no room for ${need || "this job"} from ${date}`;
    }
    case "express_reserve":
      return `this time is held for priority vehicles until ${on(dealer, day.releaseAt)}`;
    case "mobility_not_offered":
      return `this dealer does not offer that mobility option`;
    case "mobility_unavailable":
      return `the chosen mobility is fully booked for this stay`;
    case "return_before_ready":
      return `the car is ready ${readyAt === null ? "later" : `on ${on(dealer, readyAt)}`}; the return cannot start before`;
  }
}
