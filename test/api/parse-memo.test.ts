import { describe, expect, it } from "vitest";
import { ParseMemo } from "../../src/api/parse-memo.js";

// The remembered parses of a marked body schema (api/parse-memo.ts): shared values are
// deep-frozen, and the memo is bounded by the characters of body text it keys on.

describe("a parse memo", () => {
  it("hands back the value it remembered, deep-frozen, for the same text only", () => {
    const memo = new ParseMemo();
    const value = memo.remember('{"a":[1]}', { a: [1], b: { c: "d" } }) as { a: number[]; b: { c: string } };
    expect(memo.get('{"a":[1]}')).toBe(value);
    expect(memo.get('{ "a":[1]}')).toBeUndefined();
    expect([value, value.a, value.b].every(Object.isFrozen)).toBe(true);
    expect(() => value.a.push(2)).toThrow(TypeError); // modules are strict: a write throws
  });

  it("starts over once its texts would pass 2 M characters, so a stream of distinct bodies cannot grow it", () => {
    const memo = new ParseMemo();
    const big = (n: number) => `${n}${" ".repeat(600_000)}`;
    for (let i = 0; i < 3; i++) memo.remember(big(i), { i });
    expect([0, 1, 2].map((i) => memo.get(big(i)))).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    memo.remember(big(3), { i: 3 }); // 2.4 M characters: the first three go
    expect([0, 1, 2, 3].map((i) => memo.get(big(i)))).toEqual([undefined, undefined, undefined, { i: 3 }]);
  });
});
