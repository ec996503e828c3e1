import type { Dealer } from "../core/dealer.js";
import type { Status } from "./contracts.js";

// The workshop half of the day board: per technician, the jobs of the day in planned
// order with their planned start and finish on that day. A job's state follows its
// appointment (there is no per-job progress yet): planned until the car is checked in,
// in progress while it is in the workshop, done once the appointment is completed.

export type JobState = "planned" | "in_progress" | "done";

export interface TechnicianDay {
  id: string;
  name: string;
  skills: string[];
  jobs: Array<{ appointmentId: string; skill: string; start: string; end: string; labourHours: number; state: JobState }>;
}

interface StoredSlice {
  skill: number;
  day: number;
  minutes: number;
  techId?: string;
  start?: number;
  end?: number;
}

const STATE: Partial<Record<Status, JobState>> = { requested: "planned", confirmed: "planned", checked_in: "in_progress", completed: "done" };

/** Collects one appointment's slices of day `n` into the technicians' lists. */
export class TechnicianBoard {
  private readonly techs: TechnicianDay[];
  private readonly byId: Map<string, TechnicianDay>;
  private readonly order = new Map<TechnicianDay["jobs"][number], number>();

  constructor(private readonly dealer: Dealer, private readonly n: number) {
    this.techs = dealer.roster.technicians.map((t) => ({ id: t.id, name: t.name, skills: t.skills.map((s) => dealer.skills[s]), jobs: [] }));
    this.byId = new Map(this.techs.map((t) => [t.id, t]));
  }

  add(appointmentId: string, status: Status, labourJson: string): void {
    const state = STATE[status];
    if (!state) return;
    for (const l of JSON.parse(labourJson) as StoredSlice[]) {
      if (l.day !== this.n || l.techId === undefined || l.start === undefined || l.end === undefined) continue;
      const t = this.byId.get(l.techId);
      if (!t) continue;
      const job = { appointmentId, skill: this.dealer.skills[l.skill] ?? "", start: this.dealer.format(l.start), end: this.dealer.format(l.end), labourHours: Math.round((l.minutes / 60) * 100) / 100, state };
      this.order.set(job, l.start);
      t.jobs.push(job);
    }
  }

  /** Jobs by planned start (epoch minutes: a fall-back day's strings do not sort). */
  result(): TechnicianDay[] {
    for (const t of this.techs) t.jobs.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    return this.techs;
  }
}
