// The shapes the page reads (a subset of the API's; /openapi.json has them all).

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

export interface SlotView {
  start: string;
  end: string;
  advisorId: string;
  advisorName?: string;
}

export interface Appointment {
  id: string;
  status: string;
  version: number;
  reception: SlotView;
  return: SlotView | null;
  readyAt: string;
  express: boolean;
  forced: boolean;
  mobility: string;
  interventions: string[];
  vehicle: { model?: string; plate?: string | null; vin?: string | null };
  request: string | null;
  customer?: { name?: string | null; phone?: string | null; email?: string | null };
  /** The services by the dealer's labels, joined ("Maintenance, Tyre change"). */
  recap: { reason: string };
  /** The parts ordered for it (staff view). */
  parts?: PartsOrder[];
}

/** A parts order as GET …/appointments/{id} lists it (scheduler/parts/contracts.ts). */
export interface PartsOrder {
  id: string;
  description: string;
  status: "ordered" | "arrived" | "cancelled";
  currency: string;
  priceCents: number;
  /** The deposit the order asks (0: none). */
  depositRequiredCents: number;
  depositDueCents: number;
  /** What the customer has paid towards it (kept on a cancelled order: refunds are the till's). */
  depositPaidCents: number;
}

export interface Move {
  appointmentId: string;
  version: number;
  from: { reception: SlotView; return: SlotView | null };
  to: { reception: SlotView; return: SlotView | null };
  timeChanged: boolean;
  advisorChanged: boolean;
  notifyCustomer: boolean;
  forced: boolean;
  shiftMinutes: number;
}

export interface Plan {
  kind: string;
  mode: "plan" | "applied";
  moves: Move[];
  contact: Array<{ appointmentId: string; reason: string; options: Array<{ reception?: SlotView; start?: string }> }>;
  notify: string[];
  summary: { moves: number; timeChanges: number; advisorChanges: number; contact: number };
  planToken: string;
  walkIn?: { reception: SlotView };
  /** A walk-in, applied: the new appointment. */
  created?: { id: string };
}

export interface Overdue {
  appointments: Array<{
    id: string;
    channel: string | null;
    requestedAt: string;
    overdueMinutes: number;
    reception: string;
  }>;
}

export interface Message {
  id: string;
  kind: string;
  audience: "customer" | "staff";
  appointmentId: string | null;
  recipient: string | null;
  subject: string;
  status: string;
  /** Issue 16: how it leaves Pitlane and whether it did (reason: why not, or why it waits). */
  transport: "webhook" | "email" | "sms";
  delivery: "queued" | "sent" | "failed" | "suppressed" | "withdrawn";
  reason: string | null;
  createdAt: string;
  /** The appointment it is about, on any day (null when none): a task names whom to call and goes to its day. */
  appointment?: { receptionStart: string; customer: Slot["customer"]; vehicle: Car } | null;
}

/** One call the desk made about a task (GET …/tasks): how it went, by whom, when (an instant). */
export interface TaskAttempt {
  outcome: TaskOutcome;
  note: string | null;
  at: string;
  by: string;
}
import type { TaskOutcome } from "../../core/task-outcomes.js";
export type { TaskOutcome };

/** How recording a call ended: refused (said in its form), or the task gone meanwhile (said by the page). */
export type RecordResult = { ok: true } | { ok: false; sentence: string; gone: boolean };

/** A desk task (GET …/tasks): a call to make, with the calls already made. */
export interface DeskTask {
  id: string;
  kind: string;
  appointmentId: string | null;
  /** The appointment it is about, on any day (null when none), as in Message, with its status now. */
  appointment: { receptionStart: string; customer: Slot["customer"]; vehicle: Car; status: string } | null;
  subject: string;
  /** What to do, as the message says it (the parts, the options to propose); never an address. */
  text: string;
  createdAt: string;
  state: "open" | "done";
  attempts: TaskAttempt[];
  doneAt: string | null;
}
