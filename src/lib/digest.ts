import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

// Hashing through @noble/hashes (audited, synchronous, no node: imports), so the same
// code runs on Node and on Workers. Why not Web Crypto: crypto.subtle is async, and the
// idempotency check/store and token lookups run inside a synchronous BEGIN IMMEDIATE
// transaction. Nothing here implements a primitive: these are thin string adapters.
//
// SHA-256 on the booking path (ids, tokens, contacts, the request's fingerprint: six or
// more per booking) goes through `Digests`, which a runtime with a native library may
// replace at boot: src/node.ts installs node:crypto's (node/digests.ts), the same bytes in
// about a third of the time for short input and less for long (issue 17).
// test/lib/digest-backends.test.ts holds the two to the same answers. (The seal's HKDF
// stays here: with its extract step cached, noble's is faster than node:crypto's
// hkdfSync, which sets up an OpenSSL context per call: 7.7 against 13 µs.)

const bytes = (x: string | Uint8Array): Uint8Array => (typeof x === "string" ? utf8ToBytes(x) : x);

export interface Digests {
  /** SHA-256 of a string (UTF-8) or raw bytes, as lower-case hex. */
  sha256Hex(input: string | Uint8Array): string;
}

/** @noble/hashes: the default, and what the Worker runs. */
export const nobleDigests: Digests = {
  sha256Hex: (input) => bytesToHex(sha256(bytes(input))),
};

let active: Digests = nobleDigests;

/** Installs a runtime's own implementation (once, at boot, before any request). */
export function useDigests(digests: Digests): void {
  active = digests;
}

/** SHA-256 of a string (UTF-8) or raw bytes, as lower-case hex. */
export function sha256Hex(input: string | Uint8Array): string {
  return active.sha256Hex(input);
}

/** HMAC-SHA256 (RFC 2104) of a message under a key; strings are UTF-8. */
export function hmacSha256(key: string | Uint8Array, message: string | Uint8Array): Uint8Array {
  return hmac(sha256, bytes(key), bytes(message));
}

/**
 * Compares two secrets without an early exit, so response time does not reveal how many
 * leading characters matched. Hashing first also hides the secret's length.
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  const x = sha256(utf8ToBytes(a));
  const y = sha256(utf8ToBytes(b));
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}
