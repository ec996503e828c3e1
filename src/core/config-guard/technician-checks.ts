import type { Dealer } from "../dealer.js";
import { productiveBetween } from "../workshop.js";
import type { ConfigCheck, ConfigConflict } from "./types.js";

// The advisors' rule for named technicians (issue 13): a roster edit never silently drops
// or overbooks a planned job. Each job block still ahead (in part or whole) must keep its
// technician (same id), who must keep the skill and still work the block's productive
// minutes in its wall-clock span (hours, absences). The original form's identical
// technicians ({ technicians, hoursPerDay }) are the skill's capacity and stay with
// workshop_exceeded; a skill the workshop drops altogether is skill_removed.

const CODE = "technician_unavailable";

function span(d: Dealer, s: number, e: number): string {
  const a = d.format(s);
  const b = d.format(e);
  return `${a.slice(0, 10)} ${a.slice(11, 16)}–${a.slice(0, 10) === b.slice(0, 10) ? "" : `${b.slice(0, 10)} `}${b.slice(11, 16)}`;
}

export const techniciansKept: ConfigCheck = {
  name: CODE,
  run(input) {
    const { before, after, now } = input;
    const byId = new Map(after.roster.technicians.map((t, k) => [t.id, k]));
    const out: ConfigConflict[] = [];
    for (const [id, b] of input.beforeBookings) {
      for (const l of b.labour) {
        if (l.tech === undefined || l.start === undefined || l.end === undefined || l.end <= now || l.minutes <= 0)
          continue;
        const t = before.roster.technicians[l.tech];
        if (!t || t.legacy) continue;
        const skill = before.skills[l.skill];
        const s = after.skillIndex.get(skill);
        if (s === undefined) continue;
        const work = `its ${skill} work ${span(after, l.start, l.end)}`;
        const k = byId.get(t.id);
        if (k === undefined || after.roster.technicians[k].legacy) {
          out.push({
            id,
            code: CODE,
            message: `${work} is planned on technician ${t.name} (${t.id}), whom the new configuration removes`,
          });
          continue;
        }
        if (!after.roster.technicians[k].skills.includes(s)) {
          out.push({
            id,
            code: CODE,
            message: `${work} is planned on technician ${t.name} (${t.id}), who no longer has the skill ${skill}`,
          });
          continue;
        }
        // Only the part still ahead, and only what held before (not this change's doing otherwise).
        const from = Math.max(l.start, now);
        const need = productiveBetween(before, l.tech, from, l.end);
        const left = productiveBetween(after, k, from, l.end);
        if (left < need) {
          out.push({
            id,
            code: CODE,
            message: `${work} is planned on technician ${t.name} (${t.id}), whose new hours or absences leave ${left} of its ${need} minutes`,
          });
        }
      }
    }
    return out;
  },
};
