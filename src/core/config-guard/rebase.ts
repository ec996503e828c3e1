import type { DealerConfig } from "../dealer-config.js";
import { WEEKDAYS } from "../dealer-config/hours.js";
import type { Dealer } from "../dealer.js";
import type { Booking } from "../types.js";

// Advisors who left the configuration but still hold appointments stay in the compiled
// dealer as "retired": appended after the configured ones (so every other index keeps
// its meaning), never on duty (empty working hours), so nothing new is ever placed with
// them — but the capacity index keeps their appointments' cars, labour and desk time.

const NEVER = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as DealerConfig["openingHours"];

export function withRetiredAdvisors(config: DealerConfig, retired: Iterable<string>): DealerConfig {
  const known = new Set(config.advisors.map((a) => a.id));
  const extra = [...new Set(retired)].filter((id) => !known.has(id));
  if (extra.length === 0) return config;
  return {
    ...config,
    advisors: [
      ...config.advisors,
      ...extra.map((id) => ({ id, name: `${id} (removed)`, absences: [], workingHours: NEVER })),
    ],
  };
}

/** Advisor ids the bookings use that `config` no longer names. */
export function retiredAdvisors(dealer: Dealer, bookings: Iterable<Booking>, config: DealerConfig): string[] {
  const known = new Set(config.advisors.map((a) => a.id));
  const out = new Set<string>();
  for (const b of bookings) {
    for (const slot of [b.reception, b.ret])
      if (slot && !known.has(dealer.advisors[slot.advisor].id)) out.add(dealer.advisors[slot.advisor].id);
  }
  return [...out];
}

/**
 * The booking on `to`'s advisor, skill and technician indexes (by id and name); labour of
 * a removed skill is dropped; a block whose technician is gone keeps its skill hours only
 * (as stored labour does: scheduler/labour-json.ts).
 */
export function rebase(b: Booking, from: Dealer, to: Dealer): Booking {
  const advisor = (i: number) => to.advisorIndex.get(from.advisors[i].id)!;
  const labour = [];
  for (const l of b.labour) {
    const skill = to.skillIndex.get(from.skills[l.skill]);
    if (skill === undefined) continue;
    if (l.tech === undefined) {
      labour.push({ ...l, skill });
      continue;
    }
    const id = from.roster.technicians[l.tech]?.id;
    const tech = to.roster.technicians.findIndex((t) => t.id === id);
    labour.push(tech >= 0 ? { ...l, skill, tech } : { skill, day: l.day, minutes: l.minutes });
  }
  return {
    ...b,
    reception: { ...b.reception, advisor: advisor(b.reception.advisor) },
    ret: b.ret ? { ...b.ret, advisor: advisor(b.ret.advisor) } : null,
    labour,
  };
}
