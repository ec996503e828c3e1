import { describe, expect, it } from "vitest";
import { chaseTable, memoryProbeNs } from "../../bench/lib/memory-probe.js";

// The write bench prints the box's memory speed beside each row (bench/lib/memory-probe.ts).
// The probe means something only if its chain of reads really wanders over the whole
// table: a permutation with short cycles would keep it in the caches and read "fast"
// whatever the box is doing.

/** The length of the cycle through entry 0. */
function cycleLength(next: Int32Array): number {
  let at = next[0];
  let n = 1;
  while (at !== 0) {
    at = next[at];
    n++;
    if (n > next.length) throw new Error("not a permutation");
  }
  return n;
}

/** A small deterministic generator, so every seed is the same table on every run. */
function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe("the write bench's memory probe", () => {
  it.each([2, 3, 17, 1000, 65_536])("chains all %i entries into one cycle", (n) => {
    for (const seed of [1, 7, 42]) {
      const next = chaseTable(n, seeded(seed));
      expect(cycleLength(next)).toBe(n);
      expect(new Set(next).size).toBe(n);
    }
  });

  it("leaves no entry pointing at itself (a step that reads nothing new)", () => {
    const next = chaseTable(10_000, seeded(3));
    expect(next.some((to, from) => to === from)).toBe(false);
  });

  it("answers a finite time per step, in nanoseconds", () => {
    const ns = memoryProbeNs(30);
    expect(Number.isFinite(ns)).toBe(true);
    expect(ns).toBeGreaterThan(0);
    expect(ns).toBeLessThan(10_000);
  });
});
