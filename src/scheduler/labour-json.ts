import type { Dealer, LabourSlice } from "../core/index.js";

// Labour slices as stored in appointments.labour_json. The core numbers technicians by
// roster position; the row names them by id (`techId`), so reordering or extending the
// roster in PUT /v1/dealers never moves a booked job to another technician. A slice
// whose technician is gone keeps its skill hours (the day board and the capacity
// counters still see them) but no longer holds anyone's timeline.

interface StoredSlice {
  skill: number;
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
      return tech === undefined ? rest : { ...rest, techId: dealer.roster.technicians[tech]?.id };
    }),
  );
}

export function labourFromJson(dealer: Dealer, json: string): LabourSlice[] {
  const out: LabourSlice[] = [];
  for (const s of JSON.parse(json) as StoredSlice[]) {
    if (s.skill >= dealer.skills.length) continue;
    const { techId, ...rest } = s;
    const tech = techId === undefined ? -1 : dealer.roster.technicians.findIndex((t) => t.id === techId);
    out.push(tech >= 0 ? { ...rest, tech } : { skill: s.skill, day: s.day, minutes: s.minutes });
  }
  return out;
}
