import { Temporal } from "@js-temporal/polyfill";
import { z } from "../lib/zod.js";
import { FrozenNow, opt } from "../api/settings.js";
import { DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT } from "../api/deps.js";

// The Worker's plain variables (env.ts adds the bindings), validated at the entry like
// `Env` in src/node.ts, whose variables keep their meaning here. Not imported from there:
// src/node.ts pulls in better-sqlite3 and node: modules. Differences, and why:
// - SCHEDULER_ADMIN_TOKEN is REQUIRED: there is no console to print a generated one.
//   Set it with `wrangler secret put SCHEDULER_ADMIN_TOKEN` (locally: .dev.vars or
//   `npm run dev:worker`, which passes one), never in wrangler.toml.
// - PITLANE_SECRET is REQUIRED for the same reason (`wrangler secret put PITLANE_SECRET`;
//   `npm run dev:worker` passes one derived from the admin token). PITLANE_SECRET_PREVIOUS
//   (a secret too) keeps older ones accepted for opening while rotating.
// - SEED_DEMO defaults to off: a deployed Worker should not grow a demo dealer on the
//   first request for /v1/dealers/demo. `npm run dev:worker` turns it on.
// - No PORT, DATABASE_PATH, JOURNEY_INTERVAL_MS: the platform listens, each dealer's
//   Durable Object holds its storage, and alarms replace the interval.

export const WorkerSettings = z.object({
  SCHEDULER_ADMIN_TOKEN: z
    .string({ error: "required: wrangler secret put SCHEDULER_ADMIN_TOKEN" })
    .min(8, "use at least 8 characters"),
  PITLANE_SECRET: z
    .string({ error: "required: wrangler secret put PITLANE_SECRET" })
    .min(32, "use at least 32 characters"),
  PITLANE_SECRET_PREVIOUS: opt(z.string().optional()),
  SCHEDULER_NOW: FrozenNow,
  SEED_DEMO: opt(z.enum(["0", "1", "false", "true"]).default("0")),
  RATE_LIMITS: opt(z.enum(["on", "off"]).default("on")),
  MAX_ACTIVE_BOOKINGS_PER_CONTACT: opt(
    z.coerce.number().int().min(0).max(1000).default(DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT),
  ),
});
export type WorkerSettings = z.infer<typeof WorkerSettings>;

/** Names only, never values: the token is a secret. */
export function describeEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** The app clock: frozen at SCHEDULER_NOW (demos, black-box tests), else the platform's. */
export function clockOf(settings: Pick<WorkerSettings, "SCHEDULER_NOW">): { now: () => number; frozen: boolean } {
  if (!settings.SCHEDULER_NOW) return { now: () => Date.now(), frozen: false };
  const at = Temporal.Instant.from(settings.SCHEDULER_NOW).epochMilliseconds;
  return { now: () => at, frozen: true };
}
