import type { TaskOutcome } from "../../core/task-outcomes.js";
import type { Car, Slot } from "./day-types.js";

// The desk's reads as the page takes them (a subset of the API's, /openapi.json has them
// all): the requests waiting for confirmation, the messages sent, the tasks to call about
// and the calls made.

export type { TaskOutcome };

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
  /** A notice about several bookings (the supervisor's, for bookings committed together): their ids. */
  bookings?: string[] | null;
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
