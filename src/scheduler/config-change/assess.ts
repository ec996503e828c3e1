import { CapacityIndex } from "../../core/capacity-index.js";
import {
  findConflicts,
  rebase,
  retiredAdvisors,
  SKILL_REMOVED,
  withRetiredAdvisors,
  type ConfigConflict,
} from "../../core/config-guard/index.js";
import type { DealerConfig } from "../../core/dealer-config.js";
import { compileDealer, type Dealer } from "../../core/dealer.js";
import { planConfigChange } from "../../core/reshuffle/index.js";
import type { Booking } from "../../core/types.js";
import { canonicalJson } from "../../lib/canonical-json.js";
import { sha256Hex } from "../../lib/digest.js";
import type { Db } from "../../db/sqlite-handle.js";
import { loadDays } from "../reshuffle/load.js";
import type { Planned } from "../reshuffle/plan-view.js";
import type { DealerRuntime } from "../runtime.js";

// What a new configuration would do to the dealer's holding appointments: the new dealer
// compiled (with any advisor it drops kept as retired, so no booking leaves the index),
// every booking rebased onto it, THE checks (core/config-guard), and — when something is
// stranded — the re-plan that would resolve it, as a reshuffle plan of kind "config".

export interface Assessment {
  after: Dealer;
  conflicts: ConfigConflict[];
  /** Present when there are conflicts. */
  planned?: Planned;
}

export function assessConfigChange(
  db: Db,
  rt: DealerRuntime,
  dealerId: string,
  config: DealerConfig,
  now: number,
): Assessment {
  const before = rt.dealer;
  const beforeBookings = rt.index.bookings;
  const after = compileDealer(
    dealerId,
    withRetiredAdvisors(config, retiredAdvisors(before, beforeBookings.values(), config)),
  );
  const afterBookings = new Map<string, Booking>();
  for (const [id, b] of beforeBookings) afterBookings.set(id, rebase(b, before, after));
  const conflicts = findConflicts({ before, after, afterConfig: config, beforeBookings, afterBookings, now });
  if (conflicts.length === 0) return { after, conflicts };

  const affected = new Map<string, string>();
  for (const c of conflicts) affected.set(c.id, affected.has(c.id) ? `${affected.get(c.id)}; ${c.message}` : c.message);
  const starts = [...affected.keys()].map((id) => afterBookings.get(id)!.reception.start);
  const index = CapacityIndex.build(after, afterBookings.values());
  const { rows, movables } = loadDays(db, after, dealerId, Math.min(...starts), Math.max(...starts) + 1, now);
  const ctx = { now, movables };
  const byHand = new Set(conflicts.filter((c) => c.code === SKILL_REMOVED).map((c) => c.id));
  const core = planConfigChange(index, ctx, affected, byHand);
  // The token pins the configuration it resolves, not only the appointments' versions.
  const print = sha256Hex(canonicalJson(config)).slice(0, 32);
  return {
    after,
    conflicts,
    planned: { kind: "config", index, ctx, core, rows, configVersion: rt.configVersion, extra: {}, print },
  };
}
