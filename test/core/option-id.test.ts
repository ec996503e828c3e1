import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOptionId, encodeOptionId, searchIndex, type DecodedOption } from "../../src/core/index.js";
import { at, job, setup } from "../support/core.js";

// An optionId carries the option itself. It must round-trip exactly, and anything that is
// not one of ours (garbage, truncation, a forged advisor, a bad length) decodes to null
// without throwing.

const { dealer } = setup({
  advisors: [
    { id: "ann", name: "Ann", absences: [] },
    { id: "bob-2", name: "Bob", absences: [] },
    { id: "C_3", name: "C", absences: [] },
  ],
});

/** Base64url of a raw payload, the way the encoder does it (for forging ids in tests). */
function forge(raw: string): string {
  return Buffer.from(raw, "latin1").toString("base64url");
}

const slotArb = (lengths: number[]) =>
  fc.record({
    advisor: fc.integer({ min: 0, max: 2 }),
    start: fc.integer({ min: 0, max: 36 ** 9 - 1 }),
    minutes: fc.constantFrom(...lengths),
  });

// overridesCaps is carried only by express options (an express option past the buffer caps).
const optionArb: fc.Arbitrary<DecodedOption> = fc
  .record({
    reception: slotArb([15, 30]),
    ret: fc.option(slotArb([10, 11, 12, 13, 14, 15]), { nil: null }),
    express: fc.boolean(),
    overridesCaps: fc.boolean(),
  })
  .map((o) => ({ ...o, overridesCaps: o.express && o.overridesCaps }));

