import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../src/lib/canonical-json.js";
import { sha256Hex, timingSafeEqualString } from "../src/lib/sha256.js";

describe("sha256", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ])("matches the FIPS 180-4 test vector for %j", (input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it("agrees with node:crypto on arbitrary unicode strings, across block boundaries", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with node:crypto on raw bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(sha256Hex(b)).toBe(createHash("sha256").update(b).digest("hex"));
      }),
    );
  });
});

describe("timingSafeEqualString", () => {
  it.each([
    ["same", "same", true],
    ["same", "Same", false],
    ["prefix", "prefix-longer", false],
    ["", "", true],
  ])("%j vs %j -> %s", (a, b, eq) => {
    expect(timingSafeEqualString(a, b)).toBe(eq);
  });
});

describe("canonicalJson", () => {
  it("is independent of key order at every depth but keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it("drops undefined members like JSON.stringify does", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("keeps a __proto__ key as data", () => {
    const a = JSON.parse('{"__proto__":{"x":1},"b":2}');
    const b = JSON.parse('{"__proto__":{"x":2},"b":2}');
    expect(canonicalJson(a)).toBe('{"__proto__":{"x":1},"b":2}');
    expect(canonicalJson(a)).not.toBe(canonicalJson(b));
  });

  it("round-trips to an equal value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});
