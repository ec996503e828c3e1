import type { Dealer, LabourSlice } from "../core/index.js";

// Labour slices as stored in appointments.labour_json. The core numbers technicians and
// skills by position; the row names them (`techId`, `skillId`), so reordering or extending
// the roster or the workshop's skills in PUT /v1/dealers never moves a booked job to
// another technician or skill. A slice whose technician is gone keeps its skill hours (the
// day board and the capacity counters still see them) but no longer holds anyone's
// timeline; one whose skill is gone counts nowhere.
//
// Trap: slices stored before `skillId` name their skill by position alone, under the
// skills of the configuration they were booked in. A PUT that changes the skills first
// names them (config-change/replace.ts nameStoredSkills, over db/repos/labour-names.ts),
// while that configuration is still the one in force.

/** One slice as stored (and as the day board reads it back). */
export interface StoredSlice {
  /** The skill's position when stored; `skillId` wins when present. */
  skill: number;
  skillId?: string;
  day: number;
  minutes: number;
  techId?: string;
  start?: number;
  end?: number;
}

export function labourToJson(dealer: Dealer, labour: LabourSlice[]): string {
  return JSON.stringify(
    labour.map((l): StoredSlice => {
      const { tech, ...rest } = l;
      const named = { ...rest, skillId: dealer.skills[l.skill] };
      return tech === undefined ? named : { ...named, techId: dealer.roster.technicians[tech]?.id };
    }),
  );
}

export function labourFromJson(dealer: Dealer, json: string): LabourSlice[] {
  const out: LabourSlice[] = [];
  for (const s of JSON.parse(json) as StoredSlice[]) {
    const skill = skillOf(dealer, s);
    if (skill === undefined) continue;
    const { techId, skillId: _, ...rest } = s;
    const tech = techId === undefined ? -1 : dealer.roster.technicians.findIndex((t) => t.id === techId);
    out.push(tech >= 0 ? { ...rest, skill, tech } : { skill, day: s.day, minutes: s.minutes });
  }
  return out;
}

/** The slice's skill in `dealer`'s numbering; undefined when the dealer no longer has it. */
export function skillOf(dealer: Pick<Dealer, "skills" | "skillIndex">, s: StoredSlice): number | undefined {
  if (s.skillId !== undefined) return dealer.skillIndex.get(s.skillId);
  return s.skill < dealer.skills.length ? s.skill : undefined;
}

/**
 * The stored labour's minutes per skill of `dealer` (its numbering), of day `day` only
 * when given; a skill the dealer no longer has counts nowhere. Added into `into` when given.
 */
export function minutesBySkill(
  dealer: Pick<Dealer, "skills" | "skillIndex">,
  json: string,
  day?: number,
  into: number[] = dealer.skills.map(() => 0),
): number[] {
  for (const l of JSON.parse(json) as StoredSlice[]) {
    if (day !== undefined && l.day !== day) continue;
    const skill = skillOf(dealer, l);
    if (skill !== undefined) into[skill] += l.minutes;
  }
  return into;
}

/**
 * The stored slices with every skill named under `dealer` (the configuration they were
 * stored in); null when all were named already.
 */
export function namedSkills(dealer: Pick<Dealer, "skills">, json: string): string | null {
  const slices = JSON.parse(json) as StoredSlice[];
  if (slices.every((s) => s.skillId !== undefined)) return null;
  return JSON.stringify(slices.map((s) => (s.skillId !== undefined ? s : { ...s, skillId: dealer.skills[s.skill] })));
}
