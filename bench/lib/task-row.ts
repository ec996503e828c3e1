// One tinybench task as the row every tinybench bench writes to bench/results/*.json, so
// that bench/compare.ts can read any of them the same way.

import type { Task } from "tinybench";

export interface Row {
  task: string;
  medianUs: number;
  p99Us: number;
  opsPerSec: number;
}

/** Throws when the task did not complete: a figure from a failed task would be a lie. */
export function taskRow(t: Task): Row {
  const r = t.result;
  if (r.state !== "completed")
    throw new Error(`task "${t.name}" ${r.state}${"error" in r ? `: ${r.error.stack ?? r.error.message}` : ""}`);
  return {
    task: t.name,
    medianUs: +(r.latency.p50 * 1000).toFixed(3),
    p99Us: +(r.latency.p99 * 1000).toFixed(3),
    opsPerSec: +(1000 / r.latency.mean).toFixed(1),
  };
}
