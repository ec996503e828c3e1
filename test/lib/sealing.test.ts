import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { bytesToHex, utf8ToBytes } from "@noble/ciphers/utils.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { derivedDevSecret, openText, previousSecrets, sealText } from "../../src/lib/sealing.js";

// The AEAD seal of what must be recovered (a manage token inside a stored idempotent
// response): only the same server secret AND the same context (which holds the client's
// Idempotency-Key) open it; any change of a byte is detected; rotation keeps old seals
// readable while the old secret is listed as previous.

const A = { current: "a".repeat(40), previous: [] };
const B = { current: "b".repeat(40), previous: [] };
const TOKEN = "rome_3q2-7wEVpNnYQk1R1v0vd8bPZ6ZcN3LkAyJcQJYhxfs";
const CTX = "manage-token|rome|POST /v1/dealers/{dealerId}/appointments|client-key-1";

describe("sealText / openText", () => {
  it("round-trips, and the sealed form contains neither the token nor the key", () => {
    const sealed = sealText(A, CTX, TOKEN);
    expect(sealed).toMatch(/^v1\.[0-9a-f]+$/);
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString("hex"));
    expect(openText(A, CTX, sealed)).toBe(TOKEN);
  });

  it("uses a fresh nonce per seal: the same token sealed twice differs", () => {
    expect(sealText(A, CTX, TOKEN)).not.toBe(sealText(A, CTX, TOKEN));
  });

  it.each([
    ["another Idempotency-Key", (s: string) => openText(A, CTX.replace("client-key-1", "client-key-2"), s)],
    ["another dealer", (s: string) => openText(A, CTX.replace("|rome|", "|milan|"), s)],
    ["another server secret", (s: string) => openText(B, CTX, s)],
    ["one flipped bit", (s: string) => openText(A, CTX, s.slice(0, -1) + (s.endsWith("0") ? "1" : "0"))],
    ["a truncated seal", (s: string) => openText(A, CTX, s.slice(0, 40))],
    ["a pre-AEAD (keystream) record", () => openText(A, CTX, "0a1b2c3d")],
  ])("refuses to open with %s", (_, open) => {
    expect(open(sealText(A, CTX, TOKEN))).toBeNull();
  });

  it("opens seals of the previous secret during a rotation, and only while it is listed", () => {
    const old = sealText(A, CTX, TOKEN);
    expect(openText({ current: B.current, previous: [A.current] }, CTX, old)).toBe(TOKEN);
    expect(openText(B, CTX, old)).toBeNull();
    // New seals are made under the new secret.
    expect(
      openText(
        { current: A.current, previous: [] },
        CTX,
        sealText({ current: B.current, previous: [A.current] }, CTX, TOKEN),
      ),
    ).toBeNull();
  });

  it("keeps the v1 key derivation: HKDF-SHA256(secret, salt pitlane/seal/v1, info = context), both ways", () => {
    // Records stored before the per-secret extract cache must still open, and the other
    // way round: a seal made by hand with the RFC 5869 key opens, and ours opens with it.
    const key = hkdf(sha256, utf8ToBytes(A.current), utf8ToBytes("pitlane/seal/v1"), utf8ToBytes(CTX), 32);
    const nonce = new Uint8Array(24).fill(7);
    const byHand = `v1.${bytesToHex(nonce)}${bytesToHex(xchacha20poly1305(key, nonce).encrypt(utf8ToBytes(TOKEN)))}`;
    for (let i = 0; i < 3; i++) expect(openText(A, CTX, byHand)).toBe(TOKEN); // cached or not
    const ours = sealText(A, CTX, TOKEN).slice(3);
    const raw = Uint8Array.from(Buffer.from(ours, "hex"));
    expect(Buffer.from(xchacha20poly1305(key, raw.subarray(0, 24)).decrypt(raw.subarray(24))).toString()).toBe(TOKEN);
  });

  it("derives a stable development secret from the admin token, different per token", () => {
    expect(derivedDevSecret("token-one")).toBe(derivedDevSecret("token-one"));
    expect(derivedDevSecret("token-one")).not.toBe(derivedDevSecret("token-two"));
    expect(derivedDevSecret("token-one")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads PITLANE_SECRET_PREVIOUS as a comma-separated list", () => {
    expect(previousSecrets(undefined)).toEqual([]);
    expect(previousSecrets(" x , ,y")).toEqual(["x", "y"]);
  });
});
