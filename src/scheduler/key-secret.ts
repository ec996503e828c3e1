import { sha256Hex } from "../lib/digest.js";
import { randomToken } from "./tokens.js";

// The shape of a staff API key. The prefix lets auth skip the table lookup for anything
// that is not a key, and lets secret scanners (and people) recognise a leaked one.

export const KEY_PREFIX = "pk_";
/** 32 bytes = 256 bits from the platform CSPRNG. */
export const KEY_SECRET_BYTES = 32;

export function newKeySecret(): { secret: string; hash: string } {
  const secret = KEY_PREFIX + randomToken(KEY_SECRET_BYTES);
  return { secret, hash: sha256Hex(secret) };
}

/** Key ids are public (they appear in lists, audit rows and URLs); only the secret is secret. */
export function newKeyId(): string {
  return `key_${randomToken(12)}`;
}
