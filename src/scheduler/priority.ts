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

/**
 * The mobility a request will actually get. A priority vehicle is only ever given a
 * courtesy car or pickup & delivery (the brand's standard); asking for anything else
 * gets those instead, with a note saying why. Anyone asking for a kind this dealer
 * does not offer gets a 400.
 */
export function resolveMobility(
  dealer: Dealer,
  requested: Mobility,
  priority: boolean,
): { mobility: Mobility; note?: string } {
  if (priority && !PRIORITY_KINDS.includes(requested)) {
    const alt = PRIORITY_KINDS.find((k) => mobilityOffered(dealer.config, k));
    if (alt) {
      return {
        mobility: alt,
        note: `priority vehicles are offered a courtesy car or pickup & delivery; "${requested}" was replaced by "${alt}"`,
      };
    }
  }
  if (!mobilityOffered(dealer.config, requested)) {
    throw new DomainError("validation_failed", `mobility: this dealer does not offer ${requested}`, {
      errors: [{ path: "mobility", message: `not offered by this dealer`, in: "body" }],
    });
  }
  return { mobility: requested };
}
