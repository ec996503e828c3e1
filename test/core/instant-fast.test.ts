import { Temporal } from "@js-temporal/polyfill";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantToEpochMinute } from "../../src/core/zone.js";

// The contract's instants ("2026-11-24T09:15:00+01:00") are read by hand on the write
// path (issue 17); whatever the hand-read answers must be what Temporal answers, and
// whatever Temporal refuses must still be refused.

/** Temporal's answer, or "throws". */
function temporal(s: string): number | "throws" {
  try {
    return Math.floor(Temporal.Instant.from(s).epochMilliseconds / 60_000);
  } catch {
    return "throws";
  }
}

function ours(s: string): number | "throws" {
  try {
    return instantToEpochMinute(s);
  } catch {
    return "throws";
  }
}

const two = (n: number) => String(n).padStart(2, "0");

describe("reading an instant", () => {
  it.each([
    ["2026-11-24T09:15:00+01:00", Date.UTC(2026, 10, 24, 8, 15) / 60_000],
    ["2026-11-24T09:15+01:00", Date.UTC(2026, 10, 24, 8, 15) / 60_000],
    ["2026-11-24T08:15:59.999999999Z", Date.UTC(2026, 10, 24, 8, 15) / 60_000],
    ["2026-03-29T01:30:00-03:30", Date.UTC(2026, 2, 29, 5, 0) / 60_000],
    ["2028-02-29T00:00:00+14:00", Date.UTC(2028, 1, 28, 10, 0) / 60_000],
    ["1969-12-31T23:59:30Z", -1],
    ["2027-02-29T00:00:00Z", "throws"],
    ["2026-11-24T24:00:00Z", "throws"],
    ["2026-13-01T00:00:00Z", "throws"],
    ["2026-11-24T09:15:00", "throws"], // no offset: not an instant
    ["2026-11-24T09:15:00+01:00[Europe/Rome]", Date.UTC(2026, 10, 24, 8, 15) / 60_000], // Temporal's own form
    ["2026-11-24 09:15:00+01:00", Date.UTC(2026, 10, 24, 8, 15) / 60_000], // a space: Temporal's call
    ["2026-12-31T23:59:60Z", Date.UTC(2026, 11, 31, 23, 59) / 60_000], // a leap second reads as :59
    ["2026-11-24T08:15:00-00:00", Date.UTC(2026, 10, 24, 8, 15) / 60_000], // "-00:00": Temporal's call
    ["1900-02-29T00:00:00Z", "throws"],
    ["2100-02-29T00:00:00Z", "throws"],
    ["2000-02-29T00:00:00Z", Date.UTC(2000, 1, 29) / 60_000],
    ["2026-11-24T09:15:00+01:00\n", "throws"], // $ does not match before a trailing newline
    ["2026-11-24T09:15:00+01:00:00", Date.UTC(2026, 10, 24, 8, 15) / 60_000], // an offset with seconds: Temporal's call
    ["2026-11-24T09:15:00+0100", Date.UTC(2026, 10, 24, 8, 15) / 60_000],
    ["2026-11-24T09:15:00.1234567890Z", "throws"],
    ["2026-11-24t09:15:00z", Date.UTC(2026, 10, 24, 9, 15) / 60_000],
    [" 2026-11-24T09:15:00Z", "throws"],
  ] as const)("%s → %s, as Temporal reads it", (s, expected) => {
    expect(ours(s)).toBe(expected);
    expect(ours(s)).toBe(temporal(s));
  });

  it("agrees with Temporal on any string of the contract's shape, fields in range or not (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 0, max: 9999 }),
          mo: fc.integer({ min: 0, max: 13 }),
          d: fc.integer({ min: 0, max: 32 }),
          h: fc.integer({ min: 0, max: 25 }),
          mi: fc.integer({ min: 0, max: 61 }),
          sec: fc.option(fc.integer({ min: 0, max: 61 })),
          frac: fc.option(fc.stringMatching(/^\d{1,9}$/)),
          zone: fc.oneof(
            fc.constant("Z"),
            fc.record({
              sign: fc.constantFrom("+", "-"),
              oh: fc.integer({ min: 0, max: 25 }),
              om: fc.integer({ min: 0, max: 61 }),
            }),
          ),
        }),
        ({ y, mo, d, h, mi, sec, frac, zone }) => {
          const seconds = sec === null ? "" : `:${two(sec)}${frac === null ? "" : `.${frac}`}`;
          const z = typeof zone === "string" ? zone : `${zone.sign}${two(zone.oh)}:${two(zone.om)}`;
          const s = `${String(y).padStart(4, "0")}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${seconds}${z}`;
          expect(ours(s)).toBe(temporal(s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
