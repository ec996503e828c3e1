import { sha256, sha256Hex } from "../lib/sha256.js";

// Idempotency records keep the first response so a retry can replay it, and a booking's
// first response carries the customer's manage token. So that the database never holds
// a usable token (or the key that unlocks it), the record is stored under a hash of the
// Idempotency-Key, and the token is sealed with a keystream derived from the key itself:
// only a client that presents the key again can read it back.

export function idempotencyKeyId(key: string): string {
  return sha256Hex(`pitlane-idempotency-id|${key}`);
}

function keystream(key: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) out.set(sha256(`pitlane-seal|${block}|${key}`).subarray(0, Math.min(32, length - block * 32)), block * 32);
  return out;
}

const HEX = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

/** Token (ASCII) → hex of token XOR keystream(key). */
export function seal(token: string, key: string): string {
  const ks = keystream(key, token.length);
  const out = new Uint8Array(token.length);
  for (let i = 0; i < token.length; i++) out[i] = token.charCodeAt(i) ^ ks[i];
  return HEX(out);
}

export function unseal(sealed: string, key: string): string {
  const n = sealed.length / 2;
  const ks = keystream(key, n);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(parseInt(sealed.slice(i * 2, i * 2 + 2), 16) ^ ks[i]);
  return s;
}

/** The response as stored: manageToken replaced by its sealed form. */
export function sealResponse<T>(body: T, key: string): T {
  const b = body as { manageToken?: string };
  if (!b || typeof b !== "object" || typeof b.manageToken !== "string") return body;
  const { manageToken, ...rest } = b;
  return { ...rest, manageTokenSealed: seal(manageToken, key) } as T;
}

export function unsealResponse<T>(body: T, key: string): T {
  const b = body as { manageTokenSealed?: string };
  if (!b || typeof b !== "object" || typeof b.manageTokenSealed !== "string") return body;
  const { manageTokenSealed, ...rest } = b;
  return { ...rest, manageToken: unseal(manageTokenSealed, key) } as T;
}
