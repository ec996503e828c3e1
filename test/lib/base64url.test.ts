import { describe, expect, it } from "vitest";
import { base64urlOfBytes, base64urlOfText, bytesOfBase64url, textOfBase64url } from "../../src/lib/base64url.js";

// base64url without padding (src/lib/base64url.ts), held to Node's own encoder: every
// length's last group (0, 1 or 2 bytes left over) and every byte value, both ways.

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 97 + seed * 31) & 255);

describe("base64url", () => {
  it.each([0, 1, 2, 3, 4, 5, 16, 31, 32, 33, 256])("encodes and decodes %i bytes as Node does", (n) => {
    for (const seed of [0, 1, 7]) {
      const b = bytes(n, seed);
      const node = Buffer.from(b).toString("base64url");
      expect(base64urlOfBytes(b)).toBe(node);
      expect(bytesOfBase64url(node)).toEqual(b);
    }
  });

  it("takes every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesOfBase64url(base64urlOfBytes(all))).toEqual(all);
  });

  it.each(['["open","2026-11-23T09:00:00.000Z","m-1"]', "", "a", "ab", "{~}?>"])("round-trips the text %j", (s) => {
    expect(base64urlOfText(s)).toBe(Buffer.from(s, "latin1").toString("base64url"));
    expect(textOfBase64url(base64urlOfText(s))).toBe(s);
  });

  it("throws on what is not base64 at all", () => {
    expect(() => textOfBase64url("a")).toThrow();
  });
});
