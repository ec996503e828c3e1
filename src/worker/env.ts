import { z } from "../lib/zod.js";
import { WorkerSettings } from "./settings.js";

// The Worker's whole environment: its variables (settings.ts) and the Durable Object
// bindings that wrangler.toml declares. Parsed at the entry and in each object.

export { clockOf, describeEnvError } from "./settings.js";

const binding = (what: string) =>
  z.custom<DurableObjectNamespace>(
    (v) => typeof (v as { idFromName?: unknown } | null)?.idFromName === "function",
    `expected the ${what} Durable Object binding (wrangler.toml)`,
  );

export const WorkerEnv = WorkerSettings.extend({
  DEALERS: binding("DealerScheduler"),
  DIRECTORY: binding("DealerDirectory"),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

// One parse per isolate: the bindings object is the same for every request of a deploy.
let cached: { raw: unknown; result: ReturnType<typeof WorkerEnv.safeParse> } | undefined;
export function parseWorkerEnv(raw: unknown): ReturnType<typeof WorkerEnv.safeParse> {
  if (cached && cached.raw === raw) return cached.result;
  const result = WorkerEnv.safeParse(raw);
  cached = { raw, result };
  return result;
}
