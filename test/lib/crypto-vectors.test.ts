import { createHash, createHmac, hkdfSync } from "node:crypto";
import fc from "fast-check";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { hmacSha256, sha256Hex } from "../../src/lib/digest.js";

// Known-answer vectors for every hash the server still computes, run against the calls
// the app makes (lib/digest.ts over @noble/hashes, and noble's HKDF as lib/sealing.ts
// calls it): NIST/FIPS 180-4 SHA-256, RFC 4231 HMAC-SHA-256, RFC 5869 HKDF-SHA-256. The
// property tests then hold the same calls to node:crypto on arbitrary input.

const rep = (byte: number, n: number) => new Uint8Array(n).fill(byte);
const range = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);
const hex = (b: Uint8Array) => bytesToHex(b);

describe("SHA-256 (FIPS 180-4 / NIST CAVP examples)", () => {
  it.each([
    ["the empty string", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "the 448-bit message",
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    [
      "the 896-bit message",
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
    ["one million 'a'", "a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
  ])("%s", (_, input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  it("agrees with node:crypto on arbitrary unicode strings and bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(sha256Hex(b)).toBe(createHash("sha256").update(b).digest("hex"));
      }),
      { numRuns: 200 },
    );
  });
});

describe("HMAC-SHA-256 (RFC 4231 test cases)", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ["1", rep(0x0b, 20), enc("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
    [
      "2: a key shorter than the output",
      enc("Jefe"),
      enc("what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    ],
    ["3", rep(0xaa, 20), rep(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"],
    ["4", range(0x01, 0x19), rep(0xcd, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"],
    [
      "6: a key larger than the block",
      rep(0xaa, 131),
      enc("Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ],
    [
      "7: key and data larger than the block",
      rep(0xaa, 131),
      enc(
        "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
      ),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ],
  ])("test case %s", (_, key, data, mac) => {
    expect(hex(hmacSha256(key, data))).toBe(mac);
  });

  it("agrees with node:crypto on arbitrary string keys and messages (the webhook signature's inputs)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 300 }), (key, msg) => {
        expect(hex(hmacSha256(key, msg))).toBe(createHmac("sha256", key).update(msg).digest("hex"));
      }),
      { numRuns: 200 },
    );
  });
});

describe("HKDF-SHA-256 (RFC 5869 test cases)", () => {
  it.each([
    [
      "1: basic",
      rep(0x0b, 22),
      range(0x00, 0x0c),
      range(0xf0, 0xf9),
      42,
      "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    ],
    [
      "2: longer inputs and output",
      range(0x00, 0x4f),
      range(0x60, 0xaf),
      range(0xb0, 0xff),
      82,
      "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
    ],
    [
      "3: empty salt and info",
      rep(0x0b, 22),
      new Uint8Array(0),
      new Uint8Array(0),
      42,
      "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
    ],
  ])("test case %s", (_, ikm, salt, info, length, okm) => {
    expect(hex(hkdf(sha256, ikm, salt, info, length))).toBe(okm);
    expect(hex(hkdf(sha256, ikm, salt, info, length))).toBe(
      Buffer.from(hkdfSync("sha256", ikm, salt, info, length)).toString("hex"),
    );
  });
});