describe("optionId round trip", () => {
  it("is the unpadded base64url of its payload, byte for byte (ids issued before a deploy still book after it)", () => {
    fc.assert(
      fc.property(optionArb, (o) => {
        const r = o.reception;
        const ret = o.ret;
        const payload = [
          "o1",
          dealer.advisors[r.advisor].id,
          r.start.toString(36),
          String(r.minutes),
          ret ? dealer.advisors[ret.advisor].id : "",
          ret ? ret.start.toString(36) : "",
          ret ? String(ret.minutes) : "",
          o.express ? (o.overridesCaps ? "xo" : "x") : "",
        ].join(".");
        expect(encodeOptionId(dealer, o)).toBe(forge(payload));
      }),
    );
  });

  it("decode(encode(o)) === o for any option (property)", () => {
    fc.assert(
      fc.property(optionArb, (o) => {
        const id = encodeOptionId(dealer, o);
        expect(id).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe
        expect(decodeOptionId(dealer, id)).toEqual(o);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips the options a real search proposes", () => {
    const s = setup();
    const res = searchIndex(s.index, {
      job: job(s.dealer, ["maintenance"]),
      fromDay: s.dealer.dayOf(at(s.dealer, "2027-03-01T12:00")),
      days: 5,
      count: 4,
      now: at(s.dealer, "2027-02-01T00:00"),
    });
    expect(res.options.length).toBe(4);
    for (const o of res.options) {
      const decoded = decodeOptionId(s.dealer, encodeOptionId(s.dealer, o));
      expect(decoded).toEqual({
        reception: o.reception,
        ret: o.ret,
        express: o.express,
        overridesCaps: o.overridesCaps ?? false,
      });
    }
  });

  it.each(["courtesy_car", "pickup_delivery"] as const)(
    "a priority option's pinned mobility (%s) round-trips; the same option unpinned keeps the eight-part id it always had",
    (pinned) => {
      const o: DecodedOption = { reception: { advisor: 1, start: 29_000_000, minutes: 30 }, ret: null, express: true };
      const plain = encodeOptionId(dealer, o);
      expect(Buffer.from(plain, "base64url").toString("latin1").split(".")).toHaveLength(8);
      expect(decodeOptionId(dealer, plain)).toEqual({ ...o, overridesCaps: false });
      const id = encodeOptionId(dealer, { ...o, pinned });
      expect(id).not.toBe(plain);
      expect(decodeOptionId(dealer, id)).toEqual({ ...o, overridesCaps: false, pinned });
    },
  );

  it.each(["o1.ann.hs8w0.15....x.", "o1.ann.hs8w0.15....x.9", "o1.ann.hs8w0.15....x.a", "o1.ann.hs8w0.15....x.1.2"])(
    "a ninth part that names no mobility decodes to null: %s",
    (raw) => {
      expect(decodeOptionId(dealer, forge(raw))).toBeNull();
    },
  );

  it("distinct options get distinct ids", () => {
    const a: DecodedOption = { reception: { advisor: 0, start: 29_000_000, minutes: 15 }, ret: null, express: false };
    const variants: DecodedOption[] = [
      { ...a, reception: { ...a.reception, advisor: 1 } },
      { ...a, reception: { ...a.reception, start: a.reception.start + 15 } },
      { ...a, reception: { ...a.reception, minutes: 30 } },
      { ...a, ret: { advisor: 0, start: 29_000_300, minutes: 10 } },
      { ...a, express: true },
      { ...a, express: true, overridesCaps: true },
    ];
    const ids = new Set([a, ...variants].map((o) => encodeOptionId(dealer, o)));
    expect(ids.size).toBe(7);
  });
});

describe("garbage and forged ids decode to null", () => {
  const good = encodeOptionId(dealer, {
    reception: { advisor: 1, start: 29_000_000, minutes: 30 },
    ret: { advisor: 0, start: 29_000_400, minutes: 10 },
    express: false,
  });
  const start36 = (29_000_000).toString(36);

  it.each([
    { name: "the empty string", id: "" },
    { name: "plain text", id: "hello world" },
    { name: "characters outside base64url", id: "abc+/=" },
    { name: "a truncated id", id: good.slice(0, good.length - 6) },
    { name: "an over-long id (> 200 chars)", id: good + "A".repeat(200) },
    { name: "another version tag", id: forge(`o2.ann.${start36}.15....`) },
    { name: "an unknown reception advisor", id: forge(`o1.zoe.${start36}.15....`) },
    { name: "an unknown return advisor", id: forge(`o1.ann.${start36}.15.zoe.${start36}.10.`) },
    { name: "a reception length other than 15/30", id: forge(`o1.ann.${start36}.20....`) },
    { name: "a non-numeric start", id: forge(`o1.ann.!!.15....`) },
    { name: "an empty start", id: forge(`o1.ann..15....`) },
    { name: "an over-long start", id: forge(`o1.ann.${"z".repeat(10)}.15....`) },
    { name: "too few fields", id: forge(`o1.ann.${start36}.15`) },
    { name: "too many fields", id: forge(`o1.ann.${start36}.15.....x`) },
    { name: "a non-integer return length", id: forge(`o1.ann.${start36}.15.ann.${start36}.1.5.`) },
  ])("$name", ({ id }) => {
    expect(decodeOptionId(dealer, id)).toBeNull();
  });

  it("a well-formed forged id with known advisors decodes (booking re-checks every rule)", () => {
    expect(decodeOptionId(dealer, forge(`o1.ann.${start36}.15....x`))).toEqual({
      reception: { advisor: 0, start: 29_000_000, minutes: 15 },
      ret: null,
      express: true,
      overridesCaps: false,
    });
  });

  it("never throws on arbitrary strings, and returns null or a well-typed option (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: "binary", maxLength: 120 }),
          fc.base64String({ maxLength: 120 }),
          fc.stringMatching(/^[A-Za-z0-9_-]{0,120}$/),
        ),
        (s) => {
          const d = decodeOptionId(dealer, s);
          if (d === null) return;
          expect(d.reception.advisor).toBeGreaterThanOrEqual(0);
          expect(d.reception.advisor).toBeLessThan(dealer.advisors.length);
          expect([15, 30]).toContain(d.reception.minutes);
          expect(Number.isSafeInteger(d.reception.start)).toBe(true);
          if (d.ret) {
            expect(d.ret.advisor).toBeLessThan(dealer.advisors.length);
            expect(Number.isInteger(d.ret.minutes)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on mutations of a real id (property)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: good.length - 1 }),
        fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. "),
        (i, ch) => {
          const mutated = good.slice(0, i) + ch + good.slice(i + 1);
          expect(() => decodeOptionId(dealer, mutated)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
