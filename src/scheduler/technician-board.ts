import type { Dealer } from "../core/dealer.js";
import type { Status } from "./contracts.js";
import { skillOf, type StoredSlice } from "./labour-json.js";

// The workshop half of the day board: per technician, the jobs of the day in planned
// order with their planned start and finish on that day. A job's state is what the
// workshop last reported (POST .../progress: started, paused, done); before any report
// it is planned, and done once the appointment is completed.

export type JobState = "planned" | "started" | "paused" | "done";
const REPORTED = new Set<string>(["started", "paused", "done"]);

export interface TechnicianDay {
  id: string;
  name: string;
  skills: string[];
  jobs: Array<{
    appointmentId: string;
    skill: string;
    start: string;
    end: string;
    labourHours: number;
    state: JobState;
  }>;
}

const STATE: Partial<Record<Status, JobState>> = {
  requested: "planned",
  confirmed: "planned",
  checked_in: "planned",
  completed: "done",
};

/** Collects one appointment's slices of day `n` into the technicians' lists. */
export class TechnicianBoard {
  private readonly techs: TechnicianDay[];
  private readonly byId: Map<string, TechnicianDay>;
  private readonly order = new Map<TechnicianDay["jobs"][number], number>();

  constructor(
    private readonly dealer: Dealer,
    private readonly n: number,
  ) {
    this.techs = dealer.roster.technicians.map((t) => ({
      id: t.id,
      name: t.name,
      skills: t.skills.map((s) => dealer.skills[s]),
      jobs: [],
    }));
    this.byId = new Map(this.techs.map((t) => [t.id, t]));
  }

  /** Whether the appointment has a job on the day. */
  add(appointmentId: string, status: Status, labourJson: string, reported?: string): boolean {
    let state = STATE[status];
    if (!state) return false;
    let any = false;
    if (status === "checked_in" && reported !== undefined && REPORTED.has(reported)) state = reported as JobState;
    for (const l of JSON.parse(labourJson) as StoredSlice[]) {
      if (l.day !== this.n || l.techId === undefined || l.start === undefined || l.end === undefined) continue;
      const t = this.byId.get(l.techId);
      if (!t) continue;
      const job = {
        appointmentId,
        skill: this.dealer.skills[skillOf(this.dealer, l) ?? -1] ?? "",
        start: this.dealer.format(l.start),
        end: this.dealer.format(l.end),
        labourHours: Math.round((l.minutes / 60) * 100) / 100,
        state,
      };
      this.order.set(job, l.start);
      t.jobs.push(job);
      any = true;
    }
    return any;
  }

  /** Jobs by planned start (epoch minutes: a fall-back day's strings do not sort). */
  result(): TechnicianDay[] {
    for (const t of this.techs) t.jobs.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    return this.techs;
  }
}
