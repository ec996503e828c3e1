// The day board as the page reads it (GET …/days/{date}; a subset of the API's, /openapi.json
// has them all): the advisors' slots, the technicians' jobs, the courtesy cars; and the
// session it is read with. The appointment's own read, the plans and the desk's messages
// and tasks have files of their own (types.ts lists them all).

export interface Session {
  dealerId: string;
  dealerName: string;
  role: "advisor" | "admin";
  idleMinutes: number;
  maxMinutes: number;
  /** The dealer's currency for parts prices (ISO 4217): a new order's. */
  currency: string;
}

export interface Slot {
  appointmentId: string;
  kind: "reception" | "return";
  start: string;
  end: string;
  status: string;
  version: number;
  express: boolean;
  forced: boolean;
  // From issue 12 (customer on the day board), when the server has it.
  customer?: { name?: string | null; phone?: string | null; email?: string | null } | null;
  /** The car: names the slot at once when the customer has no name (no VIN: the appointment's read has it). */
  vehicle: Car;
  /** A stored customer an anonymous booking may be (issue 12). */
  possibleMatch?: { customerId: string; customer: { name: string; phone: string | null; email: string | null } } | null;
}

/** A car as the day board names it. */
export interface Car {
  model: string;
  plate: string | null;
}

export type JobState = "planned" | "started" | "paused" | "done";

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

/** An appointment received on an earlier day whose work runs on the shown day (it has no slot there). */
export interface CarriedOver {
  appointmentId: string;
  receptionStart: string;
  customer: { name?: string | null; phone?: string | null; email?: string | null } | null;
  vehicle: Car;
}

export interface DayBoard {
  date: string;
  timeZone: string;
  /** The server's clock as it read the day (ISO instant). */
  now: string;
  open: boolean;
  advisors: Array<{ id: string; name: string; slots: Slot[] }>;
  workshop: Record<string, { capacityHours: number; bookedHours: number }>;
  /** Per technician, the day's jobs in planned order (the server's technician plan). */
  technicians?: TechnicianDay[];
  /** Who the technicians' jobs of cars received on an earlier day are for. */
  carriedOver?: CarriedOver[];
  mobility: { courtesyCars: { total: number; inUse: number; held: number; appointments: string[] } };
}
