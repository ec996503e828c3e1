import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

// Hashing through @noble/hashes (audited, synchronous, no node: imports), so the same
// code runs on Node and on Workers. Why not Web Crypto: crypto.subtle is async, and the
// idempotency check/store and token lookups run inside a synchronous BEGIN IMMEDIATE
// transaction. Nothing here implements a primitive: these are thin string adapters.

const bytes = (x: string | Uint8Array): Uint8Array => (typeof x === "string" ? utf8ToBytes(x) : x);

/** SHA-256 of a string (UTF-8) or raw bytes, as lower-case hex. */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(bytes(input)));
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
