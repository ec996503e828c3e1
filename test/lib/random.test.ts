import { describe, expect, it } from "vitest";
import { randomBytes } from "../../src/lib/random.js";

// The pooled CSPRNG draw (lib/random.ts) behind ids, manage tokens and seal nonces.

describe("randomBytes", () => {
  it("hands out each byte once: 10,000 draws of 16 bytes (many pool refills) never repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(Buffer.from(randomBytes(16)).toString("hex"));
    expect(seen.size).toBe(10_000);
  });

  it("gives the caller its own copy: changing it changes no later draw", () => {
    const a = randomBytes(32);
    a.fill(0);
    const b = randomBytes(32);
    expect(b.some((x) => x !== 0)).toBe(true);
    expect(randomBytes(7)).toHaveLength(7);
  });

  it("covers every byte value (not a constant or a short cycle)", () => {
    const counts = new Array(256).fill(0);
    for (let i = 0; i < 200; i++) for (const x of randomBytes(1000 % 4096)) counts[x]++;
    expect(counts.every((c) => c > 0)).toBe(true);
  });

  it("refuses more than one pool at once", () => {
    expect(() => randomBytes(4097)).toThrow(RangeError);
  });
});
