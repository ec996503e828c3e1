// The settings the autocannon benches (http.bench.ts, worker.bench.ts) read from the
// environment, with the same names and defaults in both (each bench's header lists them).

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The bench/ folder (results/ lives under it) and the repository root. */
export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = resolve(BENCH_DIR, "..");

/** A numeric setting: its default when unset, empty or not a number. */
export const num = (v: string | undefined, d: number) =>
  v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d;

/** `defaultOut`: the JSON's path under bench/ unless BENCH_OUT names another. */
export function loadOptions(defaultOut: string) {
  const DURATION = num(process.env.BENCH_DURATION, 15);
  return {
    DURATION,
    CONNECTIONS: num(process.env.BENCH_CONNECTIONS, 50),
    KEEP: process.env.BENCH_KEEP === "1",
    ONLY: process.env.BENCH_ONLY ?? "",
    OUT: resolve(process.env.BENCH_OUT ?? resolve(BENCH_DIR, defaultOut)),
    // A fifth of the load, 1 to 3 s: JIT, index and caches warm before the measured window.
    WARMUP_S: Math.min(3, Math.max(1, Math.round(DURATION / 5))),
  };
}
