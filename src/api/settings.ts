import { Temporal } from "@js-temporal/polyfill";
import { z } from "../lib/zod.js";

// Environment settings that mean the same on Node (node.ts) and on Workers
// (worker/settings.ts): one parser each, so both runtimes accept and refuse alike.

/** An unset variable arrives as "" from some shells and dashboards: treat it as absent. */
export const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" ? undefined : v), s);

/** SCHEDULER_NOW: a frozen clock for demos and tests, as an ISO instant. */
export const FrozenNow = opt(
  z
    .string()
    .refine((s) => {
      try {
        Temporal.Instant.from(s);
        return true;
      } catch {
        return false;
      }
    }, "expected an ISO instant such as 2026-11-23T09:00:00Z")
    .optional(),
);
