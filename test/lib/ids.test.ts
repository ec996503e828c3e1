import { describe, expect, it } from "vitest";
import { newId } from "../../src/lib/ids.js";

// Row ids are UUIDv7 (RFC 9562 §5.7): time-ordered so that index inserts append (issue 17),
// with 74 random bits so that they stay unguessable.

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16);

describe("newId", () => {
  it.each([
    ["the epoch", 0],
    ["a day in 2026", Date.parse("2026-12-03T09:30:00.123Z")],
    ["the last millisecond of 48 bits", 2 ** 48 - 1],
    ["a value with the high 16 bits set", 0xabcd_1234_5678],
  ])("has the v7 form and carries the millisecond: %s", (_, ms) => {
    const id = newId(ms);
    expect(id).toMatch(V7);
    expect(msOf(id)).toBe(ms);
  });

  it("sorts by creation time across milliseconds, so a B-tree appends", () => {
    const t = Date.parse("2026-12-03T09:30:00Z");
    const ids = Array.from({ length: 2000 }, (_, i) => newId(t + i));
    expect([...ids].sort()).toEqual(ids);
  });

  it("never repeats, also within one millisecond (the random part differs)", () => {
    const t = Date.now();
    const ids = new Set(Array.from({ length: 100_000 }, () => newId(t)));
    expect(ids.size).toBe(100_000);
  });

  it("spreads the random part: every hex digit after the version appears in every position", () => {
    const t = Date.now();
    const tails = Array.from({ length: 4000 }, () => newId(t).replace(/-/g, "").slice(13));
    for (let pos = 0; pos < tails[0].length; pos++) {
      if (pos === 3) continue; // the variant nibble: 8, 9, a or b only
      expect(new Set(tails.map((x) => x[pos])).size).toBe(16);
    }
    expect(new Set(tails.map((x) => x[3]))).toEqual(new Set(["8", "9", "a", "b"]));
  });

  it("uses the wall clock by default", () => {
    const before = Date.now();
    const ms = msOf(newId());
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
