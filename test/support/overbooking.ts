import { Temporal } from "@js-temporal/polyfill";
import type { DealerConfig } from "../../src/core/dealer-config.js";
import { epochMinute } from "../../src/core/civil.js";

// An independent recount of a dealer's stored appointments against its stored
// configuration: no compileDealer, no CapacityIndex, only SQL rows, the config JSON and
// Temporal (in the spirit of test/reference/brute-force.ts). Returns every overbooking
// or stranded appointment it finds among holding appointments from `nowMs` on.

type Sql = { prepare(s: string): { all(...a: unknown[]): unknown[]; get(...a: unknown[]): unknown } };
type Row = {
  id: string;
  status: string;
  advisor_id: string;
  reception_start: number;
  reception_minutes: number;
  return_advisor_id: string | null;
  return_start: number | null;
  return_minutes: number | null;
  ready_at: number;
  mobility: string;
  labour_json: string;
};

const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function local(tz: string, epochMinute: number) {
  return Temporal.Instant.fromEpochMilliseconds(epochMinute * 60_000).toZonedDateTimeISO(tz);
}

export function storedConfig(sqlite: Sql, dealerId: string): DealerConfig {
  return JSON.parse(
    (sqlite.prepare("SELECT config_json FROM dealers WHERE id = ?").get(dealerId) as { config_json: string })
      .config_json,
  );
}

export function recount(sqlite: Sql, dealerId: string, nowMs: number): string[] {
  const config = storedConfig(sqlite, dealerId);
  const tz = config.timeZone;
  const now = epochMinute(nowMs);
  const rows = sqlite
    .prepare(
      "SELECT * FROM appointments WHERE dealer_id = ? AND status IN ('requested','confirmed','checked_in','completed')",
    )
    .all(dealerId) as Row[];
  const problems: string[] = [];
  const advisors = new Set(config.advisors.map((a) => a.id));
  const slots = new Map<string, Array<[number, number, string]>>();
  for (const r of rows) {
    const own: Array<[string, number, number]> = [[r.advisor_id, r.reception_start, r.reception_minutes]];
    if (r.return_start !== null && r.return_advisor_id !== null)
      own.push([r.return_advisor_id, r.return_start, r.return_minutes ?? 0]);
    for (const [advisor, start, minutes] of own) {
      const list = slots.get(advisor) ?? [];
      list.push([start, start + minutes, r.id]);
      slots.set(advisor, list);
      if (start < now) continue;
      if (!advisors.has(advisor)) problems.push(`${r.id}: advisor ${advisor} is not configured`);
      const z = local(tz, start);
      const date = z.toPlainDate().toString();
      const wall = z.hour * 60 + z.minute;
      const ranges = config.openingHours[WEEK[z.dayOfWeek - 1]].map(([a, b]) => [
        Number(a.slice(0, 2)) * 60 + Number(a.slice(3)),
        Number(b.slice(0, 2)) * 60 + Number(b.slice(3)),
      ]);
      if (config.closures.includes(date)) problems.push(`${r.id}: on the closure ${date}`);
      else if (!ranges.some(([a, b]) => a <= wall && wall + minutes <= b))
        problems.push(`${r.id}: ${z.toString()} outside opening hours`);
    }
  }
  for (const [advisor, list] of slots) {
    list.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < list.length; i++)
      if (list[i][0] < list[i - 1][1] && list[i][1] > now)
        problems.push(`${advisor}: ${list[i - 1][2]} and ${list[i][2]} overlap`);
  }
  // Courtesy cars, minute by minute at every window start.
  const cars = rows
    .filter((r) => r.mobility === "courtesy_car")
    .map(
      (r) =>
        [
          r.reception_start,
          r.return_start !== null
            ? r.return_start + (r.return_minutes ?? 0)
            : Math.max(r.ready_at, r.reception_start + r.reception_minutes),
          r.id,
        ] as const,
    );
  for (const [s, , id] of cars) {
    if (s < now) continue;
    const out = cars.filter(([a, b]) => a <= s && s < b).length;
    if (out > config.mobility.courtesyCars)
      problems.push(`${id}: ${out} courtesy cars out of ${config.mobility.courtesyCars}`);
  }
  // Workshop minutes per local day and skill.
  const skills = Object.keys(config.workshop);
  const load = new Map<string, number>();
  for (const r of rows)
    for (const l of slices(r.labour_json, skills))
      load.set(`${l.day}:${l.skill}`, (load.get(`${l.day}:${l.skill}`) ?? 0) + l.minutes);
  const today = Math.floor(local(tz, now).toPlainDate().since("1970-01-01").days);
  for (const [key, minutes] of load) {
    const [dayText, skill] = key.split(":");
    const day = Number(dayText);
    if (day < today) continue;
    const date = Temporal.PlainDate.from("1970-01-01").add({ days: day });
    const spec = config.workshop[skill];
    if (Array.isArray(spec)) continue; // a technician roster: its capacity is the roster plan's (not recounted here)
    const sc = spec;
    const o = sc?.overrides[date.toString()];
    const open = !config.closures.includes(date.toString()) && config.openingHours[WEEK[date.dayOfWeek - 1]].length > 0;
    const cap = sc && open ? (o?.technicians ?? sc.technicians) * (o?.hoursPerDay ?? sc.hoursPerDay) * 60 : 0;
    if (minutes > cap) problems.push(`${date}: ${skill} ${minutes} min booked on ${cap}`);
  }
  return problems;
}

/** Booked workshop hours per local date and skill name, recounted (to compare with the day board). */
export function bookedHours(sqlite: Sql, dealerId: string, date: string): Record<string, number> {
  const config = storedConfig(sqlite, dealerId);
  const skills = Object.keys(config.workshop);
  const n = Temporal.PlainDate.from(date).since("1970-01-01").days;
  const out: Record<string, number> = Object.fromEntries(skills.map((s) => [s, 0]));
  const rows = sqlite
    .prepare(
      "SELECT labour_json FROM appointments WHERE dealer_id = ? AND status IN ('requested','confirmed','checked_in','completed')",
    )
    .all(dealerId) as Array<{ labour_json: string }>;
  for (const r of rows)
    for (const l of slices(r.labour_json, skills)) if (l.day === n && l.skill in out) out[l.skill] += l.minutes / 60;
  return out;
}

/**
 * A row's labour slices with their skill's name: `skillId` where stored, else the stored
 * position in the dealer's skills (rows stored before slices named their skill).
 */
function slices(json: string, skills: string[]): Array<{ day: number; skill: string; minutes: number }> {
  return (JSON.parse(json) as Array<{ day: number; skill: number; skillId?: string; minutes: number }>).map((l) => ({
    day: l.day,
    skill: l.skillId ?? skills[l.skill] ?? `skill #${l.skill}`,
    minutes: l.minutes,
  }));
}
