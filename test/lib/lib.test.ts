import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/lib/canonical-json.js";
import { timingSafeEqualString } from "../../src/lib/digest.js";

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
