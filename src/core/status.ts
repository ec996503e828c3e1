// An appointment's statuses and the sets the rules are written in, defined once: the
// verbs, the journey, the reports and the SQL (through sqlStrings()) all read them here.
//
//   requested → confirmed → checked_in → completed, plus cancelled and no_show.

export const STATUSES = ["requested", "confirmed", "checked_in", "completed", "cancelled", "no_show"] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that hold advisor, workshop and mobility capacity (the in-memory index keeps them). */
export const HOLDING: readonly Status[] = ["requested", "confirmed", "checked_in", "completed"];

/** Statuses that give the appointment's capacity back. */
export const RELEASED: readonly Status[] = ["cancelled", "no_show"];

/**
 * Not started yet, still ahead of the customer: may be moved, cancelled or marked a
 * no-show, gets reminders, counts against the contact cap and stops a service reminder.
 */
export const UPCOMING: readonly Status[] = ["requested", "confirmed"];

/** What staff (and, for cancel, the customer) can do to an appointment: POST …/appointments/{id}/{action}. */
export const ACTIONS = ["confirm", "cancel", "check-in", "no-show", "complete"] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The lifecycle's transitions, from which statuses each action may start and where it
 * leads. The verb (scheduler/lifecycle.ts) and the advisors' page (which buttons an
 * appointment shows) both read this table, so the page never hides a step the server
 * allows (a late customer's check-in after the automatic no-show) nor offers one it refuses.
 */
export const TRANSITIONS: Readonly<Record<Action, { from: readonly Status[]; to: Status }>> = {
  confirm: { from: ["requested"], to: "confirmed" },
  // From no_show too: a late customer, checked in by staff after the automatic no-show.
  "check-in": { from: [...UPCOMING, "no_show"], to: "checked_in" },
  complete: { from: ["checked_in"], to: "completed" },
  cancel: { from: [...UPCOMING], to: "cancelled" },
  "no-show": { from: [...UPCOMING], to: "no_show" },
};

/**
 * When a step is asked for: the reception's start and now (epoch minutes), and their local
 * days in the dealer's time zone (day numbers): the caller reads the zone, core stays pure.
 */
export interface StepMoment {
  receptionStart: number;
  now: number;
  receptionDay: number;
  today: number;
}

/**
 * Whether `action` is not open yet at `at`. A no-show waits for the reception's start: a
 * customer has missed nothing before their time. From the start on, staff may mark it at
 * once (the customer phoned to say they will not come); the automatic check waits a grace
 * period on top (journey/timers.ts), as a machine cannot know that.
 * A check-in waits for the reception's local day, not its minute: customers come early,
 * and on the day the desk takes them in at once. Days before, the car is not there: a
 * check-in then was a wrong click that started the workshop's timers and let the job be
 * completed (and its ready time reported) before the visit. Trap: a late check-in after
 * the automatic no-show is never early (a no-show is only marked from the start on).
 */
export function tooEarly(action: Action, at: StepMoment): boolean {
  if (action === "no-show") return at.now < at.receptionStart;
  if (action === "check-in") return at.today < at.receptionDay;
  return false;
}

/**
 * The actions an appointment in `status` allows, in the order a desk reads them (the
 * undoable ones last). With `at`, only those allowed at that moment: what the verb
 * itself accepts then.
 */
export function actionsFrom(status: string, at?: StepMoment): Action[] {
  const order: Action[] = ["confirm", "check-in", "complete", "no-show", "cancel"];
  return order.filter((a) => (TRANSITIONS[a].from as readonly string[]).includes(status) && !(at && tooEarly(a, at)));
}

const holding: ReadonlySet<string> = new Set(HOLDING);
const released: ReadonlySet<string> = new Set(RELEASED);
const upcoming: ReadonlySet<string> = new Set(UPCOMING);

export const isHolding = (status: string): boolean => holding.has(status);
export const isReleased = (status: string): boolean => released.has(status);
export const isUpcoming = (status: string): boolean => upcoming.has(status);

/**
 * The channels of requests a customer made themselves (the owner app, the website widget):
 * the dealer must confirm them within 24 hours (journey/timers.ts). Trap: the partial
 * index appointments_requested_online_idx (db/migrations/0017) lists them too; a test
 * holds the two to each other.
 */
export const ONLINE_CHANNELS: readonly string[] = ["app", "web"];
const online: ReadonlySet<string> = new Set(ONLINE_CHANNELS);
export const isOnlineChannel = (channel: string | null): boolean => channel !== null && online.has(channel);

/**
 * A set of these constants as SQL string literals, for `status IN (…)`: `'requested', 'confirmed'`.
 * Only for the constants above (word characters only), never for input.
 */
export function sqlStrings(values: readonly string[]): string {
  for (const v of values) if (!/^\w+$/.test(v)) throw new Error(`not a status constant: ${v}`);
  return values.map((v) => `'${v}'`).join(", ");
}
