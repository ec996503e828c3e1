import { CUSTOMER_KINDS } from "../../core/message-kinds.js";
import type { AppointmentView } from "../contracts.js";

// What every template reads (templates.ts renders them): the variables, one rendering's
// shape, and the pieces several templates share.

/**
 * The appointment's recap (AppointmentView.recap, contracts.ts) as the reader reads it:
 * mobility and what to bring in the locale's words, the pages' own (core/visit-words.ts:
 * mobilityIn, bringIn).
 *
 * Times depend on who reads them (when-words.ts, always on the dealer's wall clock): a
 * customer's message has them in words ("mercoledì 25 novembre", "9:00"; `when` and
 * `readyWhen` "mercoledì 25 novembre alle 9:00"), so a dealer's own template ({date},
 * {when}) prints words too; a staff message has them short ("mer 25/11", "9:00", `when`
 * and `readyWhen` "mer 25/11 alle 16:30", core/date-short.ts). Either carries the year
 * for a day far from the message's own.
 *
 * Trap: `readyTime` keeps its old compact "2026-11-25 16:30" for dealers' own templates
 * written before the words ("pronta alle {readyTime}" would read "pronta alle mercoledì
 * 25 novembre alle 16:30"); Pitlane's templates use `readyWhen`.
 */
export interface TemplateVars extends Omit<AppointmentView["recap"], "mobility" | "bring"> {
  dealer: string;
  /** The number customers call (DealerConfig.phone), where the dealer gave one: "call us" says it. */
  dealerPhone?: string;
  vehicle: string;
  mobility: string;
  bring: string[];
  customer: string;
  /** The day and time together, as `readyWhen`. */
  when: string;
  /** The reason in running text, after "for"/"per": "la manutenzione", "a tyre change" (core/intervention-labels.ts reasonInText). */
  service: string;
  /** Proposed options, one line each (service reminder, no-show, next visit). */
  options?: string[];
  /** When the car is ready, in the reader's words (above). */
  readyWhen?: string;
  /** The same, "2026-11-25 16:30": only for dealers' templates written before readyWhen. */
  readyTime?: string;
  /** The return appointment's start in the reader's words, like `readyWhen`; absent without a return. */
  returnWhen?: string;
  /** Who hands the car back (the return's advisor, who may not be the `greeter` of the reception). */
  returnGreeter?: string;
  /** "yes" when a driver brings the car back (pickup and delivery): nobody hands it over at the dealer. */
  returnDelivered?: string;
  dueDate?: string;
  /** A customer's appointment_moved: the reception before the move, in words (absent when it did not move). */
  previousWhen?: string;
  /** ready_time_changed: "yes" when the return could not follow the car (a conflict the desk resolves): its time is not said. */
  returnOpen?: string;
  /**
   * A customer's appointment_moved, when the reception's time stayed: what changed instead —
   * the return's time, the advisor who greets, or only the one who hands the car back.
   */
  movedPart?: "return" | "greeter" | "handBack";
  /** Staff: a customer's move, from the old reception time to the new one ("da lun 23/11 alle 10:00 a mer 25/11 alle 11:00", customer-changes.ts). */
  moved?: string;
  /** Parts (scheduler/parts/arrival.ts): the part, the deposit still owed ("250.00 EUR"), "yes" when the car is checked in (carIn) or its visit is ahead, and when the desk must tell the customer by ("mar 24/11 alle 18:00"). */
  part?: string;
  depositDue?: string;
  carIn?: string;
  visitAhead?: string;
  dueBy?: string;
  /** The parts still on order or on the shelf when their appointment was cancelled (parts/on-cancel.ts), with any deposit paid ("250.00 EUR"). */
  liveParts?: LivePart[];
}

export interface LivePart {
  part: string;
  state: "ordered" | "arrived";
  depositPaid?: string;
}

export const CUSTOMER_TEMPLATES = CUSTOMER_KINDS;
export const STAFF_TEMPLATES = [
  "supervisor_notice",
  "confirm_overdue",
  "no_show_task",
  "next_visit",
  "car_ready_call",
  "follow_up_call",
  "no_show_withdrawn",
  "progress_check",
  "ready_conflict",
  "extra_work_approval",
  "customer_moved",
  "customer_cancelled",
  "parts_arrived_call",
  "parts_notice_overdue",
  "parts_on_cancelled",
] as const;
export type CustomerKind = (typeof CUSTOMER_TEMPLATES)[number];
export type StaffKind = (typeof STAFF_TEMPLATES)[number];
export type TemplateKind = CustomerKind | StaffKind;

/** `sms`: a shorter body a text message tries before the subject alone (compose.ts), where the whole text rarely fits two segments. */
export type Render = (v: TemplateVars) => { subject: string; text: string; sms?: string };

/** "1) …; 2) …", or `none` when there is no option. */
export const opts = (v: TemplateVars, none: string) =>
  v.options?.length ? v.options.map((o, i) => `${i + 1}) ${o}`).join("; ") : none;
