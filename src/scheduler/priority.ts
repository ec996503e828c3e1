import type { Dealer } from "../core/dealer.js";
import { mobilityOffered } from "../core/mobility.js";
import type { Mobility } from "../core/types.js";
import { DomainError } from "./errors.js";

// Which cars are priority vehicles, and which mobility they (and everyone) may have.

export function isPriority(dealer: Dealer, model: string | undefined): boolean {
  if (!model) return false;
  const m = model.trim().toLowerCase();
  return dealer.config.express.models.some((x) => x.trim().toLowerCase() === m);
}

/**
 * A stored appointment's priority: what its booking was granted from the caller's
 * credential (trust.ts); rows booked before that was recorded fall back to the model.
 */
export function rowPriority(dealer: Dealer, row: { priority: boolean | null; vehicleJson: string }): boolean {
  if (row.priority !== null) return row.priority;
  return isPriority(dealer, (JSON.parse(row.vehicleJson) as { model?: string }).model);
}

const PRIORITY_KINDS: Mobility[] = ["courtesy_car", "pickup_delivery"];
const LABEL: Partial<Record<Mobility, string>> = { courtesy_car: "courtesy car", pickup_delivery: "pickup & delivery" };

export interface ResolvedMobility {
  /** The kind asked for, or for a priority vehicle asking another, the first priority kind offered. */
  mobility: Mobility;
  /**
   * A priority vehicle's other kind (courtesy car ↔ pickup & delivery), when the dealer
   * offers it: given wherever `mobility` is not free (search.ts SearchQuery.alt).
   */
  alt?: Mobility;
  /** Why `mobility` is not what was asked (a priority vehicle asking another kind). */
  note?: string;
}

/**
 * The mobility a request will actually get. A priority vehicle is only ever given a
 * courtesy car or pickup & delivery (the brand's standard); asking for anything else, or
 * for the one of the two this dealer does not offer (a dealer with no courtesy cars),
 * gets the other instead, with a note saying why; and where the one it gets is not free
 * (the cars all out, the runs all taken), it is given the other (`alt`). Anyone else
 * asking for a kind this dealer does not offer gets a 400.
 */
export function resolveMobility(dealer: Dealer, requested: Mobility, priority: boolean): ResolvedMobility {
  let mobility = requested;
  let note: string | undefined;
  if (priority && (!PRIORITY_KINDS.includes(requested) || !mobilityOffered(dealer.config, requested))) {
    const first = PRIORITY_KINDS.find((k) => mobilityOffered(dealer.config, k));
    if (first) {
      mobility = first;
      note = replacedNote(requested, first);
    }
  }
  if (!mobilityOffered(dealer.config, mobility)) {
    throw new DomainError("validation_failed", `mobility: this dealer does not offer ${requested}`, {
      errors: [{ path: "mobility", message: `not offered by this dealer`, in: "body" }],
    });
  }
  const res: ResolvedMobility = { mobility };
  if (note) res.note = note;
  if (priority && PRIORITY_KINDS.includes(mobility)) {
    const alt = PRIORITY_KINDS.find((k) => k !== mobility && mobilityOffered(dealer.config, k));
    if (alt) res.alt = alt;
  }
  return res;
}

function replacedNote(requested: Mobility, given: Mobility): string {
  return `priority vehicles are offered a courtesy car or pickup & delivery; "${requested}" was replaced by "${given}"`;
}

/**
 * The kinds to try for a booking or a hold, in order: exactly the one its option showed
 * (`shown`: the optionId's or the hold's), when that is one this request may have; else
 * the resolved kind, then its alternative.
 */
export function mobilityChoices(r: ResolvedMobility, shown: Mobility | undefined): Mobility[] {
  if (shown !== undefined && (shown === r.mobility || shown === r.alt)) return [shown];
  return r.alt ? [r.mobility, r.alt] : [r.mobility];
}

/**
 * The note for an answer whose options (or booking) got the kinds `given`: why each differs
 * from what was asked. Undefined when nothing differs; the resolution's own note when only
 * the resolved kind was given (or nothing: a search without options).
 */
export function givenNote(
  requested: Mobility,
  r: ResolvedMobility,
  given: Iterable<Mobility>,
  booking = false,
): string | undefined {
  if (!r.alt) return r.note;
  let altGiven = false;
  let mainGiven = false;
  for (const m of given) {
    if (m === r.alt) altGiven = true;
    else mainGiven = true;
  }
  if (!altGiven) return r.note;
  // Not "is free": the asked kind may be free but its own reception (a courtesy car's
  // 30 minutes) not fit at that time; either way it cannot be arranged there.
  const free = `no ${LABEL[r.mobility]} can be arranged`;
  if (mainGiven) {
    // Only a search mixes the two.
    if (r.mobility === requested) return `${free} at some of these times; priority vehicles are given "${r.alt}" there`;
    return `${r.note}, or by "${r.alt}" where ${free}`;
  }
  const missing = `${free} ${booking ? "for this stay" : "at these times"}`;
  if (r.mobility === requested) return `${missing}; priority vehicles are given "${r.alt}" instead`;
  return `${replacedNote(requested, r.alt)} (${missing})`;
}
